// The attempt log's writer thread: runs the delivery log's attempt writes (see attempt-log-sql.ts, which sends
// the SQL) on its own SQLite connection, so that at thousands of deliveries a second the inserts, updates, commits
// and WAL checkpoints don't hold the main thread's event loop. Plain JavaScript: Node loads it as is from the
// source tree, and the build copies it beside the main bundle.
import { createRequire } from 'node:module';
import { clearInterval, setInterval } from 'node:timers';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';

/** @type {{ driver: string; file: string; busyTimeoutMs: number; sql: Record<string, string> }} */
const { driver, file, busyTimeoutMs, sql } = workerData;
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
db.pragma('wal_autocheckpoint = 10000');
const CHECKPOINT_EVERY_MS = 1_000;
const checkpoints = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or locked: the next one takes it in.
  }
}, CHECKPOINT_EVERY_MS);

const insertAttempt = db.prepare(sql.insertAttempt);
const finishAttempt = db.prepare(sql.finishAttempt);
const finishDelivery = db.prepare(sql.finishDelivery);
const finishCancelled = db.prepare(sql.finishCancelled);

// The same writes as the delivery store's start() and finish().
const startRows = (rows) => rows.map((row) => Number(insertAttempt.run(...row).lastInsertRowid));
const finishRows = (rows) => {
  for (const params of rows) {
    finishAttempt.run(params);
    if (finishDelivery.run(params).changes === 0) finishCancelled.run(params);
  }
  return null;
};
const write = (op, rows) => (op === 'start' ? startRows(rows) : finishRows(rows));

// Write transactions take the write lock at BEGIN (IMMEDIATE), waiting up to the busy timeout for the main
// connection's; a deferred one that read first could not wait for it (see main/db/transactions.ts, which this plain
// JavaScript file can't import). Each write alone, in its own transaction.
const run = db.transaction(write).immediate;
// Everything waiting is written in one transaction: when the main thread sends faster than this thread commits,
// commits get bigger, not more numerous. The writes inside call the plain functions: nested transactions would
// each open a savepoint, whose statement journal copies every page it changes. If the group fails, each write
// is tried alone so only its own fails.
const writeGroup = db.transaction((group) => group.map(({ op, rows }) => write(op, rows))).immediate;

function answer(group) {
  try {
    const values = writeGroup(group);
    group.forEach(({ id }, i) => parentPort.postMessage({ id, ok: true, value: values[i] }));
  } catch {
    for (const { id, op, rows } of group) {
      try {
        parentPort.postMessage({ id, ok: true, value: run(op, rows) });
      } catch (error) {
        parentPort.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error), code: error?.code ?? null });
      }
    }
  }
}

parentPort.on('message', (first) => {
  const group = [];
  let close = null;
  for (let message = first; message !== undefined && close === null; message = receiveMessageOnPort(parentPort)?.message) {
    if (message.op === 'close') close = message;
    else group.push(message);
  }
  // In the order sent, in one transaction: the engine sends the outcomes whose request slots it reuses before the
  // starts that reuse them, so an attempt's outcome is never committed after the start that took its slot, and the
  // log never shows more attempts of a webhook in flight than the engine allows.
  if (group.length > 0) answer(group);
  if (close !== null) {
    clearInterval(checkpoints);
    db.close();
    parentPort.postMessage({ id: close.id, ok: true, value: null });
    parentPort.close();
  }
});
