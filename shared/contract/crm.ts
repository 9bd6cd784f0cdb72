// CRM integrations through the contract (the Configuration tab): connect with credentials (keychain only), Test
// connection, the toggles, Disconnect, the catalog with its last failure, LawRuler's field sheets, and the secret of
// LawRuler's inbound status-change webhook. The sync engine and the mapping screens build on these.
import { z } from 'zod';
import { procedure } from '../rpc';
import {
  crmCatalogStateSchema,
  crmConnectInputSchema,
  crmConnectionViewSchema,
  crmInput,
  crmTestResultSchema,
  crmTogglesUpdateSchema,
  fieldSheetImportInputSchema,
  fieldSheetImportResultSchema,
  inboundWebhookSecretSchema,
  inboundWebhookViewSchema,
} from '../domain/crm';
import type { TableName } from '../domain/tables';

const connectionTables: TableName[] = ['crm_connections'];
const catalogTables: TableName[] = ['crm_catalogs', 'crm_catalog_failures', 'crm_field_sheets'];
const inboundTables: TableName[] = ['crm_inbound_secrets', 'crm_inbound_events', 'ingest'];

export const crmContract = {
  crm: {
    connection: procedure({ input: crmInput, output: crmConnectionViewSchema, reads: connectionTables, description: 'One CRM integration: state, settings without secrets, toggles, last test' }),
    connections: procedure({ input: z.undefined(), output: z.array(crmConnectionViewSchema), reads: connectionTables, description: 'Every CRM integration' }),
    connect: procedure({
      input: crmConnectInputSchema,
      output: crmTestResultSchema,
      reads: [],
      description: 'Tests the credentials; when signing in works, saves them (secrets to the keychain), connects and loads the catalog',
    }),
    testConnection: procedure({ input: crmInput, output: crmTestResultSchema, reads: [], description: 'Runs every check with the saved credentials' }),
    updateToggles: procedure({
      input: crmInput.extend({ toggles: crmTogglesUpdateSchema }),
      output: crmConnectionViewSchema,
      reads: [],
      description: 'Changes the toggles (Enable, Receive, Send and its parts, Sync case statuses, Send mapping)',
    }),
    disconnect: procedure({
      input: crmInput,
      output: crmConnectionViewSchema,
      reads: [],
      description: 'Deletes the credentials from the keychain; keeps mappings, catalog and history',
    }),
    catalog: procedure({ input: crmInput, output: crmCatalogStateSchema, reads: catalogTables, description: 'The last good catalog, when it loaded, and the last failure' }),
    refreshCatalog: procedure({ input: crmInput, output: crmCatalogStateSchema, reads: [], description: 'Loads the catalog from the CRM again; a failure is stored beside the last good one' }),
    importFieldSheet: procedure({
      input: fieldSheetImportInputSchema,
      output: fieldSheetImportResultSchema,
      reads: [],
      largeInput: true,
      description: "Takes LawRuler's field sheet for one case type as CSV, validated row by row",
    }),
    removeFieldSheet: procedure({
      input: z.strictObject({ crm: z.literal('lawruler'), caseTypeId: z.string().trim().min(1) }),
      output: crmCatalogStateSchema,
      reads: [],
      description: 'Removes an imported field sheet',
    }),
    inboundWebhook: procedure({
      input: z.strictObject({ crm: z.literal('lawruler', { error: 'crm: only LawRuler calls the console with a webhook' }) }),
      output: inboundWebhookViewSchema,
      reads: inboundTables,
      description: "Where the CRM's webhook goes (LawRuler's status changes) and whether its secret is set",
    }),
    rotateInboundSecret: procedure({
      input: z.strictObject({ crm: z.literal('lawruler', { error: 'crm: only LawRuler calls the console with a webhook' }) }),
      output: inboundWebhookSecretSchema,
      reads: [],
      description: 'Generates the shared secret of the inbound webhook and shows it once',
    }),
  },
};
