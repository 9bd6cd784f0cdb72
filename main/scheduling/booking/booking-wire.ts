// The booking API on the wire (snake_case, like the rest of the ingest API): request bodies and queries, and the
// answers, as zod schemas. docs/scheduling-api.md's JSON Schemas are generated from these
// (scripts/scheduling-api-docs.ts), so the docs can't drift from what the routes check.
import { z } from 'zod';
import { ACTIVITY_OPERATIONS } from './activity-log';
import type { BookingAnswer } from './booking-answer';
import { BOOKING_ERROR_REASONS } from './booking-errors';
import { attendeeSchema } from './booking-input';

const isoDateTime = z.iso.datetime({ offset: true });

export const availabilityQueryWire = z.strictObject({
  from: isoDateTime.optional().describe('Start of the range (ISO 8601 with an offset). Default: now.'),
  to: isoDateTime.optional().describe('End of the range, at most 31 days after "from". Default: a week after "from".'),
});

export const bookingBodyWire = z.strictObject({
  start: isoDateTime.describe('The slot to book: a "start" from the availability answer (any ISO 8601 time with an offset).'),
  attendee: attendeeSchema.describe('Who the appointment is with: a name, and an email and/or a phone number in E.164.'),
  case_id: z.string().min(1).max(64).optional().describe("The Kayse case the appointment is for: it appears in the case's history."),
  client_id: z.string().min(1).max(64).optional().describe('The Kayse client the appointment is with.'),
});

export const cancelBodyWire = z.strictObject({ reason: z.string().min(1).max(500).optional().describe('Why (sent to Cal.com as the cancellation reason).') });
export const rescheduleBodyWire = z.strictObject({
  start: isoDateTime.describe('The new slot (a "start" from the availability answer).'),
  reason: z.string().min(1).max(500).optional().describe('Why (sent to Cal.com as the rescheduling reason).'),
});

const slotWire = z.object({
  start: z.string().describe('ISO 8601 with the company timezone\'s offset.'),
  spoken: z.string().describe('The slot as a voice agent says it: "Tuesday, December 8 at 2:30 PM".'),
});

export const availabilityAnswerWire = z.object({
  agent_id: z.string(),
  time_zone: z.string().describe("The company's timezone (IANA): every time in the answer is in it."),
  from: z.string(),
  to: z.string(),
  slots: z.array(slotWire),
});

export const bookingWire = z.object({
  uid: z.string().describe('Cal.com\'s booking id: cancel and reschedule take it.'),
  id: z.number().int(),
  status: z.enum(['accepted', 'pending', 'cancelled', 'rejected', 'awaiting_host']),
  start: z.string(),
  end: z.string(),
  spoken: z.string(),
  time_zone: z.string(),
  event_type_id: z.number().int(),
  agent_id: z.string().nullable(),
  attendee: z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() }).nullable(),
  case_id: z.string().nullable(),
  client_id: z.string().nullable(),
  rescheduled_from_uid: z.string().nullable(),
});

export const bookAnswerWire = z.object({
  booking: bookingWire,
  replayed: z.boolean().describe('True when this answers a retry: the booking was made by the first request with this Idempotency-Key.'),
});
export const bookingChangeAnswerWire = z.object({ booking: bookingWire });

export const bookingErrorWire = z.object({
  error: z.object({
    code: z.string().describe('INVALID_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT, UNPROCESSABLE, UPSTREAM_ERROR, UNAUTHORIZED, RATE_LIMITED'),
    message: z.string().describe('What went wrong and what to do.'),
    details: z
      .object({
        reason: z.enum(Object.keys(BOOKING_ERROR_REASONS) as [keyof typeof BOOKING_ERROR_REASONS]),
        issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
        alternatives: z.array(slotWire).optional().describe('slot_taken, outside_window, in_the_past: the next free slots (at most three).'),
        retry_after_seconds: z.number().int().optional(),
        provider_message: z.string().optional().describe("Cal.com's own words."),
      })
      .optional(),
  }),
});

/** The operations the activity log records (for the docs). */
export const activityOperationsWire = z.enum(ACTIVITY_OPERATIONS);

export function toBookingWire(b: BookingAnswer): z.infer<typeof bookingWire> {
  return {
    uid: b.uid,
    id: b.id,
    status: b.status,
    start: b.start,
    end: b.end,
    spoken: b.spoken,
    time_zone: b.timeZone,
    event_type_id: b.eventTypeId,
    agent_id: b.agentId,
    attendee: b.attendee,
    case_id: b.caseId,
    client_id: b.clientId,
    rescheduled_from_uid: b.rescheduledFromUid,
  };
}
