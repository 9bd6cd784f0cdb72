// Test fixture: a real core (SQLite, workspace) on a manual clock, a Cal.com simulator on 127.0.0.1 sharing that
// clock, the booking service over both, and an ingest server on a free loopback port serving the booking routes
// with one API key. Agents: one booking into event type 502 ("Case review", 60 min, no notice), one with booking
// off. Company timezone America/New_York. `connected` switches the Cal.com key on and off.
import { createCalcomClient } from '../../connectors';
import { startCalcomSimulator } from '../../connectors/calcom/simulator';
import { createIngest } from '../../ingest';
import { createGuardedAgent } from '../../net';
import { manualClock } from '../../test-support/clock';
import { startTestCore } from '../../test-support/test-core';
import type { BookingServiceDeps } from './booking-context';
import { bookingRoutes } from './booking-routes';
import { createBookingService } from './booking-service';

/** Wednesday 2 December 2026, 10:00 in New York. */
export const BOOKING_CLOCK_START = '2026-12-02T15:00:00.000Z';
/** Thursday 3 December 2026 in New York: event type 502 has 09:00–16:00 (eight one-hour slots). */
export const THURSDAY = { from: '2026-12-03T00:00:00-05:00', to: '2026-12-03T23:59:00-05:00' };

export async function startBookingTest(options: { timeBudgetMs?: number; clientTimeoutMs?: number } = {}) {
  const clock = manualClock(BOOKING_CLOCK_START);
  const core = startTestCore({ fileSecrets: true, clock });
  const { workspace } = core;
  workspace.company.update({ name: 'Avery Law', timezone: 'America/New_York' });
  const agent = workspace.agents.create({ name: 'Intake line', campaignId: null, appointmentBooking: true, eventTypeId: 502 });
  const offAgent = workspace.agents.create({ name: 'Survey line', campaignId: null, appointmentBooking: false, eventTypeId: null });
  workspace.caseTypes.create({ name: 'Personal Injury', statuses: ['New Lead'] });
  const theCase = workspace.records.upsertCase({ name: 'Doe v. Trucking Co', caseType: 'Personal Injury', status: 'New Lead' }, { origin: 'ingest' }).case;

  const sim = await startCalcomSimulator({ clock });
  const dispatcher = createGuardedAgent({ allowlist: ['127.0.0.1/32'], connectTimeoutMs: 2_000 });
  const client = createCalcomClient({ apiKey: sim.keys.valid, baseUrl: sim.url, dispatcher, timeoutMs: options.clientTimeoutMs ?? 5_000, clock });
  const state = { connected: true };
  const deps: BookingServiceDeps = {
    clientFor: async () => (state.connected ? client : null),
    agents: workspace.agents,
    company: workspace.company,
    records: workspace.records,
    clock,
    sqlite: core.database.sqlite,
    events: core.events,
    timeBudgetMs: options.timeBudgetMs,
  };
  const service = createBookingService(deps);
  const ingest = createIngest({ sqlite: core.database.sqlite, records: workspace.records, clock, events: core.events, logger: core.logger, booking: bookingRoutes(() => service) });
  const status = await ingest.listen({ host: '127.0.0.1', port: 0 });
  const { apiKey } = ingest.keys.create({ name: 'voice platform' });
  const url = status.url!;

  const send = (method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method,
      headers: { 'x-api-key': apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const changed: string[][] = [];
  core.events.on('tables.changed', ({ tables }) => changed.push(tables));

  return {
    core,
    clock,
    sim,
    service,
    /** What the service was made with (another service over the same database: a restarted console). */
    deps,
    state,
    agent,
    offAgent,
    theCase,
    url,
    apiKey,
    changed,
    send,
    /** The simulator's bookings that are not cancelled. */
    liveBookings: () => sim.bookings().filter((b) => b.status !== 'cancelled'),
    activityRows: () => core.database.sqlite.prepare('SELECT * FROM scheduling_activity ORDER BY id').all() as Record<string, unknown>[],
    async cleanup() {
      service.close();
      await ingest.close();
      await sim.close();
      await dispatcher.close();
      await core.cleanup();
    },
  };
}
export type BookingTest = Awaited<ReturnType<typeof startBookingTest>>;

/** A booking body for `start` (attendee Maria Lopez). */
export const bookingBody = (start: string, extra: Record<string, unknown> = {}) => ({
  start,
  attendee: { name: 'Maria Lopez', email: 'maria@example.com', phone: '+15551230001' },
  ...extra,
});
