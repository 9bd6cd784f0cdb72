// Benchmark: the workspace list queries over 100,000 seeded cases, through core.dispatch (validation included),
// beside a same-run baseline: reading 100 cases by rowid range, the least work any page can cost.
// Runs from `npm run bench` (bench/run.mjs).
import { startTestCore } from '../main/test-support/test-core';
import { seedCases } from '../main/workspace/queries/seed-cases';

export interface BenchRow {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** p50 milliseconds of each list call at `count` cases (default 100,000), beside the baseline. */
export async function benchCasesList({ count = 100_000, runs = 15 } = {}): Promise<BenchRow[]> {
  const core = startTestCore({ fileSecrets: true });
  try {
    const seedStart = performance.now();
    const seeded = seedCases(core.database.sqlite, core.workspace.caseTypes, { count });
    const seedMs = performance.now() - seedStart;
    const type = seeded.caseTypes[0]!;
    // A no-op write drops remembered search matches, so `cold` samples pay for the full scan every time.
    const touch = core.database.sqlite.prepare('UPDATE company SET name = name');
    const { api } = core;
    const time = async (call: () => Promise<unknown>, cold = false): Promise<number> => {
      const samples: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        if (cold) touch.run();
        const t = performance.now();
        await call(); // a refusal throws
        samples.push(performance.now() - t);
      }
      return median(samples);
    };
    const byRowid = core.database.sqlite.prepare('SELECT * FROM cases WHERE rowid BETWEEN ? AND ?');
    const baselineSamples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = performance.now();
      byRowid.all(50_001, 50_100);
      baselineSamples.push(performance.now() - t);
    }
    const baseline = median(baselineSamples);
    const measures: [string, () => Promise<unknown>, boolean?][] = [
      ['cases.list first page (100 rows, newest first)', () => api.cases.list({ limit: 100 })],
      ['cases.list filtered: case type + status', () => api.cases.list({ caseTypeId: type.id, statusId: type.statuses[1]!.id, limit: 100 })],
      ['cases.list filtered: campaign', () => api.cases.list({ campaignId: seeded.campaigns[2]!.id, limit: 100 })],
      ['cases.list offset 90,000', () => api.cases.list({ offset: 90_000, limit: 100 })],
      ['cases.list offset 90,000 by case number', () => api.cases.list({ offset: 90_000, limit: 100, sort: { field: 'caseNumber', direction: 'asc' } })],
      ['cases.list offset 90,000 by name', () => api.cases.list({ offset: 90_000, limit: 100, sort: { field: 'name', direction: 'asc' } })],
      ['cases.list 500-row window', () => api.cases.list({ offset: 40_000, limit: 500 })],
      ['cases.list search client name ("garcia"), first window', () => api.cases.list({ search: 'garcia', limit: 100 }), true],
      ['cases.list search client name ("garcia"), next windows', () => api.cases.list({ search: 'garcia', offset: 2_000, limit: 100 })],
      ['cases.list search case number ("K-09999"), first window', () => api.cases.list({ search: 'K-09999', limit: 100 }), true],
      ['cases.list search + type filter, first window', () => api.cases.list({ search: 'garcia', caseTypeId: type.id, limit: 100 }), true],
      ['clients.list first page', () => api.clients.list({ limit: 100 })],
      ['clients.list offset 90,000', () => api.clients.list({ offset: 90_000, limit: 100 })],
      ['clients.list search name ("okafor"), first window', () => api.clients.list({ search: 'okafor', limit: 100 }), true],
      ['clients.list search phone ("555 010"), first window', () => api.clients.list({ search: '555 010', limit: 100 }), true],
      ['clients.list search phone ("555 010"), next windows', () => api.clients.list({ search: '555 010', offset: 50, limit: 100 })],
      ['workspace.summary', () => api.workspace.summary()],
    ];
    const rows: BenchRow[] = [{ name: `seed ${count} cases (ms, once)`, value: seedMs, baseline: seedMs, ratio: 1 }];
    for (const [name, call, cold] of measures) {
      const value = await time(call, cold);
      rows.push({ name: `${name} (p50 ms)`, value, baseline, ratio: value / baseline });
    }
    return rows;
  } finally {
    await core.cleanup();
  }
}
