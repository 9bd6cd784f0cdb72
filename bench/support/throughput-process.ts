// The throughput benchmark's console, bundled and run in plain Node as the console ships (bench/support/bundle.ts):
// 10 webhooks on all events to the receiver, `events` events stored before the engine starts; on "start" it sends
// everything, waits until every attempt is logged, checks the log and reports the rate.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../main/core';
import { sampleEvent } from '../../main/ingest/sample-events';
import { acceptCounted, noRefusals } from './refusals';

const { port, ca, events } = JSON.parse(process.env.BENCH_THROUGHPUT!) as { port: number; ca: string; events: number };
const dataDir = mkdtempSync(join(tmpdir(), 'kayse-bench-throughput-'));
const core = createCore({ dataDir, env: { KAYSE_SECRETS_KEY: randomBytes(32).toString('base64') }, logLevel: 'warn', webhooks: { autoStart: false } });
core.webhooks.updateSettings({ allowlist: ['127.0.0.1/32'], extraCa: [ca] });
const webhooks = 10;
for (let i = 0; i < webhooks; i += 1) {
  await core.handlers.webhooks.create({ name: `Bench ${i}`, url: `https://localhost:${port}/h/${i}`, events: [], campaignId: null, caseTypes: [], active: true });
}
// A refused batch is counted (and reported with the rate), never retried.
const refusals = noRefusals();
let stored = 0;
for (let done = 0; done < events; done += 500) {
  const batch = Array.from({ length: Math.min(500, events - done) }, (_, i) => sampleEvent(i % 2 ? 'call_ended' : 'transcript_updated'));
  if (await acceptCounted(refusals, () => core.ingest.accept({ events: batch }, { apiKeyId: null }))) stored += batch.length;
}
const deliveries = stored * webhooks;
process.send!({ ready: true, refusals });

process.once('message', async () => {
  const started = performance.now();
  core.webhooks.engine.start();
  // Returns once nothing is due and every attempt and outcome is written.
  await core.webhooks.engine.settle();
  const elapsed = performance.now() - started;
  const logged = (core.database.sqlite.prepare("SELECT count(*) AS n FROM webhook_attempts WHERE finished_at IS NOT NULL AND response_status = 200").get() as { n: number }).n;
  process.send!({ deliveries, logged, rate: (deliveries / elapsed) * 1000 });
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
