// The booking bodies Cal.com accepts (2024-08-13) and what cancel and reschedule do to a booking. Validation
// follows external-apis.md: attendee.timeZone required, email or an E.164 phoneNumber, metadata at most 50 keys of
// strings ≤ 500 characters.
import { z } from 'zod';
import { bookingRefusal, type SimBooking } from './sim-availability';
import type { SimState } from './sim-state';
import { isTimeZone } from './sim-zone';

const E164 = /^\+[1-9]\d{6,14}$/;

const bookSchema = z.object({
  start: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'start must be a valid ISO 8601 date'),
  eventTypeId: z.number().int(),
  attendee: z
    .object({
      name: z.string().min(1, 'attendee.name should not be empty'),
      timeZone: z.string().refine(isTimeZone, 'attendee.timeZone must be a valid IANA time zone'),
      email: z.email('attendee.email must be an email').optional(),
      phoneNumber: z.string().regex(E164, 'attendee.phoneNumber must be a valid phone number in E.164 format').optional(),
    })
    .refine((a) => a.email !== undefined || a.phoneNumber !== undefined, 'attendee.email or attendee.phoneNumber must be provided'),
  metadata: z
    .record(z.string(), z.string().max(500, 'metadata values must be at most 500 characters'))
    .refine((m) => Object.keys(m).length <= 50, 'metadata must have at most 50 keys')
    .optional(),
});

export interface BookBody {
  eventTypeId: number;
  startMs: number;
  attendee: SimBooking['attendee'];
  metadata: Record<string, string>;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export function bookBody(text: string): { ok: true; value: BookBody } | { ok: false; message: string } {
  const result = bookSchema.safeParse(parse(text));
  if (!result.success) return { ok: false, message: result.error.issues.map((i) => i.message).join(', ') };
  const { start, eventTypeId, attendee, metadata } = result.data;
  // A phone-only attendee gets a placeholder email, as Cal.com makes one (ASSUMED domain).
  const email = attendee.email ?? `${attendee.phoneNumber!.slice(1)}@sms.cal.com`;
  return {
    ok: true,
    value: { eventTypeId, startMs: Date.parse(start), attendee: { name: attendee.name, email, timeZone: attendee.timeZone, ...(attendee.phoneNumber ? { phoneNumber: attendee.phoneNumber } : {}) }, metadata: metadata ?? {} },
  };
}

type WriteResult = { ok: true; status: number; booking: SimBooking } | { ok: false; status: number; message: string };

/** Cancels or reschedules booking `uid` for the body given. */
export function bookingWrite(state: SimState, uid: string, action: 'cancel' | 'reschedule', text: string): WriteResult {
  const booking = state.bookings.find((b) => b.uid === uid);
  if (!booking) return { ok: false, status: 404, message: `Booking with uid=${uid} was not found in the database` };
  const body = (parse(text) ?? {}) as { cancellationReason?: unknown; start?: unknown; reschedulingReason?: unknown };
  if (booking.status === 'cancelled') return { ok: false, status: 400, message: `Booking with uid=${uid} is already cancelled` };
  if (action === 'cancel') {
    booking.status = 'cancelled';
    if (typeof body.cancellationReason === 'string') booking.cancellationReason = body.cancellationReason;
    return { ok: true, status: 200, booking };
  }
  const startMs = typeof body.start === 'string' ? Date.parse(body.start) : NaN;
  if (Number.isNaN(startMs)) return { ok: false, status: 400, message: 'start must be a valid ISO 8601 date' };
  const et = state.eventTypes.find((e) => e.id === booking.eventTypeId)!;
  const refusal = bookingRefusal(state.user(et.hostId), et, state.bookings, startMs, state.now().getTime(), uid);
  if (refusal) return { ok: false, status: 400, message: refusal };
  const moved = state.addBooking(et, startMs, booking.attendee, booking.metadata);
  moved.rescheduledFromUid = uid;
  if (typeof body.reschedulingReason === 'string') moved.reschedulingReason = body.reschedulingReason;
  booking.status = 'cancelled';
  booking.rescheduledToUid = moved.uid;
  return { ok: true, status: 201, booking: moved };
}
