// The table names the contract uses (shared/domain/tables.ts) are the drizzle schema's: shared/ can't import the
// schema, so this keeps the two lists from drifting apart.
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { DATABASE_TABLES, OTHER_CHANGE_TOPICS, TABLE_NAMES } from '../../shared/domain/tables';
import * as schema from './schema';

const schemaTables = Object.values(schema)
  .filter((value) => is(value, SQLiteTable))
  .map((table) => getTableName(table));

describe('table names', () => {
  it('DATABASE_TABLES lists exactly the tables of the drizzle schema', () => {
    expect([...DATABASE_TABLES].sort()).toEqual([...schemaTables].sort());
    expect(new Set(DATABASE_TABLES).size).toBe(DATABASE_TABLES.length);
  });

  it('TABLE_NAMES are those tables plus the other change topics, none of which is a table', () => {
    expect([...TABLE_NAMES].sort()).toEqual([...schemaTables, ...OTHER_CHANGE_TOPICS].sort());
    for (const topic of OTHER_CHANGE_TOPICS) expect(schemaTables).not.toContain(topic);
  });
});
