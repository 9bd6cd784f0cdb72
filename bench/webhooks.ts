// Webhook delivery engine: throughput, latency, a 1,000,000-delivery backlog, a kill -9 mid-burst and endpoint
// isolation, against a loopback HTTPS receiver running in its own process. Baselines are measured in the same run:
// the same receiver driven by a bare undici loop sending the same requests (signed once, no persistence). Every row
// counts the events the console refused to ingest on the way (HTTP answers other than 202, rejected accept()
// calls): never retried, and the run fails on any (bench/run.mjs).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, Pool, request } from 'undici';
import { createCore, type Core } from '../main/core';
import { sampleEvent } from '../main/ingest/sample-events';
import { createTestCa, type TestCa } from '../main/test-support/test-ca';
import type { WebhookEngineOptions } from '../main/webhooks/create-webhooks';
import { DEFAULT_LIMITS } from '../main/webhooks/engine/delivery-engine';
import { requestHeaders } from '../main/webhooks/engine/request-headers';
import { generateSigningSecret } from '../main/webhooks/signing/signing-secret';
import { bundleForNode } from './support/bundle';
import { startReceiverProcess, type ReceiverProcess } from './support/receiver-process';
import { acceptCounted, addRefusals, noRefusals, refuse, type Refusals } from './support/refusals';
import { HEADLESS_NODE_FLAGS } from '../scripts/node-flags.mjs';

interface Row {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
  refusals: number;
  refusalExamples: string[];
}

const row = (name: string, value: number, baseline: number, refusals: Refusals): Row => ({
  name,
  value,
  baseline,
  ratio: baseline === 0 ? 0 : value / baseline,
  refusals: refusals.count,
  refusalExamples: refusals.examples,
});
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const epochMs = () => performance.timeOrigin + performance.now();

interface BenchCore {
  core: Core;
  dataDir: string;
  close(): Promise<void>;
}

function openCore(ca: TestCa, webhooks: WebhookEngineOptions = {}): BenchCore {
  const dataDir = mkdtempSync(join(tmpdir(), 'kayse-bench-webhooks-'));
  const core = createCore({ dataDir, env: { KAYSE_SECRETS_KEY: randomBytes(32).toString('base64') }, logLevel: 'warn', webhooks });
  core.webhooks.updateSettings({ allowlist: ['127.0.0.1/32'], extraCa: [ca.ca] });
  return {
    core,
    dataDir,
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function addWebhook(core: Core, name: string, url: string): Promise<string> {
  const created = await core.handlers.webhooks.create({ name, url, events: [], campaignId: null, caseTypes: [], active: true });
  return created.id;
}

/**
 * Stores `count` events through the core's ingest (500 per batch), fanning out to every matching webhook; a refused
 * batch is counted in `refusals`, not retried. Returns how many events were stored.
 */
async function ingestEvents(core: Core, count: number, refusals: Refusals): Promise<number> {
  let stored = 0;
  for (let done = 0; done < count; ) {
    const n = Math.min(500, count - done);
    const events = Array.from({ length: n }, (_, i) => sampleEvent(i % 2 ? 'call_ended' : 'transcript_updated'));
    if (await acceptCounted(refusals, () => core.ingest.accept({ events }, { apiKeyId: null }))) stored += n;
    done += n;
  }
  return stored;
}

/**
 * The baseline: `total` POSTs with `concurrency` in flight, each the same request the engine sends (the envelope
 * body and all the contract's headers, at their real lengths, with a unique event and delivery id), so that the
 * receiver does the same work for both. The signature headers are computed once: signing is the engine's work.
 */
async function bareUndici(receiver: ReceiverProcess, total: number, concurrency: number): Promise<number> {
  const pool = new Pool(`https://localhost:${receiver.port}`, { connections: concurrency, connect: { ca: receiverCa!.ca } });
  const body = JSON.stringify({ id: 'evt_01KBBASE0000000000000000000', type: 'call_ended', created_at: new Date().toISOString(), test: false, campaign_id: null, case_type: null, data: sampleEvent('call_ended').data });
  const template = requestHeaders({
    eventId: 'evt_01KBBASE0000000000000000000',
    eventType: 'call_ended',
    deliveryId: 'dlv_01KBBASE0000000000000000000',
    attemptNumber: 1,
    body,
    secrets: [generateSigningSecret()],
    timestamp: Math.floor(Date.now() / 1000),
    appKey: null,
    test: false,
    userAgent: 'KayseWebhooks/0.0.0',
  });
  // Ids of the engine's length (a 26-character ULID after the prefix), unique per request.
  const idOf = (prefix: string, n: number) => `${prefix}01KBBASE${String(n).padStart(18, '0')}`;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      next += 1;
      const eventId = idOf('evt_', next);
      const headers = { ...template, 'X-Kayse-Event-Id': eventId, 'webhook-id': eventId, 'X-Kayse-Delivery': idOf('dlv_', next) };
      const res = await pool.request({ path: `/h/${next % 10}`, method: 'POST', headers, body });
      await res.body.text();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  await pool.close();
  return (total / elapsed) * 1000;
}

let receiverCa: TestCa | undefined;

const median = (values: number[]) => percentile(values, 50);

/**
 * One throughput run on a fresh console in its own process, bundled and in plain Node as it ships (tsx would add
 * its own per-function costs): 10 webhooks on all events, 5,000 events waiting, sent until all are logged.
 */
async function engineRun(receiver: ReceiverProcess, ca: TestCa, script: string): Promise<{ deliveries: number; rate: number; refusals: Refusals }> {
  const child = fork(script, [], {
    env: { ...process.env, BENCH_THROUGHPUT: JSON.stringify({ port: receiver.port, ca: ca.ca, events: 5_000 }) },
    execArgv: [...HEADLESS_NODE_FLAGS, ...(process.env.PROF_CHILD ? ['--cpu-prof', '--cpu-prof-dir=/tmp/childprof'] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (m) => resolve(m as T));
      child.once('exit', (code) => reject(new Error(`throughput process exited (${code})`)));
    });
  try {
    const { refusals } = await next<{ ready: true; refusals: Refusals }>();
    await receiver.reset();
    child.send({ cmd: 'start' });
    const { deliveries, logged, rate } = await next<{ deliveries: number; logged: number; rate: number }>();
    if (logged !== deliveries) throw new Error(`expected ${deliveries} logged successful attempts, found ${logged}`);
    const received = (await receiver.stats()).count;
    if (received !== deliveries) throw new Error(`the receiver got ${received} requests for ${deliveries} deliveries`);
    return { deliveries, rate, refusals };
  } finally {
    await exited;
  }
}

/**
 * Engine and baseline runs alternate, three of each, and the medians are compared: this machine's speed drifts
 * by a third from one minute to the next, which a single pair of runs would read as a change of ratio.
 */
async function throughput(receiver: ReceiverProcess, ca: TestCa, rows: Row[]) {
  const engine: number[] = [];
  const base: number[] = [];
  const refusals = noRefusals();
  let deliveries = 0;
  const script = await bundleForNode(new URL('./support/throughput-process.ts', import.meta.url));
  for (let round = 1; round <= 3; round += 1) {
    const run = await engineRun(receiver, ca, script);
    deliveries = run.deliveries;
    addRefusals(refusals, run.refusals);
    engine.push(run.rate);
    base.push(await bareUndici(receiver, deliveries, 128));
    console.error(`  throughput round ${round}: engine ${run.rate.toFixed(0)}/s, bare undici ${base.at(-1)!.toFixed(0)}/s (${(run.rate / base.at(-1)!).toFixed(2)}×)`);
  }
  rows.push(row(`throughput: signed deliveries/s (10 webhooks, ${deliveries.toLocaleString('en')} logged; median of 3)`, median(engine), median(base), refusals));
}

async function latency(receiver: ReceiverProcess, ca: TestCa, rows: Row[]) {
  const bench = openCore(ca);
  const { core } = bench;
  try {
    // Latency at 200 events/s to one webhook: ingest acknowledgement → the receiver has the request.
    await addWebhook(core, 'Latency', `https://localhost:${receiver.port}/h/latency`);
    const status = await core.ingest.listen({ host: '127.0.0.1', port: 0 });
    const { apiKey } = core.ingest.keys.create({ name: 'bench', rateLimitPerMinute: 1_000_000 });
    const pool = new Pool(status.url!, { connections: 4 });
    await receiver.reset();
    await receiver.track(true);
    const acks = new Map<string, number>();
    const refusals = noRefusals();
    const body = JSON.stringify(sampleEvent('call_ended'));
    const perSecond = 200;
    const seconds = 10;
    const t0 = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < perSecond * seconds; i += 1) {
      const wait = t0 + (i * 1000) / perSecond - performance.now();
      if (wait > 0) await sleep(wait);
      // Each event with its own id, as the voice platform sends them (the store looks the key up before inserting).
      const event = JSON.stringify(sampleEvent('call_ended', { id: `latency_${i}` }));
      sends.push(
        pool.request({ path: '/v1/events', method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: event }).then(async (res) => {
          const ack = epochMs();
          if (res.statusCode !== 202) return refuse(refusals, `${res.statusCode} ${await res.body.text()}`);
          const { id } = (await res.body.json()) as { id: string };
          acks.set(id, ack);
        }),
      );
    }
    await Promise.all(sends);
    await receiver.waitFor((s) => s.unique, acks.size, 30_000);
    const arrivals = await receiver.arrivals();
    await receiver.track(false);
    await pool.close();
    const latencies = [...acks].map(([id, ack]) => Math.max(0, (arrivals[id] ?? Number.NaN) - ack)).filter((v) => Number.isFinite(v));
    // Baseline: one bare undici POST to the receiver, send → arrival.
    await receiver.reset();
    await receiver.track(true);
    const direct = new Agent({ connect: { ca: ca.ca } });
    const sent = new Map<string, number>();
    for (let i = 0; i < 400; i += 1) {
      const id = `evt_direct_${i}`;
      sent.set(id, epochMs());
      const res = await request(`https://localhost:${receiver.port}/direct`, { method: 'POST', dispatcher: direct, headers: { 'x-kayse-event-id': id }, body });
      await res.body.text();
    }
    const directArrivals = await receiver.arrivals();
    await receiver.track(false);
    await direct.close();
    const baseLat = [...sent].map(([id, t]) => directArrivals[id]! - t);
    rows.push(row('latency p50 ms (200 events/s, ack → receiver)', percentile(latencies, 50), percentile(baseLat, 50), refusals));
    rows.push(row('latency p99 ms (200 events/s, ack → receiver)', percentile(latencies, 99), percentile(baseLat, 99), refusals));
  } finally {
    await bench.close();
  }
}

async function backlog(receiver: ReceiverProcess, ca: TestCa, rows: Row[], fullRate: number) {
  await receiver.down();
  // Bundled and run in plain Node, as the console runs: the RSS measured is the console's, not tsx's.
  const child = fork(await bundleForNode(new URL('./support/backlog-process.ts', import.meta.url)), [], {
    env: { ...process.env, BENCH_BACKLOG: JSON.stringify({ port: receiver.port, ca: ca.ca, events: 100_000 }) },
    execArgv: HEADLESS_NODE_FLAGS,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  try {
    const ingested = await next<{ firstRate: number; lastRate: number; pending: number; peakRss: number; refusals: Refusals }>();
    const { refusals } = ingested;
    rows.push(row(`backlog: ingest events/s at ${ingested.pending.toLocaleString('en')} pending vs at 0`, ingested.lastRate, ingested.firstRate, refusals));
    await receiver.up();
    await receiver.reset();
    await receiver.waitFor((s) => s.count, 1, 30_000);
    const t = performance.now();
    const drainTarget = Math.min(100_000, ingested.pending);
    await receiver.waitFor((s) => s.count, drainTarget, 300_000);
    const drainRate = (drainTarget / (performance.now() - t)) * 1000;
    child.send({ cmd: 'peak' });
    const { peakRss, ingestPeak, drainPeak, idleRss } = await next<{ peakRss: number; ingestPeak: number; drainPeak: number; idleRss: number }>();
    console.error(`  backlog RSS: idle ${idleRss.toFixed(0)} MB, peak while filling ${ingestPeak.toFixed(0)} MB, while draining ${drainPeak.toFixed(0)} MB`);
    rows.push(row('backlog: drain deliveries/s (first 100,000) vs throughput run', drainRate, fullRate, refusals));
    rows.push(row('backlog: console peak RSS MB, 1,000,000 pending (limit 300)', peakRss, 300, refusals));
  } finally {
    child.send({ cmd: 'stop' });
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

interface CoreChild {
  url: string;
  apiKey: string | null;
  counts(): Promise<{ events: number; pending: number; interrupted: number }>;
  kill(): void;
  exited: Promise<unknown>;
}

async function startCoreChild(env: Record<string, string>): Promise<CoreChild> {
  const child = fork(fileURLToPath(new URL('./support/webhook-core-process.ts', import.meta.url)), [], {
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const first = await new Promise<{ url: string; apiKey: string | null }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string; apiKey: string | null }));
    child.once('exit', (code) => reject(new Error(`core process exited (${code}) before it was ready`)));
  });
  return {
    ...first,
    counts: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m as { events: number; pending: number; interrupted: number }));
        child.send({ cmd: 'counts' });
      }),
    kill: () => void child.kill('SIGKILL'),
    exited,
  };
}

async function crash(receiver: ReceiverProcess, ca: TestCa, rows: Row[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kayse-bench-crash-'));
  const env = { BENCH_DATA_DIR: dataDir, BENCH_SECRETS_KEY: randomBytes(32).toString('base64') };
  try {
    await receiver.reset();
    const first = await startCoreChild({ ...env, BENCH_SETUP: JSON.stringify({ url: `https://localhost:${receiver.port}/crash`, ca: ca.ca }) });
    const apiKey = first.apiKey!;
    const pool = new Pool(first.url, { connections: 4 });
    const acked = new Set<string>();
    const refusals = noRefusals();
    const total = 50_000;
    const batch = 100;
    let sent = 0;
    let killed = false;
    const worker = async () => {
      while (sent < total && !killed) {
        sent += batch;
        const body = JSON.stringify({ events: Array.from({ length: batch }, (_, i) => sampleEvent('call_ended', { id: `crash_${sent}_${i}` })) });
        try {
          const res = await pool.request({ path: '/v1/events', method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body });
          const answer = (await res.body.json()) as { ids?: string[] };
          if (killed) continue; // answered by a process being killed: neither acknowledged nor refused
          if (res.statusCode === 202) for (const id of answer.ids ?? []) acked.add(id);
          else refuse(refusals, `${res.statusCode} ${JSON.stringify(answer)}`);
        } catch {
          return; // the process is gone
        }
        if (acked.size >= total / 2 && !killed) {
          killed = true;
          first.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    await first.exited;
    await pool.destroy();
    const second = await startCoreChild(env);
    // Events stored but not yet acknowledged at the kill are delivered too, so count the acknowledged ones themselves.
    await receiver.waitFor((s) => s.unique, acked.size, 120_000);
    let missing = acked.size;
    for (const deadline = performance.now() + 120_000; missing > 0 && performance.now() < deadline; await sleep(200)) {
      const ids = new Set(await receiver.uniqueIds());
      missing = [...acked].filter((id) => !ids.has(id)).length;
    }
    const counts = await second.counts();
    const stats = await receiver.stats();
    second.kill();
    await second.exited;
    if (missing > 0) throw new Error(`${missing} acknowledged events never reached the receiver`);
    rows.push(row(`crash: acknowledged events delivered (of ${acked.size.toLocaleString('en')} acked at kill -9)`, acked.size - missing, acked.size, refusals));
    rows.push(row('crash: duplicate deliveries vs attempts in flight at the kill', stats.duplicates, counts.interrupted, refusals));
    // The delivery log as the kill left it: never more of the webhook in flight than its limit.
    rows.push(row(`crash: attempts logged in flight at the kill vs the webhook's limit`, counts.interrupted, DEFAULT_LIMITS.perEndpoint, refusals));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function isolation(receiver: ReceiverProcess, ca: TestCa, rows: Row[]) {
  const events = 20_000;
  const refusals = noRefusals();
  const measure = async (withSlow: boolean) => {
    const bench = openCore(ca, { autoStart: false });
    try {
      await addWebhook(bench.core, 'Fast', `https://localhost:${receiver.port}/fast`);
      if (withSlow) await addWebhook(bench.core, 'Slow', `https://localhost:${receiver.port}/slow`);
      const stored = await ingestEvents(bench.core, events, refusals);
      await receiver.reset();
      const t = performance.now();
      bench.core.webhooks.engine.start();
      await receiver.waitFor((s) => s.byPath['/fast'] ?? 0, stored, 120_000);
      return (stored / (performance.now() - t)) * 1000;
    } finally {
      await bench.close();
    }
  };
  const solo = await measure(false);
  const beside = await measure(true);
  rows.push(row('isolation: fast endpoint deliveries/s beside a 14 s one vs solo', beside, solo, refusals));
}

export async function benchWebhooks(): Promise<Row[]> {
  const ca = (receiverCa = createTestCa(['localhost', '127.0.0.1']));
  const receiver = await startReceiverProcess(ca);
  const rows: Row[] = [];
  // WEBHOOK_BENCH=backlog,crash runs only those parts (the throughput figure is then not measured). PROF_CHILD=1
  // writes a CPU profile of each throughput round's console to /tmp/childprof.
  const only = (process.env.WEBHOOK_BENCH ?? '').split(',').filter(Boolean);
  const run = (part: string) => only.length === 0 || only.includes(part);
  try {
    if (run('throughput')) {
      await throughput(receiver, ca, rows);
      await latency(receiver, ca, rows);
    }
    if (run('isolation')) await isolation(receiver, ca, rows);
    if (run('crash')) await crash(receiver, ca, rows);
    if (run('backlog')) await backlog(receiver, ca, rows, rows[0]?.value ?? 0);
  } finally {
    receiver.kill();
  }
  return rows;
}
