// Generated case numbers (K-000001…): counted up from the cases table's MAX(rowid) + 1, skipping every number a
// case already holds (imported cases may carry numbers of that shape). Shared by the record store and the bulk
// case writer so that both hand out the same numbers.
import type Database from 'better-sqlite3';

export interface CaseNumberAllocator {
  /**
   * A number no case holds, counted from MAX(rowid) + 1 but never below the one after the last number handed out
   * since `restart()`: keep one allocator for a run of writes so that taken numbers are skipped once, not per row.
   * Call it inside the transaction that inserts the case.
   */
  next(): string;
  /** Forgets the numbers handed out, for a write whose transaction may have been rolled back since. */
  restart(): void;
}

export const formatCaseNumber = (n: number): string => `K-${String(n).padStart(6, '0')}`;

/** An allocator over `sqlite`'s cases table. */
export function createCaseNumberAllocator(sqlite: Database.Database): CaseNumberAllocator {
  const firstCandidate = sqlite.prepare('SELECT COALESCE(MAX(rowid), 0) + 1 FROM cases').pluck();
  const taken = sqlite.prepare('SELECT 1 FROM cases WHERE case_number = ?').pluck();
  /** The lowest number the next call may hand out (one past the last handed out). */
  let floor = 0;
  return {
    next() {
      for (let n = Math.max(firstCandidate.get() as number, floor); ; n += 1) {
        const candidate = formatCaseNumber(n);
        if (taken.get(candidate)) continue;
        floor = n + 1;
        return candidate;
      }
    },
    restart() {
      floor = 0;
    },
  };
}
