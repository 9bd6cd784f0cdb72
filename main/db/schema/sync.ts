// What the sync engine stands on: the field mappings of each CRM integration (a default set, scope '', and
// overrides per CRM case type, scope = its id), the status mappings per Kayse case type, and the sync settings
// beside the toggles in crm_connections. Names of CRM fields and statuses are kept as they were when saved, so a
// mapping whose field is gone from the catalog can still be shown by name, marked missing.
import { sql } from 'drizzle-orm';
import { check, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CRM_CONNECTOR_IDS } from '../../../shared/domain/connectors';
import { CONFLICT_RULES, SYNC_DIRECTIONS } from '../../../shared/domain/sync-settings';
import { MAPPING_DIRECTIONS } from '../../../shared/domain/sync';
import { isoTime, jsonText } from './columns';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const syncFieldMappings = sqliteTable(
  'sync_field_mappings',
  {
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    /** '' for the default set, else the CRM case type whose overrides these are. */
    scope: text('scope').notNull(),
    /** case.name, client.email, custom.<kayse case type id>.<field key> … (shared/domain/sync.ts). */
    kayseField: text('kayse_field').notNull(),
    crmFieldId: text('crm_field_id').notNull(),
    /** The CRM field's name when saved. */
    crmFieldName: text('crm_field_name').notNull(),
    direction: text('direction', { enum: MAPPING_DIRECTIONS }).notNull(),
    position: integer('position').notNull(),
    savedAt: isoTime('saved_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.crm, t.scope, t.kayseField, t.crmFieldId] }),
    check('sync_field_mappings_direction', sql.raw(`${t.direction.name} in (${list(MAPPING_DIRECTIONS)})`)),
  ],
);

export const syncStatusMappings = sqliteTable(
  'sync_status_mappings',
  {
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    kayseCaseTypeId: text('kayse_case_type_id').notNull(),
    kayseStatusId: text('kayse_status_id').notNull(),
    crmStatusId: text('crm_status_id').notNull(),
    crmStatusName: text('crm_status_name').notNull(),
    /** SmartAdvocate: the secondary status type and its status set with the main one; null elsewhere. */
    substatusTypeId: text('substatus_type_id'),
    substatusTypeName: text('substatus_type_name'),
    substatusId: text('substatus_id'),
    substatusName: text('substatus_name'),
    /** Among Kayse statuses mapped to the same CRM status: the one that CRM status sets in Kayse. */
    reverseChoice: integer('reverse_choice', { mode: 'boolean' }).notNull().default(false),
    position: integer('position').notNull(),
    savedAt: isoTime('saved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.crm, t.kayseCaseTypeId, t.kayseStatusId] })],
);

export const syncSettings = sqliteTable(
  'sync_settings',
  {
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).primaryKey(),
    direction: text('direction', { enum: SYNC_DIRECTIONS }).notNull(),
    frequency: text('frequency', { enum: ['real_time', 'hourly', 'daily'] }).notNull(),
    /** HH:MM in the company's timezone when frequency is daily. */
    dailyAt: text('daily_at'),
    conflictRule: text('conflict_rule', { enum: CONFLICT_RULES }).notNull(),
    emptyOverwritesFilled: integer('empty_overwrites_filled', { mode: 'boolean' }).notNull().default(false),
    recordKinds: jsonText<string[]>('record_kinds').notNull(),
    caseTypeIds: jsonText<string[]>('case_type_ids').notNull(),
    statusIds: jsonText<string[]>('status_ids').notNull(),
    updatedAt: isoTime('updated_at').notNull(),
    /** Requests per second the CRM allows, as its vendor told the firm; null: unknown (the CRM's default). */
    rateLimitPerSecond: integer('rate_limit_per_second'),
  },
  (t) => [
    check('sync_settings_direction', sql.raw(`${t.direction.name} in (${list(SYNC_DIRECTIONS)})`)),
    check('sync_settings_frequency', sql.raw(`${t.frequency.name} in ('real_time', 'hourly', 'daily') and (${t.frequency.name} <> 'daily' or ${t.dailyAt.name} is not null)`)),
    check('sync_settings_conflict_rule', sql.raw(`${t.conflictRule.name} in (${list(CONFLICT_RULES)})`)),
  ],
);
