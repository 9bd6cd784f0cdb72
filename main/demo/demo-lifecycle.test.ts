// Demo mode beside real data and across restarts: real records stop the generator and the status says why, the
// demo procedures stay usable with real data present, and one demo key and one demo webhook survive restarts.
import { describe, expect, it } from 'vitest';
import { makeTempDir, randomKeyBase64, testSecretService } from '../test-support/temp-dir';
import { useCleanup } from '../test-support/use-cleanup';
import { startDemoCore } from './demo-test-fixture';
import { REAL_DATA_STOP_MESSAGE } from './real-data-watch';

const cleanup = useCleanup();
const REAL = { origin: 'console' as const };

describe('demo mode beside real data', () => {
  it('stops the generator when a real record arrives, and the status says why', async () => {
    const t = cleanup.use(await startDemoCore({ clients: 20, cases: 20 }));
    await t.demo.start({ ratePerMinute: 6000, seed: true });
    await t.waitFor(() => t.demo.status().generator.posted >= 5, '5 demo events');
    expect(t.demo.status().generator).toMatchObject({ running: true, stoppedBecause: null });

    t.core.workspace.records.upsertClient({ firstName: 'Real', lastName: 'Client' }, REAL);
    await t.waitFor(() => !t.demo.status().generator.running, 'the generator to stop');
    expect(t.demo.status().generator.stoppedBecause).toBe(REAL_DATA_STOP_MESSAGE);
    await t.demo.stop(); // queued behind the stop real data began: in-flight requests have settled
    const posted = t.count('events', 'is_demo = 1');
    await t.waitFor(() => t.timers.pending() === 0, 'no generator timer left');
    await new Promise((resolve) => setTimeout(resolve, 300)); // a generator still running would post within this
    expect(t.count('events', 'is_demo = 1')).toBe(posted);
  });

  it('keeps demo status, Stop and Wipe usable through the contract with real data present, and refuses a new start', async () => {
    // The core's own demo mode (the full-size workspace), reached only through the contract.
    const t = cleanup.use(await startDemoCore({ clients: 20, cases: 20 }));
    const api = t.core.api;
    await api.demo.start({ ratePerMinute: 60 });
    const type = t.core.workspace.caseTypes.create({ name: 'Auto Accident', statuses: ['New'], fields: [] });
    await api.campaigns.create({ name: 'Billboards', caseTypeId: type.id, active: true });
    await t.waitFor(() => !t.core.demo.status().generator.running, 'the generator to stop for real data');

    expect(await api.demo.status()).toMatchObject({ seeded: true, generator: { running: false, stoppedBecause: REAL_DATA_STOP_MESSAGE } });
    expect((await api.demo.stop()).generator.running).toBe(false);
    await expect(api.demo.start({ ratePerMinute: 60, seed: false })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('real records') });
    const wiped = await api.demo.wipe();
    expect(wiped.deleted.cases).toBe(3000);
    expect(await api.demo.status()).toMatchObject({ seeded: false, generator: { running: false, stoppedBecause: null }, demoCounts: { cases: 0, events: 0 } });
    expect(await api.workspace.summary()).toMatchObject({ caseTypes: 1, campaigns: 1, demoRecords: 0 });
  });
});

describe('demo mode across restarts', () => {
  it('reuses one demo key and one demo webhook, pointed at the restarted receiver, which gets deliveries again', async () => {
    const dir = makeTempDir();
    cleanup.add(() => dir.remove());
    const same = { dataDir: dir.dir, env: { KAYSE_SECRETS_KEY: randomKeyBase64() }, secretService: testSecretService() };
    const first = await startDemoCore({ clients: 20, cases: 20, webhook: true, ...same });
    await first.demo.start({ ratePerMinute: 6000, seed: true });
    await first.waitFor(() => first.count('webhook_deliveries', `state = 'succeeded'`) >= 3, 'deliveries to the demo receiver');
    const firstUrl = first.demo.status().receiver!.url;
    const [key] = first.core.ingest.keys.list();
    await first.cleanup();

    for (let restart = 0; restart < 2; restart++) {
      const t = await startDemoCore({ clients: 20, cases: 20, webhook: true, ...same });
      try {
        // Before demo mode starts again, the receiver already runs on a new port with the demo webhook pointed at it.
        await t.demo.stop(); // queued behind the receiver's start-up
        const resumed = t.demo.status().receiver!.url;
        expect(resumed).not.toBe(firstUrl);
        expect((await t.core.api.webhooks.list({}))[0]!.url).toBe(resumed);
        const status = await t.demo.start({ ratePerMinute: 6000, seed: true });
        expect(t.core.ingest.keys.list()).toEqual([expect.objectContaining({ id: key!.id, name: 'Demo generator', revokedAt: null, isDemo: true })]);
        const hooks = await t.core.api.webhooks.list({});
        expect(hooks).toHaveLength(1);
        expect(hooks[0]!.url).toBe(status.receiver!.url);
        expect(status.receiver!.url).not.toBe(firstUrl);
        await t.waitFor(() => t.demo.status().receiver!.received >= 3, 'the restarted receiver to get deliveries').catch((error: unknown) => {
          throw new Error(`${String(error)}: ${JSON.stringify(t.sqlite.prepare('SELECT state, count(*) n, min(next_attempt_at) - ? due, max(attempts) a FROM webhook_deliveries GROUP BY state').all(Date.now()))} ${JSON.stringify(t.core.webhooks.engine.circuit(t.sqlite.prepare('SELECT id FROM webhooks').pluck().get() as string))}}`);
        });
      } finally {
        await t.cleanup();
      }
    }
  });
});
