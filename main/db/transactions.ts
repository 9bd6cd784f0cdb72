// The one place transactions begin (a lint rule keeps `.transaction` out of everywhere else).
//
// Writes take the write lock at BEGIN (BEGIN IMMEDIATE), waiting for it up to the busy timeout. A deferred
// transaction (plain BEGIN, better-sqlite3's default) takes no lock until its first statement and only a read lock
// if that statement reads; when it then writes, SQLite must upgrade that read transaction, and it does not wait for
// that: it fails at once with SQLITE_BUSY if another connection holds the write lock, or SQLITE_BUSY_SNAPSHOT if
// another connection committed since the read began. The attempt log's writer thread commits many times a second,
// so every read-then-write (an idempotency-key lookup before the insert, an upsert's lookup) lost that race now and
// then. Read-only transactions stay deferred: a consistent snapshot that blocks no writer.
//
// Nested calls (inside any open transaction) become savepoints of the outer one, whichever kind it is.
//
// Write transactions hold the `tables.changed` announcements made inside them until the outermost one commits, and
// drop them on rollback (main/kernel/tables-changed.ts has the rule).
import type Database from 'better-sqlite3';
import { holdAnnouncements } from '../kernel';

/** Connections inside a read transaction started here: a write there would be the upgrade that can't wait. */
const reading = new WeakSet<Database.Database>();

function refuseWriteInRead(sqlite: Database.Database): void {
  if (reading.has(sqlite)) {
    throw new Error('A write transaction cannot run inside a read transaction: start the outer one with writeTransaction.');
  }
}

/** Returns a function that runs `fn` in a write transaction (BEGIN IMMEDIATE; a savepoint when nested). Prepare once, call often. */
export function defineWriteTransaction<A extends unknown[], R>(sqlite: Database.Database, fn: (...args: A) => R): (...args: A) => R {
  const run = sqlite.transaction(fn).immediate;
  return (...args) => {
    refuseWriteInRead(sqlite);
    return holdAnnouncements(() => run(...args));
  };
}

/** Returns a function that runs `fn` in a read-only snapshot transaction (deferred; a savepoint when nested). */
export function defineReadTransaction<A extends unknown[], R>(sqlite: Database.Database, fn: (...args: A) => R): (...args: A) => R {
  const run = sqlite.transaction(fn).deferred;
  return (...args) => {
    if (sqlite.inTransaction) return run(...args);
    reading.add(sqlite);
    try {
      return run(...args);
    } finally {
      reading.delete(sqlite);
    }
  };
}

/** Runs `work` now in a write transaction: committed when it returns, rolled back when it throws. */
export function writeTransaction<T>(sqlite: Database.Database, work: () => T): T {
  refuseWriteInRead(sqlite);
  return holdAnnouncements(() => sqlite.transaction(work).immediate());
}

/** Runs `work` now in a read-only snapshot transaction: every read inside sees the same committed state. */
export function readTransaction<T>(sqlite: Database.Database, work: () => T): T {
  return defineReadTransaction(sqlite, work)();
}
