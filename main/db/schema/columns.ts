// Column helpers shared by the workspace tables.
import { integer, text } from 'drizzle-orm/sqlite-core';

/** ISO-8601 UTC timestamp text: sorts as time, reads as time in any SQLite tool. */
export const isoTime = (name: string) => text(name);

/** Rows created by demo mode carry this flag so that "wipe demo data" never touches real rows. */
export const demoFlag = () => integer('is_demo', { mode: 'boolean' }).notNull().default(false);

/** JSON stored as text, typed on the way out. */
export const jsonText = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
