// What the booking service answers: free slots and bookings in the company's timezone, each time with the
// sentence a voice agent says.
import type { CalcomBooking, CalcomSlot } from '../../connectors';
import type { SpokenSlot } from './booking-errors';
import type { Attendee } from './booking-input';
import { isoInZone, spokenTime } from './spoken-time';

export interface Availability {
  agentId: string;
  timeZone: string;
  from: string;
  to: string;
  slots: SpokenSlot[];
}

export interface BookingAnswer {
  uid: string;
  id: number;
  status: CalcomBooking['status'];
  /** In the company timezone's offset. */
  start: string;
  end: string;
  spoken: string;
  timeZone: string;
  eventTypeId: number;
  agentId: string | null;
  attendee: Attendee | null;
  caseId: string | null;
  clientId: string | null;
  rescheduledFromUid: string | null;
}

export interface BookResult {
  booking: BookingAnswer;
  /** True when a retried request was answered with the booking its Idempotency-Key made before. */
  replayed: boolean;
}

export const toSpokenSlots = (slots: CalcomSlot[], timeZone: string, now: Date): SpokenSlot[] =>
  slots.map((s) => ({ start: isoInZone(s.start, timeZone), spoken: spokenTime(s.start, timeZone, now) }));

export function toBookingAnswer(
  b: CalcomBooking,
  ctx: { timeZone: string; now: Date; agentId: string | null; attendee: Attendee | null; caseId: string | null; clientId: string | null },
): BookingAnswer {
  return {
    uid: b.uid,
    id: b.id,
    status: b.status,
    start: isoInZone(b.start, ctx.timeZone),
    end: isoInZone(b.end, ctx.timeZone),
    spoken: spokenTime(b.start, ctx.timeZone, ctx.now),
    timeZone: ctx.timeZone,
    eventTypeId: b.eventTypeId,
    agentId: ctx.agentId,
    attendee: ctx.attendee,
    caseId: ctx.caseId,
    clientId: ctx.clientId,
    rescheduledFromUid: b.rescheduledFromUid ?? null,
  };
}
