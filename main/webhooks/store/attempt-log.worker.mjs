// The attempt log's writer thread: runs the delivery log's attempt writes (see attempt-log-sql.ts, which sends
// the SQL) on its own SQLite connection, so that at thousands of deliveries a second the inserts, updates, commits
// and WAL checkpoints don't hold the main thread's event loop. Plain JavaScript: Node loads it as is from the
// source tree, and the build copies it beside the main bundle.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ driver: string; nativeBinding: string; file: string; busyTimeoutMs: number; sql: Record<string, string> }} */
const { driver, nativeBinding, file, busyTimeoutMs, sql } = workerData;
// Both paths come from the main thread, so both threads load the very same better-sqlite3 build (and, packaged,
// from app.asar.unpacked, without the `bindings` lookup, which would look inside the archive).
const Database = createRequire(import.meta.url)(driver);
const db = new Database(file, { timeout: busyTimeoutMs, fileMustExist: true, nativeBinding });
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');

const insertAttempt = db.prepare(sql.insertAttempt);
const finishAttempt = db.prepare(sql.finishAttempt);
const finishDelivery = db.prepare(sql.finishDelivery);
const finishCancelled = db.prepare(sql.finishCancelled);

// The same two transactions as the delivery store's start() and finish().
const start = db.transaction((rows) => rows.map((row) => Number(insertAttempt.run(...row).lastInsertRowid)));
const finish = db.transaction((rows) => {
  for (const params of rows) {
    finishAttempt.run(params);
    if (finishDelivery.run(params).changes === 0) finishCancelled.run(params);
  }
  return null;
});

parentPort.on('message', (message) => {
  const { id, op, rows } = message;
  try {
    if (op === 'close') {
      db.close();
      parentPort.postMessage({ id, ok: true, value: null });
      parentPort.close();
      return;
    }
    parentPort.postMessage({ id, ok: true, value: op === 'start' ? start(rows) : finish(rows) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error), code: error?.code ?? null });
  }
});
parentPort.postMessage({ ready: true });
