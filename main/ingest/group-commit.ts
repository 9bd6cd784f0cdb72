// Group commit: writes queued in the same turn of the event loop (concurrent POSTs) share one durable commit,
// so one fsync acknowledges many requests. Each write runs in its own savepoint: one request's failure rolls
// back only that request.
import type Database from 'better-sqlite3';
import { writeTransaction } from '../db';
import { commitDurably } from './durable-commit';

export interface GroupCommitter {
  /** Runs `work` inside the next group transaction; resolves with its result once that transaction is durable. */
  run<T>(work: () => T): Promise<T>;
}

interface Pending {
  work: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export function createGroupCommitter(sqlite: Database.Database): GroupCommitter {
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const items = queue;
    queue = [];
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      commitDurably(sqlite, () => {
        for (const item of items) {
          try {
            // Nested inside the group transaction, this is a savepoint.
            results.push({ ok: true, value: writeTransaction(sqlite, item.work) });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed (disk full, database locked): nothing of the group is stored.
      for (const item of items) item.reject(error);
      return;
    }
    items.forEach((item, i) => {
      const result = results[i]!;
      if (result.ok) item.resolve(result.value);
      else item.reject(result.error);
    });
  };

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
