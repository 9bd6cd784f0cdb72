// Remembers which rows matched a recent search (in display order) until the database next changes, so that
// scrolling through search results reads one small window at a time instead of scanning every row again.
import type Database from 'better-sqlite3';

export interface MatchCache {
  /** The cached rowids for `key`, or `compute()`'s, remembered while nothing is written. */
  get(key: string, compute: () => number[]): number[];
}

/** A few recent searches per query, dropped whenever any write happens on (or to) the database. */
export function createMatchCache(sqlite: Database.Database, size = 8): MatchCache {
  // total_changes() moves on every row this connection writes; data_version on every commit by another one.
  const writes = sqlite.prepare('SELECT total_changes()').pluck();
  const entries = new Map<string, number[]>();
  let seen = '';
  return {
    get(key, compute) {
      // Inside someone else's transaction the rows could still be rolled back: never remember them.
      if (sqlite.inTransaction) return compute();
      const now = `${String(writes.get())}:${String(sqlite.pragma('data_version', { simple: true }))}`;
      if (now !== seen) {
        entries.clear();
        seen = now;
      }
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const rows = compute();
      entries.set(key, rows);
      if (entries.size > size) entries.delete(entries.keys().next().value!);
      return rows;
    },
  };
}
