// Demo mode's Cal.com: the simulator connected as the company's scheduling account (marked Demo, no key in the
// secret store), the booking demo agents pointed at its event types and able to book, the wipe ending it; a Cal.com
// account the firm connected itself is never replaced or wiped.
import { describe, expect, it } from 'vitest';
import { startCalcomSimulator } from '../connectors/calcom/simulator';
import { SCHEDULING_KEY_ACCOUNT } from '../scheduling';
import { useCleanup } from '../test-support/use-cleanup';
import { createDemoCalcom, DEMO_EVENT_TYPE_IDS, withDemoCalcom } from './demo-calcom';
import { createDemoMode } from './demo-mode';
import { startDemoCore, type DemoCore } from './demo-test-fixture';

const cleanup = useCleanup();

/** A core whose demo mode has only the Cal.com simulator among its simulated services. */
async function startWithCalcom() {
  const t: DemoCore = cleanup.use(await startDemoCore({ clients: 8, cases: 8 }));
  await t.demo.close();
  const calcom = createDemoCalcom({ scheduling: t.core.scheduling, agents: t.core.workspace.agents, logger: t.core.logger });
  const demo = createDemoMode({
    sqlite: t.sqlite,
    workspace: t.core.workspace,
    ingest: t.core.ingest,
    events: t.core.events,
    clock: t.core.clock,
    logger: t.core.logger,
    dataDir: t.core.dataDir,
    timers: t.timers,
    seed: { clients: 8, cases: 8 },
    crms: withDemoCalcom(calcom),
  });
  cleanup.add(() => demo.close());
  return { t, demo, calcom };
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/v2/me`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

describe('demo mode with the Cal.com simulator', () => {
  it('connects the simulator marked Demo, points the booking demo agents at its event types, and the wipe ends it', async () => {
    const { t, demo, calcom } = await startWithCalcom();
    const api = t.core.api;
    await demo.start({ ratePerMinute: 60, seed: true });

    const view = await api.scheduling.connection();
    expect(view).toMatchObject({ state: 'connected', isDemo: true, baseUrl: calcom.url(), account: { email: 'jordan@avery-law.example' } });
    expect(await api.integrations.get({ id: 'scheduling' })).toMatchObject({ status: 'connected', statusDetail: expect.stringMatching(/^Cal\.com · jordan@avery-law\.example · 127\.0\.0\.1:\d+ · Demo\b/) });
    expect(await t.core.secrets.get(SCHEDULING_KEY_ACCOUNT)).toBeNull();

    const agents = await api.scheduling.agents();
    const booking = agents.filter((a) => a.appointmentBooking);
    expect(booking.length).toBeGreaterThanOrEqual(2);
    for (const agent of booking) {
      expect(DEMO_EVENT_TYPE_IDS).toContain(agent.eventTypeId);
      expect(agent).toMatchObject({ canBook: true, cannotBookReason: null, isDemo: true, eventType: { id: agent.eventTypeId } });
    }
    expect(new Set(booking.map((a) => a.eventType?.title))).toEqual(new Set(['Free consultation', 'Case review']));
    const client = await t.core.scheduling.clientFor();
    expect((await client!.eventType(501)).title).toBe('Free consultation');

    // Starting again keeps the same connection.
    await demo.stop();
    await demo.start({ ratePerMinute: 60, seed: false });
    expect(await api.scheduling.connection()).toEqual(view);

    const url = calcom.url()!;
    await demo.wipe();
    expect(await api.scheduling.connection()).toMatchObject({ state: 'not_connected' });
    expect(await api.integrations.get({ id: 'scheduling' })).toMatchObject({ status: 'not_connected' });
    expect(await api.scheduling.agents()).toEqual([]);
    expect(t.count('scheduling_event_types')).toBe(0);
    expect(await answers(url)).toBe(false);
  });

  it("leaves the firm's own Cal.com connection alone: no simulator, and the wipe keeps it", async () => {
    const firm = await startCalcomSimulator();
    cleanup.add(() => firm.close());
    const { t, demo, calcom } = await startWithCalcom();
    const own = await t.core.api.scheduling.connect({ apiKey: firm.keys.valid, baseUrl: firm.url });

    await demo.start({ ratePerMinute: 60, seed: true });
    expect(calcom.url()).toBeNull();
    expect(await t.core.api.scheduling.connection()).toEqual(own);
    await demo.wipe();
    expect(await t.core.api.scheduling.connection()).toEqual(own);
    expect(await t.core.secrets.get(SCHEDULING_KEY_ACCOUNT)).toBe(firm.keys.valid);
  });
});
