// The booking service as the console's own screens call it (no HTTP): a change of the company's timezone reaches
// the next answer, and a booked Idempotency-Key holds across a restart (a new service over the same database).
import { describe, expect, it } from 'vitest';
import { createCalcomClient } from '../../connectors';
import { createGuardedAgent } from '../../net';
import { useCleanup } from '../../test-support/use-cleanup';
import { createBookingService, KEY_RETENTION_MS } from './booking-service';
import { startBookingTest, THURSDAY } from './test-booking';

const cleanup = useCleanup();
const maria = { name: 'Maria Lopez', email: 'maria@example.com' };

describe('booking service', () => {
  it("answers in the company's timezone, and in the new one as soon as the company changes it", async () => {
    const t = cleanup.use(await startBookingTest());
    const ny = await t.service.availability(t.agent.id, THURSDAY);
    expect(ny.slots[0]).toEqual({ start: '2026-12-03T09:00:00.000-05:00', spoken: 'Thursday, December 3 at 9 AM' });

    t.core.workspace.company.update({ name: 'Avery Law', timezone: 'Europe/London' });
    const london = await t.service.availability(t.agent.id, THURSDAY);
    expect(london.timeZone).toBe('Europe/London');
    expect(london.slots[0]).toEqual({ start: '2026-12-03T14:00:00.000+00:00', spoken: 'Thursday, December 3 at 2 PM' });
    const booked = await t.service.book(t.agent.id, { start: london.slots[1]!.start, attendee: maria }, 'tz-1');
    expect(booked.booking).toMatchObject({ start: '2026-12-03T15:00:00.000+00:00', spoken: 'Thursday, December 3 at 3 PM', timeZone: 'Europe/London' });
  });

  it('a booked Idempotency-Key holds across a restart: the new service answers the same booking, Cal.com books once', async () => {
    const t = cleanup.use(await startBookingTest());
    const first = await t.service.book(t.agent.id, { start: '2026-12-03T13:00:00-05:00', attendee: maria }, 'restart-1');
    t.service.close();
    const restarted = createBookingService(t.deps);
    const again = await restarted.book(t.agent.id, { start: '2026-12-03T13:00:00-05:00', attendee: maria }, 'restart-1');
    restarted.close();
    expect(again).toEqual({ booking: first.booking, replayed: true });
    expect(t.liveBookings()).toHaveLength(1);

    // Kept 30 days: a console started after that has forgotten the key (it may be used again).
    t.clock.advance(KEY_RETENTION_MS + 1);
    createBookingService(t.deps).close();
    expect(t.core.database.sqlite.prepare('SELECT count(*) AS n FROM scheduling_idempotency').get()).toEqual({ n: 0 });
  });

  it("Cal.com refusing the console's key, or not knowing the agent's event type: 422 naming what to fix", async () => {
    const t = cleanup.use(await startBookingTest());
    const dispatcher = createGuardedAgent({ allowlist: ['127.0.0.1/32'], connectTimeoutMs: 2_000 });
    cleanup.add(() => dispatcher.close());
    const expired = createCalcomClient({ apiKey: t.sim.keys.expired, baseUrl: t.sim.url, dispatcher, timeoutMs: 5_000, clock: t.clock });
    const refused = createBookingService({ ...t.deps, clientFor: async () => expired });
    cleanup.add(() => refused.close());
    await expect(refused.availability(t.agent.id, THURSDAY)).rejects.toMatchObject({
      reason: 'scheduling_key_refused',
      status: 422,
      message: expect.stringContaining("Cal.com refused the console's API key (it has expired)"),
    });

    const wrongType = t.core.workspace.agents.create({ name: 'Typo line', campaignId: null, appointmentBooking: true, eventTypeId: 9999 });
    await expect(t.service.availability(wrongType.id, THURSDAY)).rejects.toMatchObject({
      reason: 'event_type_not_found',
      message: expect.stringContaining("Cal.com has no event type 9999 for this key: fix the agent's Event Type ID"),
    });
  });

  it('a booking for another year says the year; a phone-only attendee books', async () => {
    const t = cleanup.use(await startBookingTest());
    const booked = await t.service.book(t.agent.id, { start: '2027-01-05T10:00:00-05:00', attendee: { name: 'Sam Ortiz', phone: '+15551230009' } }, 'year-1');
    expect(booked.booking.spoken).toBe('Tuesday, January 5, 2027 at 10 AM');
    expect(booked.booking.attendee).toEqual({ name: 'Sam Ortiz', phone: '+15551230009' });
  });
});
