// Where the delivery engine writes its attempt log. For a database file, on a worker thread with its own
// connection (attempt-log.worker.mjs): the main thread then only sends rows and gets ids back, and the commits and
// WAL checkpoints (also of what the main connection writes), about a third of an attempt's cost, happen beside
// it. For an in-memory database, or when the worker can't start or dies, the same statements run inline on the
// main connection, which then checkpoints again.
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Logger } from '../../log';
import { ATTEMPT_LOG_SQL, attemptFinishParams, attemptStartRow, type AppliedOutcome } from './attempt-log-sql';
import type { AttemptFinish, AttemptStart, DeliveryStore } from './delivery-store';

export interface AttemptLog {
  /**
   * Logs attempts about to be sent; resolves with their ids once committed (only then may they be sent). `outcomes`
   * are written to their attempt rows first, in the same transaction, their deliveries left for a later finish().
   */
  start(attempts: readonly AttemptStart[], outcomes?: readonly AttemptFinish[]): Promise<number[]>;
  /** Records outcomes, and brings the deliveries of `applied` (attempt ids whose outcomes start() wrote) up to date; resolves once committed. */
  finish(results: readonly AttemptFinish[], applied?: readonly AppliedOutcome[]): Promise<void>;
  /** Writes sent but not yet committed. */
  pending(): number;
  /** Waits for the writes already sent, then closes the writer's connection. */
  close(): Promise<void>;
}

/** The statements on the main connection, answered at once. */
export function inlineAttemptLog(deliveries: DeliveryStore): AttemptLog {
  return {
    start: async (attempts, outcomes) => deliveries.start(attempts, outcomes),
    finish: async (results, applied) => deliveries.finish(results, applied),
    pending: () => 0,
    close: async () => undefined,
  };
}

export interface AttemptLogOptions {
  sqlite: Database.Database;
  deliveries: DeliveryStore;
  logger: Logger;
  busyTimeoutMs?: number;
  /** The worker script; tests point it at one that fails, to see the inline fallback take over. */
  workerScript?: URL;
}

type Op =
  | { op: 'start'; attempts: readonly AttemptStart[]; outcomes: readonly AttemptFinish[] }
  | { op: 'finish'; results: readonly AttemptFinish[]; applied: readonly AppliedOutcome[] };
interface Pending {
  op: Op;
  resolve(value: unknown): void;
  reject(error: Error): void;
}
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; code: string | null };

/** Packaged, the worker and the driver are unpacked beside app.asar (electron-builder.yml): a worker can't read inside it. */
const unpacked = (path: string) => path.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);

const WORKER_SCRIPT = new URL('./attempt-log.worker.mjs', import.meta.url);
/** Pages of WAL after which a connection checkpoints on commit, unless told otherwise. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1_000;

export function createAttemptLog({ sqlite, deliveries, logger, busyTimeoutMs = 5_000, workerScript = WORKER_SCRIPT }: AttemptLogOptions): AttemptLog {
  const inline = inlineAttemptLog(deliveries);
  if (sqlite.memory) return inline;

  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(unpacked(fileURLToPath(workerScript)), {
    workerData: {
      driver: unpacked(driver),
      file: sqlite.name,
      busyTimeoutMs,
      sql: ATTEMPT_LOG_SQL,
    },
    // It keeps nothing but a connection and four statements: a small heap keeps its memory small (V8 would
    // otherwise let garbage pile up to the default young generation before collecting).
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
  });
  // The worker checkpoints the WAL (see attempt-log.worker.mjs); the main connection takes it back when the worker
  // is gone, so a WAL never grows unchecked.
  sqlite.pragma('wal_autocheckpoint = 0');
  const checkpointHere = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  const waiting = new Map<number, Pending>();
  let seq = 0;
  let fallback: AttemptLog | null = null;
  let closing: Promise<void> | null = null;

  /** From now on everything runs inline; writes the worker never answered are made on the main connection. */
  function fallBack(reason: string, error?: unknown) {
    if (fallback !== null) return;
    fallback = inline;
    checkpointHere();
    if (closing === null) logger.warn({ err: error }, `webhook attempt log writer ${reason}; writing on the main thread instead`);
    // A write the worker committed but could not answer is made twice: at worst an attempt row too many, which
    // the next start closes as interrupted. Nothing is lost.
    const stranded = [...waiting.values()];
    waiting.clear();
    worker.unref();
    for (const p of stranded) run(inline, p.op).then(p.resolve, p.reject);
  }

  const run = (log: AttemptLog, op: Op): Promise<unknown> => (op.op === 'start' ? log.start(op.attempts, op.outcomes) : log.finish(op.results, op.applied));

  worker.on('message', (reply: Reply) => {
    const p = waiting.get(reply.id);
    if (!p) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if (reply.ok) p.resolve(reply.value);
    else p.reject(Object.assign(new Error(reply.message), { code: reply.code }));
  });
  worker.on('error', (error) => fallBack('failed', error));
  worker.on('exit', (code) => fallBack(`stopped (exit code ${code})`));
  // Only writes in flight keep the process alive; an idle writer never holds it open. After the listeners: adding
  // a 'message' listener refs the worker's port again, and an unref before it would be undone.
  worker.unref();

  function send(op: Op): Promise<unknown> {
    if (fallback !== null) return run(fallback, op);
    const id = ++seq;
    const message =
      op.op === 'start'
        ? { id, op: op.op, rows: op.attempts.map(attemptStartRow), outcomes: op.outcomes.map(attemptFinishParams) }
        : { id, op: op.op, rows: op.results.map(attemptFinishParams), applied: op.applied };
    return new Promise((resolve, reject) => {
      if (waiting.size === 0) worker.ref();
      waiting.set(id, { op, resolve, reject });
      worker.postMessage(message);
    });
  }

  return {
    start: (attempts, outcomes = []) =>
      attempts.length === 0 && outcomes.length === 0 ? Promise.resolve([]) : (send({ op: 'start', attempts, outcomes }) as Promise<number[]>),
    finish: async (results, applied = []) => {
      if (results.length > 0 || applied.length > 0) await send({ op: 'finish', results, applied });
    },
    pending: () => waiting.size,
    close() {
      closing ??= (async () => {
        if (fallback !== null) return;
        // Answered in order: once the close is answered, every write sent before it is committed.
        await new Promise<void>((resolve) => {
          const id = ++seq;
          worker.ref();
          waiting.set(id, { op: { op: 'finish', results: [], applied: [] }, resolve: () => resolve(), reject: () => resolve() });
          worker.postMessage({ id, op: 'close' });
        });
        // Its 'exit' hands the log, and the checkpoints, back to the main connection (fallBack).
        await worker.terminate();
      })();
      return closing;
    },
  };
}
