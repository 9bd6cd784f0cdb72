// Remembered import mappings, one per import kind and file shape (table import_mappings). Stored by normalised
// header name, so a file whose headers differ only in case or spacing gets the mapping back.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ImportKind, ImportMapping } from '../../shared/contract/transfer';
import type { Clock, EventBus } from '../kernel';
import { announceChanged } from '../kernel';
import { fileShape, headerKeys } from './file-shape';

export interface MappingStore {
  /** The mapping saved for files shaped like `columns`, keyed by this file's column names. */
  remembered(kind: ImportKind, columns: readonly string[]): ImportMapping | undefined;
  save(kind: ImportKind, columns: readonly string[], mapping: ImportMapping): void;
}

const storedSchema = z.record(z.string(), z.string().nullable());

/** Reads and writes import_mappings; a save announces the table. */
export function createMappingStore(sqlite: Database.Database, clock: Clock, events: EventBus): MappingStore {
  const q = {
    get: sqlite.prepare('SELECT mapping FROM import_mappings WHERE kind = ? AND shape = ?'),
    put: sqlite.prepare(
      `INSERT INTO import_mappings (kind, shape, mapping, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, shape) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
    ),
  };
  return {
    remembered(kind, columns) {
      const row = q.get.get(kind, fileShape(columns)) as { mapping: string } | undefined;
      if (!row) return undefined;
      const stored = storedSchema.safeParse(JSON.parse(row.mapping));
      if (!stored.success) return undefined;
      const keys = headerKeys(columns);
      return Object.fromEntries(columns.map((column, i) => [column, Object.hasOwn(stored.data, keys[i]!) ? (stored.data[keys[i]!] ?? null) : null]));
    },
    save(kind, columns, mapping) {
      const keys = headerKeys(columns);
      const byKey = Object.fromEntries(columns.map((column, i) => [keys[i]!, Object.hasOwn(mapping, column) ? (mapping[column] ?? null) : null]));
      q.put.run(kind, fileShape(columns), JSON.stringify(byKey), clock.now().toISOString());
      announceChanged(events, ['import_mappings']);
    },
  };
}
