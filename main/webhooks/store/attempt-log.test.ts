// The attempt log on its writer thread: attempts are committed (and visible to the main connection) before their
// ids come back, outcomes likewise, close() waits for every write sent; a bad write in a group fails alone; the
// writer checkpoints the WAL for both connections; a worker that can't run hands over to inline writes (and
// checkpoints) without losing a write.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { makeTempDir } from '../../test-support/temp-dir';
import { createAttemptLog } from './attempt-log';
import { openDeliveryLog, type DeliveryLog } from './delivery-log-fixture';
import type { AttemptFinish, AttemptStart } from './delivery-store';

const at = '2026-11-20T10:00:00.000Z';
let log: DeliveryLog;
const cleanup = useCleanup();

function setUp(n: number) {
  log = cleanup.use(openDeliveryLog());
  const webhookId = log.addWebhook('Intake CRM');
  const ids = log.fanOut([webhookId], log.postEvents(Array.from({ length: n }, () => ({ type: 'call_ended' as const }))), at);
  const starts: AttemptStart[] = ids.map((deliveryId) => ({
    deliveryId,
    webhookId,
    number: 1,
    trigger: 'scheduled',
    startedAt: at,
    url: 'https://crm.example.com/hooks',
    requestHeaders: { 'X-Kayse-Delivery': deliveryId },
  }));
  return { webhookId, ids, starts };
}

const outcome = (attemptId: number, deliveryId: string, status: number, state: AttemptFinish['state']): AttemptFinish => ({
  attemptId,
  deliveryId,
  number: 1,
  startedAt: at,
  finishedAt: '2026-11-20T10:00:00.080Z',
  resolvedIp: '203.0.113.7',
  responseStatus: status,
  responseHeaders: { 'content-type': 'text/plain' },
  responseBody: status === 200 ? 'ok' : 'busy',
  responseTruncated: false,
  errorClass: status === 200 ? null : 'http_status',
  errorMessage: status === 200 ? null : `HTTP ${status}`,
  durationMs: 80,
  state,
  nextAttemptAt: state === 'pending' ? Date.parse(at) + 30_000 : null,
});

function captureLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, lines };
}

const attemptRows = () =>
  log.sqlite.prepare('SELECT delivery_id AS deliveryId, finished_at AS finishedAt, response_status AS status FROM webhook_attempts ORDER BY id').all() as {
    deliveryId: string;
    finishedAt: string | null;
    status: number | null;
  }[];
const deliveryStates = () => log.sqlite.prepare('SELECT state, attempts FROM webhook_deliveries ORDER BY id').all();

describe('attempt log writer thread', () => {
  it('commits attempts before their ids come back, then their outcomes, all visible to the main connection', async () => {
    const { ids, starts } = setUp(3);
    const { logger, lines } = captureLogger();
    const writer = createAttemptLog({ sqlite: log.sqlite, deliveries: log.deliveries, logger });
    const started = writer.start(starts);
    expect(writer.pending()).toBe(1); // on its way to the worker, not written inline
    const attemptIds = await started;
    expect(attemptIds).toHaveLength(3);
    expect([...attemptIds].sort((a, b) => a - b)).toEqual(attemptIds);
    expect(attemptRows()).toEqual(ids.map((deliveryId) => ({ deliveryId, finishedAt: null, status: null })));

    await writer.finish([outcome(attemptIds[0]!, ids[0]!, 200, 'succeeded'), outcome(attemptIds[1]!, ids[1]!, 503, 'pending')]);
    expect(attemptRows().map((r) => r.status)).toEqual([200, 503, null]);
    expect(deliveryStates()).toEqual([
      { state: 'succeeded', attempts: 1 },
      { state: 'pending', attempts: 1 },
      { state: 'pending', attempts: 0 },
    ]);

    // Not awaited: close() still waits for it before the writer's connection closes.
    void writer.finish([outcome(attemptIds[2]!, ids[2]!, 200, 'succeeded')]);
    await writer.close();
    expect(attemptRows().map((r) => r.status)).toEqual([200, 503, 200]);
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });

  it('writes outcomes with the next attempts and their deliveries in a later finish, which leaves each delivery as an outcome written whole does', async () => {
    const { ids, starts } = setUp(7);
    const { logger, lines } = captureLogger();
    const writer = createAttemptLog({ sqlite: log.sqlite, deliveries: log.deliveries, logger });
    const attemptIds = await writer.start(starts.slice(0, 6));
    // A success, a failure with a retry scheduled, a last failure: written whole for the first three deliveries,
    // ahead of their deliveries for the next three.
    const kinds = [[200, 'succeeded'], [503, 'pending'], [500, 'failed']] as const;
    const whole = kinds.map(([status, state], i) => outcome(attemptIds[i]!, ids[i]!, status, state));
    const ahead = kinds.map(([status, state], i) => outcome(attemptIds[i + 3]!, ids[i + 3]!, status, state));
    await writer.finish(whole);

    // With the next attempt: from its commit on, those three attempts are no longer in flight; their deliveries have
    // not counted them yet, and are listed for a restart to bring up to date.
    const unapplied = () => log.sqlite.prepare('SELECT attempt_id FROM webhook_unapplied_outcomes ORDER BY attempt_id').pluck().all();
    await writer.start([starts[6]!], ahead);
    expect(attemptRows().map((r) => r.status)).toEqual([200, 503, 500, 200, 503, 500, null]);
    expect(deliveryStates().slice(3)).toEqual(Array.from({ length: 4 }, () => ({ state: 'pending', attempts: 0 })));
    expect(unapplied()).toEqual(ahead.map((a) => a.attemptId));

    await writer.finish([], ahead.map(({ attemptId, deliveryId }) => ({ attemptId, deliveryId })));
    const deliveries = () =>
      log.sqlite
        .prepare(
          `SELECT state, next_attempt_at, next_trigger, attempts, first_attempt_at, last_attempt_at, last_status, last_error_class, last_error,
             last_duration_ms, completed_at FROM webhook_deliveries ORDER BY id`,
        )
        .all();
    const rows = deliveries();
    expect(rows.slice(0, 3).map((r) => (r as { state: string }).state)).toEqual(['succeeded', 'pending', 'failed']);
    expect(rows.slice(3, 6)).toEqual(rows.slice(0, 3));
    expect(unapplied()).toEqual([]);
    // Applied once only: the same outcome again (a write the writer committed but could not answer is made again
    // inline) changes nothing, even for the delivery still waiting for its retry.
    await writer.finish([], ahead.map(({ attemptId, deliveryId }) => ({ attemptId, deliveryId })));
    expect(deliveries()).toEqual(rows);
    await writer.close();
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });

  it('fails only the write that is wrong when writes sent together are committed as one group', async () => {
    const { ids, starts } = setUp(3);
    const { logger, lines } = captureLogger();
    const writer = createAttemptLog({ sqlite: log.sqlite, deliveries: log.deliveries, logger });
    // Sent back to back, so the worker usually finds all three waiting and writes them in one transaction.
    const broken = { ...starts[1]!, deliveryId: null as unknown as string };
    const results = await Promise.allSettled([writer.start([starts[0]!]), writer.start([broken]), writer.start([starts[2]!])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/NOT NULL constraint failed: webhook_attempts\.delivery_id/);
    // The good ones are committed with their ids; the broken one left nothing behind.
    expect(attemptRows()).toEqual([ids[0], ids[2]].map((deliveryId) => ({ deliveryId, finishedAt: null, status: null })));
    const [first, third] = [results[0], results[2]] as PromiseFulfilledResult<number[]>[];
    await writer.finish([outcome(first!.value[0]!, ids[0]!, 200, 'succeeded'), outcome(third!.value[0]!, ids[2]!, 200, 'succeeded')]);
    expect(deliveryStates()).toEqual([
      { state: 'succeeded', attempts: 1 },
      { state: 'pending', attempts: 0 },
      { state: 'succeeded', attempts: 1 },
    ]);
    await writer.close();
    // The worker kept running: nothing fell back to the main thread.
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });

  it('checkpoints what the main connection writes, off the main thread, and hands checkpoints back when closed', async () => {
    setUp(1);
    const writer = createAttemptLog({ sqlite: log.sqlite, deliveries: log.deliveries, logger: captureLogger().logger });
    expect(log.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Writes on the main connection only (ingest): more than the 1,000 pages after which the main connection would
    // checkpoint by itself, all left in the WAL until the writer's next one-second round.
    const size = () => statSync(log.sqlite.name).size;
    const before = size();
    for (let i = 0; i < 25; i += 1) log.postEvents(Array.from({ length: 200 }, () => ({ type: 'call_ended' as const })));
    expect(statSync(`${log.sqlite.name}-wal`).size).toBeGreaterThan(1_000 * 4_096);
    expect(size()).toBe(before);
    // Within a few of the writer's one-second rounds, the pages are copied into the database file.
    const deadline = Date.now() + 5_000;
    while (size() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(size()).toBeGreaterThan(before + 1_000_000);
    await writer.close();
    expect(log.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('falls back to writing on the main connection when the worker cannot run, losing no write', async () => {
    const { ids, starts } = setUp(2);
    const temp = makeTempDir('kayse-attempt-log-');
    const broken = join(temp.dir, 'broken.worker.mjs');
    writeFileSync(broken, "throw new Error('this worker script is broken on purpose');\n");
    const { logger, lines } = captureLogger();
    const writer = createAttemptLog({ sqlite: log.sqlite, deliveries: log.deliveries, logger, workerScript: pathToFileURL(broken) });
    const attemptIds = await writer.start(starts); // sent before the failure is known, answered inline after it
    expect(attemptRows().map((r) => r.deliveryId)).toEqual(ids);
    await writer.finish(attemptIds.map((id, i) => outcome(id, ids[i]!, 200, 'succeeded')));
    expect(deliveryStates()).toEqual([
      { state: 'succeeded', attempts: 1 },
      { state: 'succeeded', attempts: 1 },
    ]);
    expect(writer.pending()).toBe(0);
    expect(lines.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual(['webhook attempt log writer failed; writing on the main thread instead']);
    // With no writer thread, the main connection checkpoints its WAL again.
    expect(log.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await writer.close();
    temp.remove();
  });
});
