// Write transactions hold `tables.changed` announcements until the outermost COMMIT and drop them on rollback.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import type { TableName } from '../../shared/domain/tables';
import { announceChanged, createEventBus } from '../kernel';
import { defineWriteTransaction, writeTransaction } from './transactions';

const cleanup = useCleanup();

function start() {
  const sqlite = cleanup.use(new Database(join(cleanup.tempDir(), 'console.db')));
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
  const events = createEventBus();
  /** What each announcement named, and whether its rows were committed when it went out. */
  const seen: { tables: TableName[]; inTransaction: boolean; rows: number }[] = [];
  events.on('tables.changed', ({ tables }) =>
    seen.push({ tables, inTransaction: sqlite.inTransaction, rows: sqlite.prepare('SELECT count(*) FROM t').pluck().get() as number }),
  );
  const insert = (k: string) => {
    sqlite.prepare('INSERT INTO t (k) VALUES (?)').run(k);
    announceChanged(events, ['cases']);
  };
  return { sqlite, events, seen, insert };
}

describe('write transactions and tables.changed', () => {
  it('announce once, after the commit, however many writes announced inside', () => {
    const { sqlite, seen, insert, events } = start();
    writeTransaction(sqlite, () => {
      insert('a');
      insert('b');
      announceChanged(events, ['record_changes']);
    });
    expect(seen).toEqual([{ tables: ['cases', 'record_changes'], inTransaction: false, rows: 2 }]);
  });

  it('announce nothing when the transaction rolls back', () => {
    const { sqlite, seen, insert } = start();
    const write = defineWriteTransaction(sqlite, (k: string) => {
      insert(k);
      insert(k); // primary key: throws, the transaction rolls back
    });
    expect(() => write('a')).toThrow(/UNIQUE/);
    expect(seen).toEqual([]);
  });

  it('keep a nested transaction’s announcements for the outer commit, dropping a rolled-back savepoint’s', () => {
    const { sqlite, seen, insert, events } = start();
    writeTransaction(sqlite, () => {
      insert('a');
      writeTransaction(sqlite, () => announceChanged(events, ['clients']));
      expect(seen).toEqual([]);
      try {
        writeTransaction(sqlite, () => {
          announceChanged(events, ['webhooks']);
          insert('a');
        });
      } catch {
        // the savepoint rolled back; the outer transaction goes on
      }
    });
    expect(seen).toEqual([{ tables: ['cases', 'clients'], inTransaction: false, rows: 1 }]);
  });
});
