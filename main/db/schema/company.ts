import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The firm using the console: a single row (id = 1). */
export const company = sqliteTable(
  'company',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull().default(''),
    timezone: text('timezone').notNull(),
    /** ISO-8601 time of the last edit; null until the company is first saved. */
    updatedAt: text('updated_at'),
  },
  (t) => [check('company_singleton', sql`${t.id} = 1`)],
);
