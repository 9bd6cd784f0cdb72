import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { eventDataSchemas, type EventType } from '../../shared/domain/events';
import { manualClock } from '../test-support/clock';
import { DEMO_CASE_TYPES } from './demo-catalog';
import type { DemoWorld } from './demo-world';
import { manualTimers, startDemoCore } from './demo-test-fixture';
import { createScenarioFactory, type DemoStep } from './event-factory';
import { startDemoGenerator } from './generator';
import type { IngestPoster, PostOutcome } from './ingest-poster';
import { createRng } from './prng';

const cleanup = useCleanup();

describe('demo generator against the real ingest API', () => {
  it('posts events that land in the events table, marked demo and valid, moves cases on, and leaves no timer after stop', async () => {
    const t = cleanup.use(await startDemoCore());
    const status = await t.demo.start({ ratePerMinute: 6000, seed: true });
    expect(status.generator).toMatchObject({ running: true, ratePerMinute: 6000 });
    const keyId = t.sqlite.prepare(`SELECT id FROM ingest_api_keys WHERE name = 'Demo generator' AND revoked_at IS NULL`).pluck().get() as string;
    expect(keyId).toBeTruthy();

    await t.waitFor(() => t.count('events', 'api_key_id = ?', keyId) >= 40 && t.demo.status().generator.caseUpdates >= 1, '40 events and a case status change');
    const stopped = await t.demo.stop();

    expect(t.timers.pending()).toBe(0);
    expect(stopped.generator).toMatchObject({ running: false, failed: 0, lastError: null });
    const stored = t.sqlite.prepare('SELECT type, data, case_id, campaign_id, client_id, is_demo FROM events WHERE api_key_id = ?').all(keyId) as {
      type: EventType;
      data: string;
      case_id: string;
      campaign_id: string | null;
      client_id: string | null;
      is_demo: number;
    }[];
    expect(stopped.generator.posted).toBe(stored.length);
    expect(stopped.demoCounts.events).toBe(stored.length);
    for (const e of stored) {
      expect(e.is_demo).toBe(1);
      expect(eventDataSchemas[e.type].safeParse(JSON.parse(e.data)).success).toBe(true);
      expect(t.count('cases', 'id = ? AND is_demo = 1', e.case_id)).toBe(1);
      if (e.campaign_id) expect(t.count('campaigns', 'id = ? AND is_demo = 1', e.campaign_id)).toBe(1);
      if (e.client_id) expect(t.count('clients', 'id = ? AND is_demo = 1', e.client_id)).toBe(1);
    }
    // Status changes came in through PUT /v1/cases/demo/<id> with the demo key: "updated" change rows on demo cases, origin demo.
    expect(t.count('record_changes', `origin = 'demo' AND kind = 'updated' AND entity = 'case' AND entity_id IN (SELECT id FROM cases WHERE is_demo = 1)`)).toBe(stopped.generator.caseUpdates);

    // Nothing more is posted once stopped.
    const after = t.count('events', 'api_key_id = ?', keyId);
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.count('events', 'api_key_id = ?', keyId)).toBe(after);
    expect(t.demo.status().generator.running).toBe(false);
  });

  it('stops by itself, saying why, when its key is revoked', async () => {
    const t = cleanup.use(await startDemoCore());
    await t.demo.start({ ratePerMinute: 6000, seed: true });
    await t.waitFor(() => t.demo.status().generator.posted >= 3, 'a few events');
    const key = t.core.ingest.keys.list().find((k) => k.name === 'Demo generator')!;
    t.core.ingest.keys.revoke(key.id);
    await t.waitFor(() => !t.demo.status().generator.running, 'the generator to stop itself');
    const { generator } = t.demo.status();
    expect(generator.failed).toBeGreaterThanOrEqual(25);
    expect(generator.lastError).toMatch(/Stopped after 25 refused requests in a row.*401.*revoked/s);
    await t.waitFor(() => t.timers.pending() === 0, 'no timers left');
    // Starting again makes a new key and carries on.
    await t.demo.start({ ratePerMinute: 6000, seed: false });
    await t.waitFor(() => t.demo.status().generator.posted >= 3, 'events with the new key');
    expect(t.core.ingest.keys.list().filter((k) => k.name === 'Demo generator' && k.revokedAt === null)).toHaveLength(1);
  });
});

describe('demo status announcements', () => {
  it("announce accepted activity once per second on the demo mode's clock, not once per request", async () => {
    const clock = manualClock('2025-03-01T09:00:00.000Z');
    const timers = manualTimers(clock);
    const t = cleanup.use(await startDemoCore({ clients: 20, cases: 20, clock, timers }));
    const announced: string[][] = [];
    t.core.events.on('tables.changed', ({ tables }) => announced.push(tables));
    await t.demo.start({ ratePerMinute: 6000, seed: true }); // the first request goes out at once
    const announcedAtStart = announced.filter((tables) => tables.includes('demo')).length;
    const announcements = () => announced.filter((tables) => tables.includes('demo')).length - announcedAtStart;
    const accepted = () => {
      const { posted, caseUpdates } = t.demo.status().generator;
      return posted + caseUpdates;
    };
    const startedAt = clock.now().getTime();
    let sent = 1;
    const answered = async () => {
      const want = sent;
      await t.waitFor(() => accepted() >= want, `${want} demo requests accepted`);
    };
    /** Fires timers in due order up to `ms` after the start, each once every request sent so far is answered. */
    const runUntil = async (ms: number) => {
      while (timers.nextDue()! <= startedAt + ms) {
        await answered();
        const before = announcements();
        timers.fire();
        // Unless that was the announcement, it was the generator's tick: 10 ms at 6000/min earns exactly one request.
        if (announcements() === before) sent += 1;
      }
      await answered();
    };

    await runUntil(999);
    expect(accepted()).toBe(100);
    expect(announcements()).toBe(0); // 100 accepted within the first second: nothing announced per request
    await runUntil(1000);
    expect(announcements()).toBe(1); // the one announcement for them, when the second is up
    await runUntil(1999);
    expect(accepted()).toBe(200);
    expect(announcements()).toBe(1);
    await runUntil(2000);
    expect(announcements()).toBe(2); // one more for the next batch

    const stopped = await t.demo.stop();
    expect(stopped.generator).toMatchObject({ running: false, failed: 0 });
    expect(timers.pending()).toBe(0);
  });
});

/** A poster whose answers the test releases; it records what was sent. */
function heldPoster() {
  const held: ((outcome: PostOutcome) => void)[] = [];
  const sent: DemoStep[] = [];
  let closed = false;
  const poster: IngestPoster = {
    send: (step) => {
      sent.push(step);
      return new Promise((resolve) => held.push(resolve));
    },
    close: async () => {
      closed = true;
    },
  };
  return { poster, sent, held, release: () => held.splice(0).forEach((r) => r({ ok: true, eventId: null, changed: true })), isClosed: () => closed };
}

function smallWorld(): DemoWorld {
  const type = DEMO_CASE_TYPES[0]!;
  return {
    cases: [0, 1, 2].map((i) => ({
      id: `case-${i}`,
      externalId: `case-${i}`,
      name: `Doe v. Geico ${i}`,
      caseType: type.name,
      statuses: type.input.statuses,
      status: 'New Lead',
      campaignId: 'camp',
      clientId: `client-${i}`,
      firstName: 'Jane',
      lastName: 'Doe',
      phone: '+17865550101',
      email: 'jane.doe@example.com',
    })),
    agents: [{ id: 'agent', name: 'Ava - Intake', campaignId: 'camp', eventTypeId: 3685354 }],
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('demo generator pacing', () => {
  it('never has more than 4 requests in flight, however slow the API and however long it runs', async () => {
    const clock = manualClock('2025-03-01T09:00:00.000Z');
    const manual = manualTimers(clock);
    const api = heldPoster();
    const generator = startDemoGenerator({
      poster: api.poster,
      world: smallWorld(),
      factory: createScenarioFactory(createRng(5), 't'),
      clock,
      timers: manual,
      ratePerMinute: 6000,
      maxInFlight: 4,
    });
    for (let i = 0; i < 500; i++) manual.fire(); // 5 s at 100 a second, nothing answered
    expect(api.sent).toHaveLength(4);
    expect(generator.stats().inFlight).toBe(4);
    api.release();
    await flush();
    manual.fire();
    expect(api.sent).toHaveLength(8); // a stall builds no backlog: only the freed lanes go again
    api.release();
    await generator.stop();
    expect(manual.pending()).toBe(0);
    expect(api.isClosed()).toBe(true);
    expect(generator.stats()).toMatchObject({ running: false, inFlight: 0, posted: 8 });
  });

  it('keeps to the rate on the injected clock, and a new rate applies at once', async () => {
    const clock = manualClock('2025-03-01T09:00:00.000Z');
    const manual = manualTimers(clock);
    const api = heldPoster();
    const generator = startDemoGenerator({ poster: api.poster, world: smallWorld(), factory: createScenarioFactory(createRng(9), 't'), clock, timers: manual, ratePerMinute: 60 });
    const runFor = async (ms: number) => {
      const end = clock.now().getTime() + ms;
      while (clock.now().getTime() < end) {
        manual.fire();
        api.release();
        await flush();
      }
    };
    await runFor(120_000);
    expect(api.sent.length).toBeGreaterThanOrEqual(119);
    expect(api.sent.length).toBeLessThanOrEqual(122);
    generator.setRate(600);
    const before = api.sent.length;
    await runFor(60_000);
    expect(api.sent.length - before).toBeGreaterThanOrEqual(595);
    expect(api.sent.length - before).toBeLessThanOrEqual(605);
    await generator.stop();
    expect(manual.pending()).toBe(0);
  });
});
