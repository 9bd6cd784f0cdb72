import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { createCaseNumberAllocator } from './case-numbers';

const cleanup = useCleanup();

/** A bare cases table holding `numbers`, in that rowid order. */
function casesHolding(...numbers: string[]) {
  const db = cleanup.use(new Database(':memory:'));
  db.exec('CREATE TABLE cases (case_number TEXT NOT NULL UNIQUE)');
  const insert = db.prepare('INSERT INTO cases (case_number) VALUES (?)');
  for (const n of numbers) insert.run(n);
  return { db, insert: (n: string) => insert.run(n) };
}

describe('case number allocator', () => {
  it('counts from MAX(rowid) + 1 and skips numbers already held', () => {
    const { db, insert } = casesHolding('K-000002', 'K-000003', 'K-000006');
    const numbers = createCaseNumberAllocator(db);
    const handedOut = Array.from({ length: 4 }, () => {
      const n = numbers.next();
      insert(n);
      return n;
    });
    expect(handedOut).toEqual(['K-000004', 'K-000005', 'K-000007', 'K-000008']);
  });

  it('never hands out the same number twice until restarted, even when nothing was inserted', () => {
    const { db } = casesHolding('K-000001');
    const numbers = createCaseNumberAllocator(db);
    expect([numbers.next(), numbers.next(), numbers.next()]).toEqual(['K-000002', 'K-000003', 'K-000004']);
    numbers.restart();
    expect(numbers.next()).toBe('K-000002');
  });
});
