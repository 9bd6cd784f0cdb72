// The local copy of the Kayse workspace: case types (with their statuses and custom fields), campaigns,
// agents, clients and cases.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { OptOutChannel } from '../../../shared/domain/workspace';
import { demoFlag, isoTime, jsonText } from './columns';

export const caseTypes = sqliteTable('case_types', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdAt: isoTime('created_at').notNull(),
  isDemo: demoFlag(),
});

/** A case type's statuses, in the order its pipeline runs. */
export const caseStatuses = sqliteTable(
  'case_statuses',
  {
    id: text('id').primaryKey(),
    caseTypeId: text('case_type_id')
      .notNull()
      .references(() => caseTypes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('case_statuses_type_name').on(t.caseTypeId, t.name)],
);

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'yes_no', 'single_select', 'multi_select'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const customFields = sqliteTable(
  'custom_fields',
  {
    id: text('id').primaryKey(),
    caseTypeId: text('case_type_id')
      .notNull()
      .references(() => caseTypes.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type', { enum: CUSTOM_FIELD_TYPES }).notNull(),
    /** The allowed values of select fields; empty for other types. */
    options: jsonText<string[]>('options').notNull().default(sql`'[]'`),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('custom_fields_type_key').on(t.caseTypeId, t.key)],
);

export const campaigns = sqliteTable('campaigns', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  caseTypeId: text('case_type_id').references(() => caseTypes.id, { onDelete: 'set null' }),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: isoTime('created_at').notNull(),
  isDemo: demoFlag(),
});

export const agents = sqliteTable('agents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  campaignId: text('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
  appointmentBooking: integer('appointment_booking', { mode: 'boolean' }).notNull().default(false),
  /** The Cal.com event type the agent books into (the number at the end of its editor URL). */
  eventTypeId: integer('event_type_id'),
  createdAt: isoTime('created_at').notNull(),
  isDemo: demoFlag(),
});

export { OPT_OUT_CHANNELS, type OptOutChannel } from '../../../shared/domain/workspace';

export const clients = sqliteTable(
  'clients',
  {
    id: text('id').primaryKey(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    phones: jsonText<string[]>('phones').notNull().default(sql`'[]'`),
    emails: jsonText<string[]>('emails').notNull().default(sql`'[]'`),
    optOuts: jsonText<OptOutChannel[]>('opt_outs').notNull().default(sql`'[]'`),
    externalSource: text('external_source'),
    externalId: text('external_id'),
    version: integer('version').notNull().default(1),
    createdAt: isoTime('created_at').notNull(),
    updatedAt: isoTime('updated_at').notNull(),
    isDemo: demoFlag(),
  },
  (t) => [
    uniqueIndex('clients_external').on(t.externalSource, t.externalId),
    index('clients_name').on(t.lastName, t.firstName),
    index('clients_updated').on(t.updatedAt),
    index('clients_demo').on(t.isDemo).where(sql`${t.isDemo} = 1`),
  ],
);

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    caseNumber: text('case_number').notNull().unique(),
    name: text('name').notNull(),
    caseTypeId: text('case_type_id')
      .notNull()
      .references(() => caseTypes.id),
    statusId: text('status_id')
      .notNull()
      .references(() => caseStatuses.id),
    campaignId: text('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    /** Custom field values by field key. */
    customValues: jsonText<Record<string, unknown>>('custom_values').notNull().default(sql`'{}'`),
    externalSource: text('external_source'),
    externalId: text('external_id'),
    version: integer('version').notNull().default(1),
    createdAt: isoTime('created_at').notNull(),
    updatedAt: isoTime('updated_at').notNull(),
    isDemo: demoFlag(),
  },
  (t) => [
    uniqueIndex('cases_external').on(t.externalSource, t.externalId),
    // The cases list filters by type + status or campaign and pages newest first: these serve it from the index.
    index('cases_type_status').on(t.caseTypeId, t.statusId, t.updatedAt),
    index('cases_campaign').on(t.campaignId, t.updatedAt),
    index('cases_updated').on(t.updatedAt),
    index('cases_name').on(t.name),
    index('cases_demo').on(t.isDemo).where(sql`${t.isDemo} = 1`),
    check('cases_version_positive', sql`${t.version} >= 1`),
  ],
);

/** A case's clients; the primary one first. */
export const caseClients = sqliteTable(
  'case_clients',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    primary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.clientId] }), index('case_clients_client').on(t.clientId)],
);

/** What a CSV file's columns mean, remembered per file shape (its header row) so a re-import maps itself. */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    kind: text('kind', { enum: ['cases', 'clients'] }).notNull(),
    shape: text('shape').notNull(),
    mapping: jsonText<Record<string, string | null>>('mapping').notNull(),
    updatedAt: isoTime('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.shape] })],
);
