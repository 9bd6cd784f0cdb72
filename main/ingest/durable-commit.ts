// Commits that must survive a power cut, not just a crash: the database runs WAL with synchronous=NORMAL
// (a crash loses nothing, a power cut may lose the last commits); an acknowledged event must not be one of them.
import type Database from 'better-sqlite3';
import { writeTransaction } from '../db';

/** Runs `work` in one write transaction committed with synchronous=FULL (the WAL is fsynced before this returns). */
export function commitDurably<T>(sqlite: Database.Database, work: () => T): T {
  // Inside someone else's transaction the outer commit decides; the pragma can't change mid-transaction.
  if (sqlite.inTransaction) return work();
  const before = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = FULL');
  try {
    return writeTransaction(sqlite, work);
  } finally {
    sqlite.pragma(`synchronous = ${before}`);
  }
}
