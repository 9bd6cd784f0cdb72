// Ingest rate: events per second acknowledged (202) and durably stored by the event ingest API, as single-event
// POSTs over keep-alive connections and as 500-event batches, beside a bare fastify route that parses the same
// JSON and answers 202 without storing anything (same process, same client, same run).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { Pool } from 'undici';
import { createCore } from '../main/core';
import { sampleEvent } from '../main/events/sample-events';

interface Row {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** Sends `bodies` with `concurrency` requests in flight over one keep-alive pool; returns elapsed ms and latencies. */
async function drive(origin: string, apiKey: string, bodies: string[], concurrency: number) {
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const t = performance.now();
      const res = await pool.request({ path: '/v1/events', method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body });
      await res.body.text();
      if (res.statusCode !== 202) throw new Error(`ingest answered ${res.statusCode}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  await pool.close();
  return { elapsedMs, latencies };
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

export async function benchIngest({ singles = 4000, batches = 40, concurrency = 8 } = {}): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kayse-bench-ingest-'));
  const core = createCore({ dataDir, env: { KAYSE_SECRETS_KEY: randomBytes(32).toString('base64') }, logLevel: 'warn' });
  const baseline = await startBaseline();
  try {
    const status = await core.ingest.listen({ host: '127.0.0.1', port: 0 });
    const { apiKey } = core.ingest.keys.create({ name: 'bench', rateLimitPerMinute: 1_000_000 });
    const single = JSON.stringify(sampleEvent('call_ended'));
    const batch = JSON.stringify({ events: Array.from({ length: 500 }, (_, i) => sampleEvent(i % 2 ? 'call_ended' : 'transcript_updated')) });
    const singleBodies = Array.from({ length: singles }, () => single);
    const batchBodies = Array.from({ length: batches }, () => batch);

    // Warm both servers (JIT, prepared statements) before measuring.
    await drive(status.url!, apiKey, singleBodies.slice(0, 200), concurrency);
    await drive(baseline.origin, apiKey, singleBodies.slice(0, 200), concurrency);
    const before = core.ingest.store.list({ offset: 0, limit: 1 }).total;

    const s = await drive(status.url!, apiKey, singleBodies, concurrency);
    const sBase = await drive(baseline.origin, apiKey, singleBodies, concurrency);
    const b = await drive(status.url!, apiKey, batchBodies, 2);
    const bBase = await drive(baseline.origin, apiKey, batchBodies, 2);

    const stored = core.ingest.store.list({ offset: 0, limit: 1 }).total - before;
    if (stored !== singles + batches * 500) throw new Error(`acknowledged ${singles + batches * 500} events but ${stored} are stored`);

    const rows: [string, number, number][] = [
      [`single-event POSTs, keep-alive ×${concurrency} (events/s)`, singles / (s.elapsedMs / 1000), singles / (sBase.elapsedMs / 1000)],
      ['single-event POST latency (p50 ms)', percentile(s.latencies, 50), percentile(sBase.latencies, 50)],
      ['single-event POST latency (p99 ms)', percentile(s.latencies, 99), percentile(sBase.latencies, 99)],
      ['500-event batches, ×2 (events/s)', (batches * 500) / (b.elapsedMs / 1000), (batches * 500) / (bBase.elapsedMs / 1000)],
      ['500-event batch latency (p50 ms)', percentile(b.latencies, 50), percentile(bBase.latencies, 50)],
    ];
    return rows.map(([name, value, base]) => ({ name, value, baseline: base, ratio: value / base }));
  } finally {
    await baseline.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
