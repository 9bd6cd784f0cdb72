// Opens the console's SQLite file: WAL, foreign keys on, migrations applied; refuses (never resets) a
// database that is locked, damaged, or written by a newer version.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema';
import { DatabaseOpenError, explainOpenFailure } from './database-error';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDatabaseOptions {
  file: string;
  migrationsFolder: string;
  /** How long a write waits for another connection's lock before failing as "locked". */
  busyTimeoutMs?: number;
}

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Db;
  migrationsApplied: number;
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

export function openDatabase({ file, migrationsFolder, busyTimeoutMs = 5000 }: OpenDatabaseOptions): OpenedDatabase {
  mkdirSync(dirname(file), { recursive: true });
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { timeout: busyTimeoutMs });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    const known = readMigrationFiles({ migrationsFolder });
    refuseNewerSchema(sqlite, file, known.map((m) => m.folderMillis));
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
    const migrationsApplied = (sqlite.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get() as { n: number }).n;
    return { sqlite, db, migrationsApplied };
  } catch (error) {
    sqlite?.close();
    throw error instanceof DatabaseOpenError ? error : explainOpenFailure(file, error);
  }
}

function refuseNewerSchema(sqlite: Database.Database, file: string, knownMillis: number[]): void {
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATIONS_TABLE);
  if (!hasTable) return;
  const applied = sqlite.prepare(`SELECT created_at AS at FROM ${MIGRATIONS_TABLE}`).all() as { at: number }[];
  const newest = Math.max(0, ...knownMillis);
  const unknown = applied.filter((m) => Number(m.at) > newest).length;
  if (unknown > 0) {
    throw new DatabaseOpenError(
      'newer',
      file,
      `The database ${file} was written by a newer version of the console (${applied.length} schema changes; this version knows ${knownMillis.length}). ` +
        'Install the newer version, or start this one with another data folder. Nothing was changed.',
    );
  }
}
