import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support/api';
import { useCleanup } from '../test-support/use-cleanup';
import type { ContractError } from '../../shared/result';
import { startTestCore } from '../test-support/test-core';
import { waitFor } from './demo-test-fixture';

const cleanup = useCleanup();

async function start({ listen = true } = {}) {
  const core = cleanup.use(startTestCore({ fileSecrets: true }));
  if (listen) await core.ingest.listen({ host: '127.0.0.1', port: 0 });
  const demoRows = () => core.database.sqlite.prepare('SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM case_types) + (SELECT count(*) FROM ingest_api_keys)').pluck().get() as number;
  return { core, api: core.api, demoRows };
}

const paths = (error: ContractError) => (error.details as { issues: { path: string; message: string }[] }).issues.map((i) => i.path);

describe('demo procedures', () => {
  it('refuse a rate outside 1–6000 or not a whole number as INVALID_INPUT naming ratePerMinute, changing nothing', async () => {
    const { api, demoRows } = await start();
    for (const ratePerMinute of [0, 6001, 1.5, 'fast', -3]) {
      const error = await refusal(api.raw.demo.start({ ratePerMinute }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(paths(error)).toEqual(['ratePerMinute']);
      expect(error.message).toContain('ratePerMinute');
    }
    const setRate = await refusal(api.raw.demo.setRate({ ratePerMinute: 10_000 }));
    expect(setRate).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('at most 6000') });
    expect(paths(await refusal(api.raw.demo.start({ ratePerMinute: 60, speed: 'fast' })))).toEqual(['(input)']);
    expect(demoRows()).toBe(0);
    expect(await api.demo.status()).toMatchObject({ seeded: false, generator: { running: false, ratePerMinute: 60 } });
  });

  it('refuse to start while the ingest API is not running, creating nothing', async () => {
    const { api, demoRows } = await start({ listen: false });
    const error = await refusal(api.raw.demo.start({}));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/ingest API.*not running/);
    expect(demoRows()).toBe(0);
  });

  it('seed the full demo workspace with progress, post activity, stop, and wipe it all in one call', async () => {
    const { core, api } = await start();
    const progress: { phase: string; done: number; total: number | null; finished: boolean }[] = [];
    core.events.on('task.progress', (p) => {
      if (p.kind === 'demo-seed') progress.push(p);
    });
    const started = await api.demo.start({ ratePerMinute: 6000 });
    expect(started).toMatchObject({ seeded: true, seeding: false, generator: { running: true }, demoCounts: { caseTypes: 3, campaigns: 5, agents: 6, clients: 3000, cases: 3000 } });
    expect(progress[progress.length - 1]).toMatchObject({ phase: 'done', done: 6000, total: 6000, finished: true });
    expect(progress.filter((p) => !p.finished).length).toBeGreaterThanOrEqual(5);

    await waitFor(() => core.demo.status().generator.posted >= 10, '10 demo events', [(listener) => core.demo.onActivity(listener)]);
    expect((await api.demo.setRate({ ratePerMinute: 30 })).generator.ratePerMinute).toBe(30);
    const stopped = await api.demo.stop();
    expect(stopped.generator.running).toBe(false);
    // A second start does not seed again.
    const restarted = await api.demo.start({ ratePerMinute: 30 });
    expect(restarted.demoCounts.cases).toBe(3000);
    expect(progress.filter((p) => p.finished)).toHaveLength(1);

    const wiped = await api.demo.wipe();
    expect(wiped.deleted).toMatchObject({ cases: 3000, clients: 3000, caseTypes: 3, campaigns: 5, agents: 6, ingestApiKeys: 1 });
    expect(await api.demo.status()).toMatchObject({ seeded: false, generator: { running: false }, demoCounts: { cases: 0, clients: 0, events: 0, caseTypes: 0 } });
    expect(await api.workspace.summary()).toMatchObject({ caseTypes: 0, campaigns: 0, agents: 0, clients: 0, cases: 0, demoRecords: 0 });
  });
});
