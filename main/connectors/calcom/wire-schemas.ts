// zod schemas of every Cal.com v2 answer the client reads (public: the v2 controllers and output DTOs of
// calcom/cal.com apps/api/v2, and external-apis.md). Only what the console uses is required; everything else
// Cal.com sends passes through untouched, so additions on their side never break a booking.
import { z } from 'zod';

const isoInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /T\d{2}:\d{2}/.test(s), 'an ISO date-time');
const timeZone = z.string().min(1);

/** Every success: `{"status":"success","data":…}`. */
export const successEnvelope = <T extends z.ZodType>(data: T) => z.object({ status: z.literal('success'), data });

/** Every failure: `{"status":"error","timestamp","path","error":{"code","message","details"?}}`. */
export const errorEnvelopeSchema = z.object({
  status: z.literal('error'),
  timestamp: z.string().optional(),
  path: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string().optional(), details: z.unknown().optional() }),
});
export type CalcomErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** `GET /v2/me`: the key's owner. */
export const meSchema = successEnvelope(
  z.looseObject({ id: z.number().int(), username: z.string().nullable(), email: z.string(), timeZone, name: z.string().nullable().optional() }),
);

/** `GET /v2/event-types/{id}` (2024-06-14). */
export const eventTypeSchema = successEnvelope(
  z.looseObject({
    id: z.number().int(),
    title: z.string(),
    slug: z.string(),
    lengthInMinutes: z.number().int().positive(),
    lengthInMinutesOptions: z.array(z.number().int().positive()).optional(),
    ownerId: z.number().int().nullable().optional(),
  }),
);

/** `GET /v2/slots` (2024-09-04): free starts by date (in the asked timeZone), each with its offset. */
export const slotsSchema = successEnvelope(
  z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)'), z.array(z.looseObject({ start: isoInstant, end: isoInstant.optional() }))),
);

const attendeeSchema = z.looseObject({ name: z.string(), email: z.string(), timeZone, phoneNumber: z.string().nullable().optional() });

/** A booking (2024-08-13), as create, cancel and reschedule answer it. */
export const bookingSchema = z.looseObject({
  id: z.number().int(),
  uid: z.string().min(1),
  title: z.string().optional(),
  status: z.enum(['accepted', 'pending', 'cancelled', 'rejected', 'awaiting_host']),
  start: isoInstant,
  end: isoInstant,
  duration: z.number().int().optional(),
  eventTypeId: z.number().int(),
  attendees: z.array(attendeeSchema),
  cancellationReason: z.string().nullable().optional(),
  reschedulingReason: z.string().nullable().optional(),
  rescheduledFromUid: z.string().nullable().optional(),
  rescheduledToUid: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});
export const bookingAnswerSchema = successEnvelope(bookingSchema);
export type WireBooking = z.infer<typeof bookingSchema>;
