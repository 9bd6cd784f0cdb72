import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { testApi } from '../test-support/api';
import { useCleanup } from '../test-support/use-cleanup';
import { createCore } from '../core';
import { randomKeyBase64 } from '../test-support/temp-dir';
import { DatabaseOpenError } from './database-error';
import { defaultMigrationsFolder } from './migrations-folder';
import { openDatabase } from './open-database';

const cleanup = useCleanup();
const temp = () => cleanup.tempDir();

/** A migrations folder holding only the first `count` migrations: the schema an earlier release shipped. */
function earlierMigrations(count: number): string {
  const dir = join(temp(), 'migrations');
  cpSync(defaultMigrationsFolder(), dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

function expectRefusal(run: () => unknown, problem: DatabaseOpenError['problem']): DatabaseOpenError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).problem).toBe(problem);
    return error as DatabaseOpenError;
  }
  throw new Error(`expected the database to be refused as ${problem}`);
}

describe('openDatabase', () => {
  it('opens with WAL and foreign keys on, applying every migration', () => {
    const { sqlite, migrationsApplied } = openDatabase({ file: join(temp(), 'console.db'), migrationsFolder: defaultMigrationsFolder() });
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(migrationsApplied).toBeGreaterThanOrEqual(2);
    sqlite.close();
  });

  it('upgrades a database made by an earlier migration and keeps its rows', async () => {
    const dataDir = temp();
    const file = join(dataDir, 'console.db');
    const old = openDatabase({ file, migrationsFolder: earlierMigrations(1) });
    expect(old.migrationsApplied).toBe(1);
    old.sqlite.prepare(`INSERT INTO company (id, name, timezone) VALUES (1, 'Smith & Jones LLP', 'America/Denver')`).run();
    expect(old.sqlite.prepare('PRAGMA table_info(company)').all().map((c) => (c as { name: string }).name)).not.toContain('updated_at');
    old.sqlite.close();

    const core = createCore({ dataDir, env: { KAYSE_SECRETS_KEY: randomKeyBase64() } });
    try {
      expect(core.database.migrationsApplied).toBeGreaterThan(1);
      expect(await testApi(core).raw.company.get()).toEqual({
        ok: true,
        value: { name: 'Smith & Jones LLP', timezone: 'America/Denver', updatedAt: null },
      });
    } finally {
      await core.close();
    }
  });

  it('refuses a locked database with a clear error and changes nothing', () => {
    const file = join(temp(), 'console.db');
    openDatabase({ file, migrationsFolder: earlierMigrations(1) }).sqlite.close();
    const holder = new Database(file);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const error = expectRefusal(() => openDatabase({ file, migrationsFolder: defaultMigrationsFolder(), busyTimeoutMs: 100 }), 'locked');
      expect(error.message).toMatch(/locked by another program.*Nothing was changed/);
    } finally {
      holder.exec('ROLLBACK');
    }
    const count = holder.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(count.n).toBe(1);
    holder.close();
  });

  it('refuses a damaged file and leaves its bytes as they were', () => {
    const file = join(temp(), 'console.db');
    const garbage = Buffer.from('this is not an SQLite database, but it is somebody\'s file'.repeat(200));
    writeFileSync(file, garbage);
    const error = expectRefusal(() => openDatabase({ file, migrationsFolder: defaultMigrationsFolder() }), 'corrupt');
    expect(error.message).toMatch(/damaged or is not a console database.*Nothing was changed or deleted/);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses a database written by a newer version', () => {
    const file = join(temp(), 'console.db');
    const current = openDatabase({ file, migrationsFolder: defaultMigrationsFolder() });
    current.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', Date.now() + 10 ** 10);
    current.sqlite.close();
    const error = expectRefusal(() => openDatabase({ file, migrationsFolder: defaultMigrationsFolder() }), 'newer');
    expect(error.message).toMatch(/newer version of the console/);
  });

  it('makes the core refuse to start rather than reset', () => {
    const dataDir = temp();
    const file = join(dataDir, 'console.db');
    writeFileSync(file, 'not a database at all, not even close, really not'.repeat(100));
    expect(() => createCore({ dataDir, env: { KAYSE_SECRETS_KEY: randomKeyBase64() } })).toThrow(DatabaseOpenError);
    expect(readFileSync(file, 'utf8').startsWith('not a database')).toBe(true);
  });
});
