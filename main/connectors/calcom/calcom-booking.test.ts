// Booking through the client against the simulator: the round trip (book takes the slot, reschedule moves it,
// cancel frees it), the race where a listed slot is taken before it is booked, and each refusal a voice agent must
// tell apart: in the past, outside the booking window (minimum notice, too far ahead), not available, bad attendee.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { SchedulingError } from './scheduling-error';
import { startCalcomTest } from './test-calcom';

const cleanup = useCleanup();

async function failure(promise: Promise<unknown>): Promise<SchedulingError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SchedulingError) return error;
    throw error;
  }
  throw new Error('expected a SchedulingError, but the call succeeded');
}

const maria = { name: 'Maria Lopez', email: 'maria@example.com', timeZone: 'America/New_York' };
const NY = 'America/New_York';
/** Thursday 3 December 2026 in New York (the fixture's clock: Wednesday 10:00 there). */
const THURSDAY = { start: '2026-12-03T05:00:00Z', end: '2026-12-04T04:59:59Z', timeZone: NY };
const localTimes = (slots: { start: string }[]) => slots.map((s) => s.start.slice(11, 16));

describe('Cal.com bookings', () => {
  it('books a slot (it leaves the list), reschedules it (the old time frees), cancels it (all free again)', async () => {
    const t = cleanup.use(await startCalcomTest());
    const client = t.client();
    const slots = await client.slots({ eventTypeId: 502, ...THURSDAY });
    expect(localTimes(slots)).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
    expect(slots[0]).toEqual({ start: '2026-12-03T09:00:00.000-05:00', date: '2026-12-03' });

    const booked = await client.book({ eventTypeId: 502, start: slots[0]!.start, attendee: maria, metadata: { case_id: 'C-1042' } });
    expect(booked).toMatchObject({ status: 'accepted', start: '2026-12-03T14:00:00.000Z', end: '2026-12-03T15:00:00.000Z', eventTypeId: 502, metadata: { case_id: 'C-1042' } });
    expect(booked.attendees).toEqual([{ name: 'Maria Lopez', email: 'maria@example.com', timeZone: NY }]);
    expect(localTimes(await client.slots({ eventTypeId: 502, ...THURSDAY }))[0]).toBe('10:00');

    const moved = await client.reschedule(booked.uid, '2026-12-03T16:00:00-05:00', 'Client asked for later');
    expect(moved).toMatchObject({ status: 'accepted', start: '2026-12-03T21:00:00.000Z', rescheduledFromUid: booked.uid });
    expect(moved.uid).not.toBe(booked.uid);
    expect(localTimes(await client.slots({ eventTypeId: 502, ...THURSDAY }))).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00']);

    const cancelled = await client.cancel(moved.uid, 'Client found another firm');
    expect(cancelled.status).toBe('cancelled');
    expect(await client.slots({ eventTypeId: 502, ...THURSDAY })).toHaveLength(8);
    expect(t.sim.bookings().map((b) => [b.start, b.status])).toEqual([
      ['2026-12-03T14:00:00.000Z', 'cancelled'],
      ['2026-12-03T21:00:00.000Z', 'cancelled'],
    ]);

    expect((await failure(client.cancel(moved.uid))).kind).toBe('rejected');
    const missing = await failure(client.cancel('no-such-booking'));
    expect(missing.kind).toBe('not_found');
    expect(missing.message).toContain('booking no-such-booking');
  });

  it('a slot taken between listing and booking is refused as taken; the next listing no longer offers it', async () => {
    const t = cleanup.use(await startCalcomTest());
    const client = t.client();
    const today = { start: '2026-12-02T15:00:00Z', end: '2026-12-03T04:59:59Z', timeZone: NY };
    const listed = await client.slots({ eventTypeId: 501, ...today });
    // 10:00 now, two hours' minimum notice: the first is noon.
    expect(localTimes(listed).slice(0, 3)).toEqual(['12:00', '12:30', '13:00']);
    t.sim.takeSlot(501, listed[0]!.start);
    const taken = await failure(client.book({ eventTypeId: 501, start: listed[0]!.start, attendee: maria }));
    expect(taken.kind).toBe('slot_taken');
    expect(taken.schedulingDetails).toMatchObject({ status: 400, providerMessage: 'User either already has booking at this time or is not available' });
    expect(taken.message).toContain('no longer free');
    const again = await client.slots({ eventTypeId: 501, ...today });
    expect(localTimes(again)[0]).toBe('12:30');
    expect((await client.book({ eventTypeId: 501, start: again[0]!.start, attendee: maria })).status).toBe('accepted');
  });

  it('tells apart a time in the past, too soon, too far ahead, and not in the host’s hours', async () => {
    const t = cleanup.use(await startCalcomTest());
    const client = t.client();
    const past = await failure(client.book({ eventTypeId: 502, start: '2026-12-01T14:00:00Z', attendee: maria }));
    expect(past.kind).toBe('in_the_past');
    // 11:00 in New York today: inside the two hours' notice of "Free consultation".
    const soon = await failure(client.book({ eventTypeId: 501, start: '2026-12-02T16:00:00Z', attendee: maria }));
    expect(soon.kind).toBe('outside_window');
    // Three months ahead: past its 60-day window.
    const far = await failure(client.book({ eventTypeId: 501, start: '2027-03-02T14:00:00Z', attendee: maria }));
    expect(far.kind).toBe('outside_window');
    expect(far.message).toContain('booking window');
    // Saturday: the host has no hours.
    const weekend = await failure(client.book({ eventTypeId: 502, start: '2026-12-05T14:00:00Z', attendee: maria }));
    expect(weekend.kind).toBe('slot_taken');
    expect(t.sim.bookings()).toEqual([]);
  });

  it('books with a phone number alone; refuses an attendee with neither email nor phone, saying so', async () => {
    const t = cleanup.use(await startCalcomTest());
    const client = t.client();
    const byPhone = await client.book({ eventTypeId: 502, start: '2026-12-03T15:00:00Z', attendee: { name: 'Ray Chen', phoneNumber: '+12125550147', timeZone: NY } });
    expect(byPhone.attendees[0]).toMatchObject({ name: 'Ray Chen', phoneNumber: '+12125550147' });
    const nobody = await failure(client.book({ eventTypeId: 502, start: '2026-12-03T16:00:00Z', attendee: { name: 'No Contact', timeZone: NY } }));
    expect(nobody.kind).toBe('rejected');
    expect(nobody.message).toContain('attendee.email or attendee.phoneNumber must be provided');
    const unknownType = await failure(client.book({ eventTypeId: 999, start: '2026-12-03T16:00:00Z', attendee: maria }));
    expect(unknownType.kind).toBe('not_found');
  });
});
