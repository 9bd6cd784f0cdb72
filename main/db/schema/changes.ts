// The change log of cases and clients: written in the same transaction as the change it records, read later
// by the CRM push and webhooks (in order of `seq`), so nothing has to diff tables to find what changed.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CHANGE_ORIGINS } from '../../../shared/domain/workspace';
import { isoTime, jsonText } from './columns';

export { CHANGE_ORIGINS, type ChangeOrigin } from '../../../shared/domain/workspace';

export type FieldChanges = Record<string, { old: unknown; new: unknown }>;

export const recordChanges = sqliteTable(
  'record_changes',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entity: text('entity', { enum: ['case', 'client'] }).notNull(),
    entityId: text('entity_id').notNull(),
    /** The record's version after this change (1 = created). */
    version: integer('version').notNull(),
    kind: text('kind', { enum: ['created', 'updated', 'deleted'] }).notNull(),
    /** Field → { old, new }; for "created", old is null. */
    changes: jsonText<FieldChanges>('changes').notNull(),
    origin: text('origin', { enum: CHANGE_ORIGINS }).notNull(),
    at: isoTime('at').notNull(),
  },
  (t) => [index('record_changes_entity').on(t.entity, t.entityId, t.version)],
);
