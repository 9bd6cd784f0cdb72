// The attempt log's writer thread: runs the delivery log's attempt writes (see attempt-log-sql.ts, which sends
// the SQL) on its own SQLite connection, so that at thousands of deliveries a second the inserts, updates, commits
// and WAL checkpoints don't hold the main thread's event loop. Under load the checkpoints' copying moves to a second
// thread, the checkpointer: this same script with `role: 'checkpointer'` (one file to ship), which only
// checkpoints and answers close. Plain JavaScript: Node loads it as is from the source tree, and the build copies it
// beside the main bundle.
import { createRequire } from 'node:module';
import { clearTimeout, setTimeout } from 'node:timers';
import { URL } from 'node:url';
import { parentPort, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads';

/** @type {{ driver: string; file: string; busyTimeoutMs: number; sql: Record<string, string>; role?: 'checkpointer' }} */
const { driver, file, busyTimeoutMs, sql, role } = workerData;
// The driver's path comes from the main thread, so both threads load the very same better-sqlite3 (packaged, from
// app.asar.unpacked: it finds its native addon, prebuilt or compiled, beside its own files).
const Database = createRequire(import.meta.url)(driver);
const db = new Database(file, { timeout: busyTimeoutMs, fileMustExist: true });
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
// WAL checkpoints are this thread's job: the main connection turns its own off while this thread runs, so that
// copying pages back into the database never holds the event loop. Here they run every 10,000 pages (40 MB of
// WAL) rather than SQLite's 1,000: ten webhooks' index leaves are rewritten by nearly every commit, and a
// checkpoint copies each page once however often it changed since the last one. And once a second, a passive
// checkpoint takes in what the main connection wrote meanwhile (ingest, settings), so the WAL stays short when no
// attempts are being written.
//
// Under load these held the attempts waiting for their commit: several times a second, up to 40 MB copied back and
// synced, tens of ms each (without any checkpoint the throughput run is a fifth faster). From a thousand attempts
// logged in a second, the checkpointer thread takes the passive checkpoints over, on its own connection beside the
// writes, every 100 ms while the WAL grows (once a second while it is still): the checkpoint here after a commit,
// which lets the next commit start the WAL over, then finds little left to copy. Started only then, so that a
// console that sends a few webhooks never runs a second thread; once started it stays until the log closes.
db.pragma('wal_autocheckpoint = 10000');
const CHECKPOINT_EVERY_MS = 1_000;
const CHECKPOINTER_EVERY_MS = 100;
const CHECKPOINTER_FROM_ATTEMPTS = 1_000;
/** Attempts logged since the last checkpoint round (the writer's measure of load). */
let logged = 0;
let framesSeen = -1;
let checkpoints = null;
/** The checkpointer thread (writer only); if it stops, this thread checkpoints once a second itself again. */
let checkpointer = null;
let checkpointerFailed = false;
let closing = false;

function checkpoint() {
  if (role !== 'checkpointer' && logged >= CHECKPOINTER_FROM_ATTEMPTS && !checkpointerFailed) {
    startCheckpointer(); // it takes the rounds over
    return;
  }
  logged = 0;
  let next = CHECKPOINT_EVERY_MS;
  try {
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (role === 'checkpointer' && log !== framesSeen) next = CHECKPOINTER_EVERY_MS;
    framesSeen = log;
  } catch {
    // Busy or locked: the next one takes it in.
  }
  checkpoints = setTimeout(checkpoint, next);
}
checkpoints = setTimeout(checkpoint, role === 'checkpointer' ? 0 : CHECKPOINT_EVERY_MS);

function startCheckpointer() {
  checkpoints = null;
  checkpointer = new Worker(new URL(import.meta.url), {
    workerData: { ...workerData, role: 'checkpointer' },
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
  });
  checkpointer.on('error', () => undefined); // its 'exit' follows
  checkpointer.on('exit', () => {
    checkpointer = null;
    if (closing) return;
    checkpointerFailed = true;
    checkpoints = setTimeout(checkpoint, CHECKPOINT_EVERY_MS);
  });
  checkpointer.unref();
}

/** Closes the checkpointer's connection and waits for its thread to end. */
const stopCheckpointer = () =>
  checkpointer === null
    ? Promise.resolve()
    : new Promise((resolve) => {
        checkpointer.once('exit', resolve);
        checkpointer.postMessage({ id: 0, op: 'close' });
      });

const insertAttempt = db.prepare(sql.insertAttempt);
const finishAttempt = db.prepare(sql.finishAttempt);
const finishDelivery = db.prepare(sql.finishDelivery);
const finishCancelled = db.prepare(sql.finishCancelled);
const markUnapplied = db.prepare(sql.markUnapplied);
const clearUnapplied = db.prepare(sql.clearUnapplied);
const applyOutcome = db.prepare(sql.applyOutcome);
const applyCancelled = db.prepare(sql.applyCancelled);

// The same writes as the delivery store's start() and finish().
const startRows = ({ rows, outcomes }) => {
  for (const params of outcomes) {
    finishAttempt.run(params);
    markUnapplied.run(params.attemptId);
  }
  logged += rows.length;
  return rows.map((row) => Number(insertAttempt.run(...row).lastInsertRowid));
};
const finishRows = ({ rows, applied }) => {
  for (const params of rows) {
    finishAttempt.run(params);
    if (finishDelivery.run(params).changes === 0) finishCancelled.run(params);
  }
  for (const outcome of applied) {
    if (applyOutcome.run(outcome).changes === 0) applyCancelled.run(outcome);
    clearUnapplied.run(outcome);
  }
  return null;
};
const write = (message) => (message.op === 'start' ? startRows(message) : finishRows(message));

// Write transactions take the write lock at BEGIN (IMMEDIATE), waiting up to the busy timeout for the main
// connection's; a deferred one that read first could not wait for it (see main/db/transactions.ts, which this plain
// JavaScript file can't import). Each write alone, in its own transaction.
const run = db.transaction(write).immediate;
// Everything waiting is written in one transaction (two when starts wait behind deliveries; see answer()): when the
// main thread sends faster than this thread commits, commits get bigger, not more numerous. The writes inside call
// the plain functions: nested transactions would each open a savepoint, whose statement journal copies every page
// it changes. If the group fails, each write is tried alone so only its own fails.
const writeGroup = db.transaction((group) => group.map(write)).immediate;

/** Writes the group in one transaction; if that fails, each write alone, so only its own fails. One result per write. */
function writeAll(group) {
  try {
    return writeGroup(group).map((value) => ({ ok: true, value }));
  } catch {
    return group.map((message) => {
      try {
        return { ok: true, value: run(message) };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error), code: error?.code ?? null };
      }
    });
  }
}

const post = (id, result) => parentPort.postMessage({ id, ...result });

function answer(group) {
  // Attempts about to be sent wait for their commit; deliveries being brought up to date from outcomes already
  // written (a finish's `applied`) hold nobody back. When both are waiting, the starts, and every outcome's attempt
  // row in the order sent, are committed and answered first; those deliveries follow in a transaction of their own.
  const deferred = group.some((m) => m.op === 'start') ? group.filter((m) => m.op === 'finish' && m.applied.length > 0) : [];
  if (deferred.length === 0) {
    writeAll(group).forEach((result, i) => post(group[i].id, result));
    return;
  }
  const firstResults = writeAll(group.map((m) => (deferred.includes(m) ? { ...m, applied: [] } : m)));
  group.forEach((m, i) => {
    if (!deferred.includes(m)) post(m.id, firstResults[i]);
  });
  const laterResults = writeAll(deferred.map((m) => ({ ...m, rows: [] })));
  deferred.forEach((m, i) => {
    const first = firstResults[group.indexOf(m)];
    post(m.id, first.ok ? laterResults[i] : first);
  });
}

parentPort.on('message', (first) => {
  const group = [];
  let close = null;
  for (let message = first; message !== undefined && close === null; message = receiveMessageOnPort(parentPort)?.message) {
    if (message.op === 'close') close = message;
    else group.push(message);
  }
  // In the order sent: the engine sends the outcomes whose request slots it reuses with (or before) the starts that
  // reuse them, so an attempt's outcome is never committed after the start that took its slot, and the log never
  // shows more attempts of a webhook in flight than the engine allows.
  if (group.length > 0) answer(group);
  if (close !== null) {
    closing = true;
    clearTimeout(checkpoints);
    void stopCheckpointer().then(() => {
      db.close();
      parentPort.postMessage({ id: close.id, ok: true, value: null });
      parentPort.close();
    });
  }
});
