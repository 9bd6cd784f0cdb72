// Free slots and the booking checks, as Cal.com decides them for one host: the weekly schedule in the host's own
// time zone (so a 09:00 start stays 09:00 local across a DST change), slots every event length inside it, minus
// the host's accepted bookings (any event type), minimum notice and the booking window.
import type { SimEventType, SimUser } from './sim-seed';
import { instantOf, localDate, nextDate, weekday } from './sim-zone';

export interface SimBooking {
  id: number;
  uid: string;
  eventTypeId: number;
  hostId: number;
  startMs: number;
  endMs: number;
  status: 'accepted' | 'cancelled';
  attendee: { name: string; email: string; timeZone: string; phoneNumber?: string };
  metadata: Record<string, string>;
  createdAt: string;
  cancellationReason?: string;
  reschedulingReason?: string;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Every start the host's schedule offers for `et` between the two instants (inclusive), ignoring bookings and notice. */
function scheduledStarts(host: SimUser, et: SimEventType, fromMs: number, toMs: number): number[] {
  const starts: number[] = [];
  const { days, fromMinute, toMinute } = host.schedule;
  let date = localDate(host.timeZone, fromMs - DAY);
  const last = localDate(host.timeZone, toMs + DAY);
  for (let guard = 0; date <= last && guard < 800; guard++, date = nextDate(date)) {
    if (!days.includes(weekday(date))) continue;
    for (let m = fromMinute; m + et.lengthInMinutes <= toMinute; m += et.lengthInMinutes) {
      const at = instantOf(host.timeZone, date, m);
      if (at >= fromMs && at <= toMs) starts.push(at);
    }
  }
  return starts;
}

const overlaps = (b: SimBooking, startMs: number, endMs: number) => b.status === 'accepted' && b.startMs < endMs && startMs < b.endMs;

/** The free starts for `et` in [fromMs, toMs], as of `nowMs`. */
export function freeStarts(host: SimUser, et: SimEventType, bookings: readonly SimBooking[], fromMs: number, toMs: number, nowMs: number): number[] {
  const earliest = nowMs + et.minimumBookingNoticeMinutes * MINUTE;
  const latest = nowMs + et.bookingWindowDays * DAY;
  const mine = bookings.filter((b) => b.hostId === host.id);
  return scheduledStarts(host, et, Math.max(fromMs, earliest), Math.min(toMs, latest)).filter(
    (s) => !mine.some((b) => overlaps(b, s, s + et.lengthInMinutes * MINUTE)),
  );
}

/** Cal.com's 400 message when `startMs` can't be booked, or null when it can (`ignoreUid`: the booking being moved). */
export function bookingRefusal(host: SimUser, et: SimEventType, bookings: readonly SimBooking[], startMs: number, nowMs: number, ignoreUid?: string): string | null {
  if (startMs < nowMs) return 'Attempting to book a meeting in the past.';
  if (startMs < nowMs + et.minimumBookingNoticeMinutes * MINUTE || startMs > nowMs + et.bookingWindowDays * DAY) return 'booking_time_out_of_bounds_error';
  const offered = scheduledStarts(host, et, startMs, startMs).includes(startMs);
  const endMs = startMs + et.lengthInMinutes * MINUTE;
  const clash = bookings.some((b) => b.hostId === host.id && b.uid !== ignoreUid && overlaps(b, startMs, endMs));
  if (!offered || clash) return 'User either already has booking at this time or is not available';
  return null;
}
