// Ingest rate: events per second acknowledged (202) and durably stored by the event ingest API, as single-event
// POSTs over keep-alive connections and as 500-event batches, beside a bare fastify route that parses the same
// JSON and answers 202 without storing anything (same process, same client, same run). Measured twice: alone, and
// beside an active webhook delivering every event to an HTTPS receiver (its own process) with events carrying
// ids, as the voice platform sends them. Every row counts the requests refused (anything but 202): never retried.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { Pool } from 'undici';
import { createCore } from '../main/core';
import { sampleEvent } from '../main/ingest/sample-events';
import { createTestCa } from '../main/test-support/test-ca';
import { startReceiverProcess } from './support/receiver-process';
import { noRefusals, refuse, type Refusals } from './support/refusals';

interface Row {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
  refusals: number;
  refusalExamples: string[];
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/**
 * Sends `bodies` with `concurrency` requests in flight over one keep-alive pool; returns elapsed ms, latencies and
 * the refusals (answers other than 202: counted, not retried).
 */
async function drive(origin: string, apiKey: string, bodies: string[], concurrency: number) {
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
  const latencies: number[] = [];
  const refusals = noRefusals();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const t = performance.now();
      const res = await pool.request({ path: '/v1/events', method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body });
      const answer = await res.body.text();
      if (res.statusCode !== 202) refuse(refusals, `${res.statusCode} ${answer}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  await pool.close();
  return { elapsedMs, latencies, refusals };
}

/** The baseline: fastify's JSON parsing and a 202, nothing stored. */
async function startBaseline(): Promise<{ origin: string; close(): Promise<void> }> {
  const app = Fastify({ logger: false, bodyLimit: 8 * 1024 * 1024 });
  app.post('/v1/events', async (request, reply) => {
    const body = request.body as { events?: unknown[] };
    return reply.code(202).send(Array.isArray(body.events) ? { ids: body.events.map((_, i) => `evt_${i}`), duplicates: 0 } : { id: 'evt_0', duplicate: false });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Request bodies: `singles` one-event bodies and `batches` 500-event ones, each event with its own id when `ids`. */
function bodiesFor(run: string, singles: number, batches: number, ids: boolean) {
  const id = (n: string) => (ids ? { id: `${run}_${n}` } : {});
  return {
    singles: Array.from({ length: singles }, (_, i) => JSON.stringify(sampleEvent('call_ended', id(`s${i}`)))),
    batches: Array.from({ length: batches }, (_, b) =>
      JSON.stringify({ events: Array.from({ length: 500 }, (_, i) => sampleEvent(i % 2 ? 'call_ended' : 'transcript_updated', id(`b${b}_${i}`))) }),
    ),
  };
}

export async function benchIngest({ singles = 4000, batches = 40, concurrency = 8 } = {}): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kayse-bench-ingest-'));
  const core = createCore({ dataDir, env: { KAYSE_SECRETS_KEY: randomBytes(32).toString('base64') }, logLevel: 'warn' });
  const baseline = await startBaseline();
  const ca = createTestCa(['localhost', '127.0.0.1']);
  const receiver = await startReceiverProcess(ca);
  try {
    const status = await core.ingest.listen({ host: '127.0.0.1', port: 0 });
    const { apiKey } = core.ingest.keys.create({ name: 'bench', rateLimitPerMinute: 1_000_000 });
    const storedEvents = () => core.ingest.store.list({ offset: 0, limit: 1 }).total;

    // Warm both servers (JIT, prepared statements) before measuring.
    const warm = bodiesFor('warm', 200, 0, false).singles;
    await drive(status.url!, apiKey, warm, concurrency);
    await drive(baseline.origin, apiKey, warm, concurrency);

    const rows: Row[] = [];
    const add = (name: string, value: number, base: number, refusals: Refusals) =>
      rows.push({ name, value, baseline: base, ratio: value / base, refusals: refusals.count, refusalExamples: refusals.examples });

    /** One round of single-event POSTs and 500-event batches; `label` names the condition in the rows. */
    const round = async (label: string, run: string, ids: boolean) => {
      const bodies = bodiesFor(run, singles, batches, ids);
      const before = storedEvents();
      const s = await drive(status.url!, apiKey, bodies.singles, concurrency);
      const sBase = await drive(baseline.origin, apiKey, bodies.singles, concurrency);
      const b = await drive(status.url!, apiKey, bodies.batches, 2);
      const bBase = await drive(baseline.origin, apiKey, bodies.batches, 2);
      // What was acknowledged is stored, once: refused requests stored nothing.
      const acked = singles - s.refusals.count + (batches - b.refusals.count) * 500;
      const stored = storedEvents() - before;
      if (stored !== acked) throw new Error(`acknowledged ${acked} events but ${stored} are stored`);
      add(`single-event POSTs, keep-alive ×${concurrency}${label} (events/s)`, singles / (s.elapsedMs / 1000), singles / (sBase.elapsedMs / 1000), s.refusals);
      add(`single-event POST latency${label} (p50 ms)`, percentile(s.latencies, 50), percentile(sBase.latencies, 50), s.refusals);
      add(`single-event POST latency${label} (p99 ms)`, percentile(s.latencies, 99), percentile(sBase.latencies, 99), s.refusals);
      add(`500-event batches, ×2${label} (events/s)`, (batches * 500) / (b.elapsedMs / 1000), (batches * 500) / (bBase.elapsedMs / 1000), b.refusals);
      add(`500-event batch latency${label} (p50 ms)`, percentile(b.latencies, 50), percentile(bBase.latencies, 50), b.refusals);
    };

    await round('', 'alone', false);
    // The same beside the webhook engine: one active webhook on every event, its attempt log written by its own
    // thread on its own connection while ingest writes on the main one.
    core.webhooks.updateSettings({ allowlist: ['127.0.0.1/32'], extraCa: [ca.ca] });
    await core.handlers.webhooks.create({ name: 'Bench receiver', url: `https://localhost:${receiver.port}/h/ingest`, events: [], campaignId: null, caseTypes: [], active: true });
    await receiver.reset();
    await round(' beside a webhook, with ids', 'webhook', true);
    const delivered = (await receiver.stats()).count;
    if (delivered === 0) throw new Error('the webhook delivered nothing while events were ingested');
    return rows;
  } finally {
    receiver.kill();
    await baseline.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
