// Benchmark: the delivery log queries over 1,000,000 seeded attempts (about 250,000 deliveries, 10 webhooks, 30 days),
// through core.dispatch (validation included), beside a same-run baseline: the first 100 delivery rows read with no
// filter, no order and no join, the least work any page can cost. Prints p50 and p95 of each query.
// Runs from `npm run bench` once bench/run.mjs lists it, or alone: `node --import tsx bench/webhook-log.ts`.
import { fileURLToPath } from 'node:url';
import { startTestCore } from '../main/test-support/test-core';
import { seedDeliveryLog } from '../main/webhooks/store/seed-delivery-log';

export interface BenchRow {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
}

/** Nearest-rank percentile of samples. */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
};

/** p50/p95 milliseconds of each delivery log query at `attempts` attempts, beside the baseline. */
export async function webhookLogSuite({ attempts = 1_000_000, runs = 25 } = {}): Promise<BenchRow[]> {
  const now = new Date('2026-11-26T20:00:00Z');
  const core = startTestCore({ fileSecrets: true, clock: { now: () => now }, webhooks: { autoStart: false, timers: false } });
  try {
    const sqlite = core.database.sqlite;
    const seedStart = performance.now();
    const seeded = seedDeliveryLog(sqlite, { attempts, now });
    const seedMs = performance.now() - seedStart;

    const samples = async (run: () => Promise<unknown> | unknown): Promise<number[]> => {
      await run(); // warm: prepared statements, the page cache
      const out: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const t = performance.now();
        await run();
        out.push(performance.now() - t);
      }
      return out;
    };
    const { api } = core;

    const bare = sqlite.prepare('SELECT * FROM webhook_deliveries LIMIT 100');
    const base = await samples(() => bare.all());
    const [base50, base95] = [percentile(base, 0.5), percentile(base, 0.95)];

    // A cursor 200 pages (20,000 deliveries) down the chain.
    let cursor: string | null = null;
    for (let i = 0; i < 200; i += 1) {
      const page = await api.deliveries.list(cursor ? { cursor } : {});
      cursor = page.nextCursor;
    }
    const live = seeded.webhookIds[0]!;
    const { sample } = seeded;
    const measures: [string, () => Promise<unknown> | unknown][] = [
      ['deliveries.list first page (100 rows, newest first)', () => api.deliveries.list({})],
      ['deliveries.list 200 pages down the cursor chain', () => api.deliveries.list({ cursor: cursor! })],
      ['deliveries.list filter: webhook', () => api.deliveries.list({ webhookId: live })],
      ['deliveries.list filter: event type', () => api.deliveries.list({ eventType: 'call_ended' })],
      ['deliveries.list filter: state failed', () => api.deliveries.list({ state: 'failed' })],
      ['deliveries.list filter: state cancelled (a handful in the log)', () => api.deliveries.list({ state: 'cancelled' })],
      ['deliveries.list filter: HTTP 404', () => api.deliveries.list({ httpStatus: 404 })],
      ['deliveries.list filter: HTTP 5xx', () => api.deliveries.list({ httpStatus: '5xx' })],
      ['deliveries.list filter: no response', () => api.deliveries.list({ httpStatus: 'none' })],
      ['deliveries.list filter: HTTP 418 (none in the log)', () => api.deliveries.list({ httpStatus: 418 })],
      ['deliveries.list filter: one day, two weeks ago', () => api.deliveries.list({ from: '2026-11-12T00:00:00Z', to: '2026-11-13T00:00:00Z' })],
      ['deliveries.list filter: search event id', () => api.deliveries.list({ search: sample.eventId })],
      ['deliveries.list filter: search case id', () => api.deliveries.list({ search: sample.caseId })],
      ['deliveries.list filter: search delivery id prefix', () => api.deliveries.list({ search: sample.deliveryId.slice(0, 12) })],
      ['deliveries.list filter: search "evt_" (matches everything)', () => api.deliveries.list({ search: 'evt_' })],
      ['deliveries.list webhook + state failed + 5xx', () => api.deliveries.list({ webhookId: live, state: 'failed', httpStatus: '5xx' })],
      ['deliveries.get', () => api.deliveries.get({ id: sample.deliveryId })],
      ['deliveries.attempts', () => api.deliveries.attempts({ deliveryId: sample.deliveryId })],
      ['deliveries.attempt (detail, body rebuilt from its event)', () => api.deliveries.attempt({ id: sample.attemptId })],
      ['webhooks.get (with health): a healthy webhook', () => api.webhooks.get({ id: live })],
      ['webhooks.get (with health): a dead webhook', () => api.webhooks.get({ id: seeded.deadWebhookId })],
      ['webhooks.list (9 webhooks, each with health)', () => api.webhooks.list({})],
      // What the inspector screen issues (renderer/src/components/deliveries): a time range counted back from now with
      // no end, the "pending or retrying" status, the page on screen refreshed from a cursor, opening a delivery (its
      // summary, attempts and the latest attempt in full, as the drawer asks), and its chart through the contract.
      ['inspector: filter last 24 hours (from only)', () => api.deliveries.list({ from: '2026-11-25T20:00:00Z' })],
      ['inspector: filter webhook + last 7 days + search miss', () => api.deliveries.list({ webhookId: live, from: '2026-11-19T20:00:00Z', search: 'evt_nope' })],
      ['inspector: filter state pending (retrying)', () => api.deliveries.list({ state: 'pending' })],
      ['inspector: page on screen, 200 rows from a cursor', () => api.deliveries.list({ cursor: cursor!, limit: 200 })],
      [
        'inspector: open a delivery (get + attempts + attempt detail)',
        async () => {
          await api.deliveries.get({ id: sample.deliveryId });
          const attempts = await api.deliveries.attempts({ deliveryId: sample.deliveryId });
          return api.deliveries.attempt({ id: attempts.at(-1)!.id });
        },
      ],
      ['inspector: deliveryLog.hourly one webhook, 24 h', () => api.deliveryLog.hourly({ webhookId: live, range: '24h' })],
      ['inspector: deliveryLog.hourly all webhooks, 7 days', () => api.deliveryLog.hourly({ range: '7d' })],
    ];

    const rows: BenchRow[] = [
      { name: `seed ${seeded.attempts} attempts, ${seeded.deliveries} deliveries (ms, once)`, value: seedMs, baseline: seedMs, ratio: 1 },
      { name: 'baseline: 100 delivery rows, no filter/order/join (p50 ms)', value: base50, baseline: base50, ratio: 1 },
    ];
    for (const [name, run] of measures) {
      const s = await samples(run);
      const [p50, p95] = [percentile(s, 0.5), percentile(s, 0.95)];
      rows.push({ name: `${name} (p50 ms)`, value: p50, baseline: base50, ratio: p50 / base50 });
      rows.push({ name: `${name} (p95 ms)`, value: p95, baseline: base95, ratio: p95 / base95 });
    }
    return rows;
  } finally {
    await core.cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await webhookLogSuite();
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(9)}  ${'baseline'.padStart(9)}  ratio`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.value.toFixed(2).padStart(9)}  ${r.baseline.toFixed(2).padStart(9)}  ${r.ratio.toFixed(2)}×`);
}
