// CRM integrations: one connection per CRM (what was entered, without secrets: those live in the keychain under
// the account names kept here), its toggles and last test; the last good catalog and, beside it, the last failed
// load; LawRuler's imported field sheets; the inbound webhook's secret (a hash) and the webhook calls accepted,
// stored before they are answered, for the sync engine.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CRM_CONNECTOR_IDS } from '../../../shared/domain/connectors';
import { isoTime, jsonText } from './columns';

const crmIds = CRM_CONNECTOR_IDS.map((id) => `'${id}'`).join(', ');

export const crmConnections = sqliteTable(
  'crm_connections',
  {
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).primaryKey(),
    /** Non-secret settings as entered and checked: username, clientRoot / endpointUrl, apiBaseUrl, extraCaPem. */
    settings: jsonText<Record<string, string>>('settings').notNull(),
    /** Keychain account of each saved secret field (`crm.lawruler.password` …); empty once disconnected. */
    secretRefs: jsonText<Record<string, string>>('secret_refs').notNull(),
    /** Connected to a simulator started by demo mode (its credentials are kept in memory only). */
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    connectedAs: text('connected_as'),
    connectedAt: isoTime('connected_at'),
    /** CrmToggles (shared/domain/crm.ts). */
    toggles: jsonText<Record<string, boolean>>('toggles').notNull(),
    normalisedNotice: text('normalised_notice'),
    errorKind: text('error_kind'),
    errorMessage: text('error_message'),
    errorSince: isoTime('error_since'),
    lastTestAt: isoTime('last_test_at'),
    lastTestChecks: jsonText<unknown[]>('last_test_checks'),
    updatedAt: isoTime('updated_at').notNull(),
  },
  (t) => [check('crm_connections_crm', sql.raw(`${t.crm.name} in (${crmIds})`))],
);

/** The last catalog that loaded, per CRM. */
export const crmCatalogs = sqliteTable('crm_catalogs', {
  crm: text('crm', { enum: CRM_CONNECTOR_IDS }).primaryKey(),
  catalog: jsonText<unknown>('catalog').notNull(),
  loadedAt: isoTime('loaded_at').notNull(),
});

/** The last failed catalog load, per CRM; deleted by the next good one. */
export const crmCatalogFailures = sqliteTable('crm_catalog_failures', {
  crm: text('crm', { enum: CRM_CONNECTOR_IDS }).primaryKey(),
  at: isoTime('at').notNull(),
  /** Which part failed ("fields of case type Auto Accident", "statuses" …). */
  part: text('part').notNull(),
  kind: text('kind').notNull(),
  message: text('message').notNull(),
  /** The CRM's own answer, shortened. */
  crmAnswer: text('crm_answer'),
  /** What the user can do about it, decided when it failed (from the kind of failure and the part). */
  fix: text('fix').notNull(),
});

/** LawRuler's field sheet per case type, imported from CSV. */
export const crmFieldSheets = sqliteTable(
  'crm_field_sheets',
  {
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    caseTypeId: text('case_type_id').notNull(),
    caseTypeName: text('case_type_name').notNull(),
    /** CrmField[] and CrmStatus[] as parsed. */
    fields: jsonText<unknown[]>('fields').notNull(),
    statuses: jsonText<unknown[]>('statuses').notNull(),
    importedAt: isoTime('imported_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.crm, t.caseTypeId] })],
);

/** The shared secret the CRM's webhook sends in a header: only its SHA-256 is kept. */
export const crmInboundSecrets = sqliteTable('crm_inbound_secrets', {
  crm: text('crm', { enum: CRM_CONNECTOR_IDS }).primaryKey(),
  headerName: text('header_name').notNull(),
  hash: text('hash').notNull(),
  createdAt: isoTime('created_at').notNull(),
});

/** Webhook calls from a CRM, stored before the 200, read by the sync engine (processed_at set once applied). */
export const crmInboundEvents = sqliteTable(
  'crm_inbound_events',
  {
    id: text('id').primaryKey(),
    crm: text('crm', { enum: CRM_CONNECTOR_IDS }).notNull(),
    receivedAt: isoTime('received_at').notNull(),
    /** The CRM record it is about (LawRuler Lead ID). */
    recordId: text('record_id').notNull(),
    /** What was read from the call, in our words (LawRulerStatusChange). */
    payload: jsonText<unknown>('payload').notNull(),
    processedAt: isoTime('processed_at'),
  },
  (t) => [index('crm_inbound_events_pending').on(t.crm, t.processedAt, t.receivedAt)],
);
