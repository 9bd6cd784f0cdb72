// Two connections to one WAL file, as the main thread and the attempt log's writer thread have: what a read
// before a write does to a transaction, and what the helpers do about it. Interleaved by hand, so nothing is timed.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { isDatabaseBusy, sqliteCodeOf } from './busy-error';
import { defineWriteTransaction, readTransaction, writeTransaction } from './transactions';

const cleanup = useCleanup();

/** `main` waits a moment for locks (as the console's connections do); `other` never waits, so a lock it meets shows at once. */
function twoConnections() {
  const file = join(cleanup.tempDir(), 'console.db');
  const main = cleanup.use(new Database(file, { timeout: 1_000 }));
  main.pragma('journal_mode = WAL');
  main.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
  const other = cleanup.use(new Database(file, { timeout: 0 }));
  const insert = (db: Database.Database, k: string) => db.prepare('INSERT INTO t (k) VALUES (?)').run(k);
  const has = (db: Database.Database, k: string) => db.prepare('SELECT 1 FROM t WHERE k = ?').get(k) !== undefined;
  const keys = () => (main.prepare('SELECT k FROM t ORDER BY k').pluck().all() as string[]);
  return { main, other, insert, has, keys };
}

const codeOf = (work: () => unknown): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    return sqliteCodeOf(error);
  }
};

describe('write transactions', () => {
  it('a deferred transaction that reads, then writes after another connection committed, fails at once: SQLITE_BUSY_SNAPSHOT', () => {
    const { main, other, insert, has, keys } = twoConnections();
    main.exec('BEGIN'); // what better-sqlite3's plain .transaction() issues
    expect(has(main, 'evt_1')).toBe(false); // the idempotency-key lookup: a read snapshot begins here
    insert(other, 'attempt_1'); // the writer thread commits meanwhile
    expect(codeOf(() => insert(main, 'evt_1'))).toBe('SQLITE_BUSY_SNAPSHOT');
    main.exec('ROLLBACK');
    expect(keys()).toEqual(['attempt_1']);
  });

  it('a deferred transaction that reads, then writes while another connection holds the write lock, fails at once: SQLITE_BUSY', () => {
    const { main, other, insert, has } = twoConnections();
    main.exec('BEGIN');
    expect(has(main, 'evt_1')).toBe(false);
    other.exec('BEGIN IMMEDIATE');
    insert(other, 'attempt_1');
    // The busy timeout (1 s on `main`) is not waited: upgrading a read transaction can't wait for a lock.
    expect(codeOf(() => insert(main, 'evt_1'))).toBe('SQLITE_BUSY');
    other.exec('COMMIT');
    main.exec('ROLLBACK');
  });

  it('writeTransaction holds the write lock from BEGIN: the other connection waits its turn, the read-then-write commits', () => {
    const { main, other, insert, has, keys } = twoConnections();
    const stored = writeTransaction(main, () => {
      if (has(main, 'evt_1')) return false;
      expect(codeOf(() => insert(other, 'attempt_1'))).toBe('SQLITE_BUSY');
      insert(main, 'evt_1');
      return true;
    });
    expect(stored).toBe(true);
    insert(other, 'attempt_1');
    expect(keys()).toEqual(['attempt_1', 'evt_1']);
  });

  it('defineWriteTransaction runs with arguments; nested calls are savepoints: an inner failure undoes only its own writes', () => {
    const { main, insert, keys } = twoConnections();
    const add = defineWriteTransaction(main, (k: string) => insert(main, k).changes);
    writeTransaction(main, () => {
      expect(add('a')).toBe(1);
      expect(() => writeTransaction(main, () => (add('b'), add('a')))).toThrow(/UNIQUE/);
      add('c');
    });
    expect(keys()).toEqual(['a', 'c']);
  });

  it('rolls everything back when the work throws', () => {
    const { main, insert, keys } = twoConnections();
    expect(() =>
      writeTransaction(main, () => {
        insert(main, 'a');
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(keys()).toEqual([]);
    expect(main.inTransaction).toBe(false);
  });
});

describe('read transactions', () => {
  it('see one snapshot and block no writer', () => {
    const { main, other, insert } = twoConnections();
    insert(main, 'a');
    const counts = readTransaction(main, () => {
      const count = () => main.prepare('SELECT count(*) FROM t').pluck().get() as number;
      const before = count();
      insert(other, 'b'); // commits at once: a reader holds no lock a writer needs
      return [before, count()];
    });
    expect(counts).toEqual([1, 1]);
    expect(main.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2);
  });

  it('refuse a write transaction inside them (it would be the upgrade that cannot wait)', () => {
    const { main, insert, keys } = twoConnections();
    expect(() => readTransaction(main, () => writeTransaction(main, () => insert(main, 'a')))).toThrow(/inside a read transaction/);
    expect(keys()).toEqual([]);
    // Inside a write transaction, a read transaction is just a savepoint.
    writeTransaction(main, () => readTransaction(main, () => insert(main, 'b')));
    expect(keys()).toEqual(['b']);
  });
});

describe('isDatabaseBusy', () => {
  it('knows a lock by its SQLite code, also wrapped (drizzle) or only as a message (from another thread)', () => {
    const { main, other, insert } = twoConnections();
    main.exec('BEGIN IMMEDIATE');
    let locked: unknown;
    try {
      insert(other, 'x');
    } catch (error) {
      locked = error;
    }
    main.exec('ROLLBACK');
    expect(sqliteCodeOf(locked)).toBe('SQLITE_BUSY');
    expect(isDatabaseBusy(locked)).toBe(true);
    expect(isDatabaseBusy(new Error('query failed', { cause: locked }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('database table is locked'), { code: 'SQLITE_LOCKED_SHAREDCACHE' }))).toBe(true);
    expect(isDatabaseBusy(new Error('database is locked'))).toBe(true);

    insert(main, 'dup');
    let constraint: unknown;
    try {
      insert(main, 'dup');
    } catch (error) {
      constraint = error;
    }
    expect(sqliteCodeOf(constraint)).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(isDatabaseBusy(constraint)).toBe(false);
    expect(isDatabaseBusy(new Error('the receiver is locked out'))).toBe(false);
  });
});
