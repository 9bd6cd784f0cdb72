// The backlog benchmark's console, in its own process so that its RSS is its own: 10 webhooks to a receiver that
// is down, 100,000 events ingested (1,000,000 pending deliveries), RSS sampled throughout; the parent brings the
// receiver back and asks for the peak.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core';
import { sampleEvent } from '../../main/ingest/sample-events';
import { acceptCounted, noRefusals } from './refusals';

const { port, ca, events } = JSON.parse(process.env.BENCH_BACKLOG!) as { port: number; ca: string; events: number };
const dataDir = mkdtempSync(join(tmpdir(), 'kayse-bench-backlog-'));
const core = createCore({
  dataDir,
  env: { KAYSE_SECRETS_KEY: randomBytes(32).toString('base64') },
  logLevel: 'warn',
  webhooks: { breaker: { threshold: 5, cooldownMs: 1_000, maxCooldownMs: 2_000 } },
});
const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
let peakRss = rssMb();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb())), 100);

core.webhooks.updateSettings({ allowlist: ['127.0.0.1/32'], extraCa: [ca] });
for (let i = 0; i < 10; i += 1) {
  await core.handlers.webhooks.create({ name: `Backlog ${i}`, url: `https://localhost:${port}/h/${i}`, events: [], campaignId: null, caseTypes: [], active: true });
}
const idleRss = rssMb();
const batchMs: number[] = [];
// A refused batch is counted (and reported), never retried.
const refusals = noRefusals();
for (let done = 0; done < events; done += 500) {
  const batch = Array.from({ length: 500 }, (_, i) => sampleEvent(i % 2 ? 'call_ended' : 'transcript_updated'));
  const t = performance.now();
  if (await acceptCounted(refusals, () => core.ingest.accept({ events: batch }, { apiKeyId: null }))) batchMs.push(performance.now() - t);
}
const pending = (core.database.sqlite.prepare("SELECT count(*) AS n FROM webhook_deliveries WHERE state = 'pending'").get() as { n: number }).n;
const rate = (ms: number[]) => (ms.length * 500 * 1000) / ms.reduce((a, b) => a + b, 0);
// Batches 10–30 stand for "an empty backlog" (the first few warm up the JIT and the database file).
process.send!({ ingested: true, firstRate: rate(batchMs.slice(10, 30)), lastRate: rate(batchMs.slice(-20)), pending, peakRss, refusals });
const ingestPeak = peakRss;
peakRss = rssMb();

process.on('message', async (msg: { cmd: string }) => {
  if (msg.cmd === 'peak') process.send!({ peakRss: Math.max(ingestPeak, peakRss), ingestPeak, drainPeak: peakRss, idleRss });
  if (msg.cmd === 'stop') {
    clearInterval(sampler);
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
});
