// What the booking service takes, checked with zod (the HTTP routes and the console's "Try it" both come through
// here): time ranges, the attendee (a name, and an email and/or an E.164 phone), the booking's case and client.
import { z } from 'zod';
import type { FieldIssue } from '../../../shared/result';
import { invalidInput } from './booking-errors';

/** "+", a country code that doesn't start with 0, at most 15 digits (ITU-T E.164): what Cal.com takes. */
export const E164_PATTERN = /^\+[1-9][0-9]{6,14}$/;
/** The longest range one availability call may ask for (Cal.com answers slowly beyond a few weeks). */
export const MAX_RANGE_DAYS = 31;

const isoDateTime = z.iso.datetime({ offset: true, message: 'expected an ISO date-time with an offset or Z, e.g. 2026-12-08T14:30:00-05:00' });

export const attendeeSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'the attendee\'s name is required').max(100, 'at most 100 characters'),
    email: z.email('expected an email address').max(254).optional(),
    phone: z.string().trim().regex(E164_PATTERN, 'expected an E.164 phone number, e.g. +15551230001').optional(),
  })
  .refine((a) => a.email !== undefined || a.phone !== undefined, { message: 'give an email and/or a phone number (E.164)', path: ['email'] });
export type Attendee = z.infer<typeof attendeeSchema>;

export const bookingInputSchema = z.strictObject({
  start: isoDateTime,
  attendee: attendeeSchema,
  caseId: z.string().trim().min(1).max(64).optional(),
  clientId: z.string().trim().min(1).max(64).optional(),
});
export type BookingInput = z.infer<typeof bookingInputSchema>;

export const availabilityInputSchema = z
  .strictObject({ from: isoDateTime.optional(), to: isoDateTime.optional() })
  .refine((r) => !r.from || !r.to || Date.parse(r.to) > Date.parse(r.from), { message: '"to" must be after "from"', path: ['to'] })
  .refine((r) => !r.from || !r.to || Date.parse(r.to) - Date.parse(r.from) <= MAX_RANGE_DAYS * 86_400_000, {
    message: `ask for at most ${MAX_RANGE_DAYS} days at a time`,
    path: ['to'],
  });

export const cancelInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() });
export const rescheduleInputSchema = z.strictObject({ start: isoDateTime, reason: z.string().trim().min(1).max(500).optional() });

/** Booking uids: Cal.com's are short url-safe strings. */
export const bookingUidSchema = z.string().trim().min(1, 'the booking id is required').max(100, 'at most 100 characters').regex(/^[A-Za-z0-9_-]+$/, 'expected a booking id (letters, digits, - and _)');
export const agentIdSchema = z.string().trim().min(1, 'the agent id is required').max(64, 'at most 64 characters');

export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'expected 1 to 200 printable characters without spaces (a UUID works well)');

/** Parses `value` or throws invalid_input naming each field (prefixed with `prefix`). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string, prefix = ''): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(input)', message: i.message }));
  throw invalidInput(what, issues);
}
