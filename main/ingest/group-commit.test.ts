import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { createGroupCommitter } from './group-commit';

const cleanup = useCleanup();
function open() {
  const sqlite = new Database(`${cleanup.tempDir()}/t.db`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
  return sqlite;
}

describe('group commit', () => {
  it('commits writes queued together in one transaction, each in its own savepoint', async () => {
    const sqlite = open();
    const committer = createGroupCommitter(sqlite);
    const insert = sqlite.prepare('INSERT INTO t (k) VALUES (?)');
    const transactions: boolean[] = [];
    const results = await Promise.allSettled([
      committer.run(() => {
        transactions.push(sqlite.inTransaction);
        insert.run('a');
        return 'a';
      }),
      committer.run(() => {
        insert.run('b');
        insert.run('a'); // a duplicate: only this write rolls back
      }),
      committer.run(() => insert.run('c').changes),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 'a' });
    expect(transactions).toEqual([true]);
    expect(sqlite.prepare('SELECT k FROM t ORDER BY k').pluck().all()).toEqual(['a', 'c']);
    sqlite.close();
  });

  it('rejects every write of a group whose commit fails, storing none of them', async () => {
    const sqlite = open();
    const committer = createGroupCommitter(sqlite);
    const insert = sqlite.prepare('INSERT INTO t (k) VALUES (?)');
    const first = committer.run(() => insert.run('x'));
    const second = committer.run(() => insert.run('y'));
    sqlite.close(); // the commit can't happen
    await expect(first).rejects.toThrow();
    await expect(second).rejects.toThrow();
    const reopened = new Database(sqlite.name);
    expect(reopened.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
    reopened.close();
  });
});
