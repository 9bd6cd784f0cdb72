// A CRM integration as the Configuration tab sees it: what firm IT enters (secrets go to the keychain only and are
// never sent back: the view says which are saved), the result of "Test connection", the toggles the sync engine
// obeys, and the CRM's catalog (case types, fields, statuses, substatus types) with the last failure beside the last
// good load. The connectors' own types (main/connectors/crm/types.ts) are the same shapes on the core side.
import { z } from 'zod';
import { crmConnectorIdSchema } from './connectors';

export const crmInput = z.strictObject({ crm: crmConnectorIdSchema });

const text = (name: string, max = 200) =>
  z.string({ error: `${name} is text` }).trim().max(max, `${name} is at most ${max} characters`);
/**
 * A secret field: absent or empty keeps the saved value (the form never shows secrets back). Not trimmed: a
 * password may begin or end with a space, and must reach the CRM as typed.
 */
const secret = (name: string) => z.string({ error: `${name} is text` }).max(4096, `${name} is at most 4096 characters`).optional();

/**
 * "Advanced: extra trusted CA certificates" (PEM). Absent keeps the saved ones (the form does not show them back);
 * empty removes them.
 */
const extraCaPem = () => z.string().max(100_000, 'extraCaPem is at most 100,000 characters').optional();

/** LawRuler: Username, Password, Client Root (the firm's subdomain), Client Secret, Key (external-apis.md). */
export const lawRulerConnectInputSchema = z.strictObject({
  crm: z.literal('lawruler'),
  username: text('username').min(1, 'username is required: the LawRuler user the console signs in as'),
  password: secret('password'),
  /** Checked in the core (one DNS label; a pasted portal address is reduced to it). */
  clientRoot: text('clientRoot', 300).min(1, 'clientRoot is required: the part before .lawruler.com, e.g. "smithlaw"'),
  clientSecret: secret('clientSecret'),
  key: secret('key'),
  /** "Advanced: API base URL": HTTPS, or http on this machine only (simulators). Empty = the portal's address. */
  apiBaseUrl: text('apiBaseUrl', 500).optional(),
  /** PEM certificates of the firm's own CA, for a firewall or proxy that inspects HTTPS and signs with it. */
  extraCaPem: extraCaPem(),
});

/** SmartAdvocate: the Endpoint URL (host only; a pasted path is stripped and the view says so), Username, Password. */
export const smartAdvocateConnectInputSchema = z.strictObject({
  crm: z.literal('smartadvocate'),
  endpointUrl: text('endpointUrl', 500).min(1, 'endpointUrl is required: the address of your SmartAdvocate server, e.g. https://sa.smithlaw.com'),
  username: text('username').min(1, 'username is required: the SmartAdvocate user the console signs in as'),
  password: secret('password'),
  apiBaseUrl: text('apiBaseUrl', 500).optional(),
  /** PEM certificates of the firm's own CA, for a self-hosted server whose certificate only that CA signs. */
  extraCaPem: extraCaPem(),
});

export const crmConnectInputSchema = z.discriminatedUnion('crm', [lawRulerConnectInputSchema, smartAdvocateConnectInputSchema]);
export type CrmConnectInput = z.infer<typeof crmConnectInputSchema>;

export const crmCheckSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  fix: z.string().optional(),
});
export type CrmCheckView = z.infer<typeof crmCheckSchema>;

export const CRM_CONNECTION_STATES = ['not_connected', 'connected', 'error', 'paused'] as const;
export const crmConnectionStateSchema = z.enum(CRM_CONNECTION_STATES);

/** The toggles of sync.md "Settings", kept per integration; the sync engine obeys them. */
export const crmTogglesSchema = z.object({
  enabled: z.boolean(),
  receive: z.boolean(),
  send: z.boolean(),
  sendFields: z.boolean(),
  sendMessages: z.boolean(),
  sendCallRecords: z.boolean(),
  syncStatuses: z.boolean(),
  sendMapping: z.boolean(),
});
export type CrmToggles = z.infer<typeof crmTogglesSchema>;
export const crmTogglesUpdateSchema = crmTogglesSchema.partial().strict();

/** A new connection: enabled, both directions and mapped fields on; statuses off (LawRuler's advice: turn them on last). */
export const DEFAULT_CRM_TOGGLES: CrmToggles = {
  enabled: true,
  receive: true,
  send: true,
  sendFields: true,
  sendMessages: true,
  sendCallRecords: true,
  syncStatuses: false,
  sendMapping: true,
};

export const crmConnectionViewSchema = z.object({
  crm: crmConnectorIdSchema,
  state: crmConnectionStateSchema,
  /** Connected to a simulator started by demo mode. */
  demo: z.boolean(),
  /** Who the CRM said we are signed in as. */
  connectedAs: z.string().nullable(),
  connectedAt: z.string().nullable(),
  /** What was entered, without secrets: username, clientRoot / endpointUrl, apiBaseUrl, whether a CA is set. */
  settings: z.record(z.string(), z.string()),
  /** Secret fields saved in the keychain (shown as "saved"). */
  savedSecrets: z.array(z.string()),
  /** Set when the core rewrote what was entered (a path stripped from the endpoint, a portal address reduced). */
  normalisedNotice: z.string().nullable(),
  /** What is wrong and since when (credentials refused, CRM unreachable), for the Error state. */
  error: z.object({ kind: z.string(), message: z.string(), since: z.string() }).nullable(),
  lastTest: z.object({ at: z.string(), checks: z.array(crmCheckSchema) }).nullable(),
  toggles: crmTogglesSchema,
});
export type CrmConnectionView = z.infer<typeof crmConnectionViewSchema>;

/** What Connect / Test connection answers: every check, and the connection as it stands after. */
export const crmTestResultSchema = z.object({
  ok: z.boolean(),
  checks: z.array(crmCheckSchema),
  connection: crmConnectionViewSchema,
});
export type CrmTestResult = z.infer<typeof crmTestResultSchema>;

export const CRM_FIELD_TYPES = ['text', 'number', 'date', 'yes_no', 'single_select', 'multi_select'] as const;
export const crmFieldTypeSchema = z.enum(CRM_FIELD_TYPES);

export const crmCatalogSchema = z.object({
  caseTypes: z.array(z.object({ id: z.string(), name: z.string() })),
  fields: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      shortName: z.string().nullable(),
      type: crmFieldTypeSchema,
      options: z.array(z.string()),
      caseTypeIds: z.array(z.string()).nullable(),
    }),
  ),
  statuses: z.array(z.object({ id: z.string(), name: z.string(), caseTypeId: z.string().nullable() })),
  substatusTypes: z.array(z.object({ id: z.string(), name: z.string(), statuses: z.array(z.object({ id: z.string(), name: z.string() })) })),
});
export type CrmCatalogView = z.infer<typeof crmCatalogSchema>;

/** A field sheet imported for one LawRuler case type (LawRuler publishes no field listing). */
export const crmFieldSheetSchema = z.object({
  caseTypeId: z.string(),
  caseTypeName: z.string(),
  importedAt: z.string(),
  fields: z.number().int(),
  statuses: z.number().int(),
});

export const crmCatalogStateSchema = z.object({
  crm: crmConnectorIdSchema,
  /** The last catalog that loaded (from the CRM, merged with imported field sheets), or null if none ever did. */
  catalog: crmCatalogSchema.nullable(),
  loadedAt: z.string().nullable(),
  /** The last failed load, kept beside the last good catalog until a load succeeds. */
  failure: z
    .object({ at: z.string(), part: z.string(), kind: z.string(), message: z.string(), crmAnswer: z.string().nullable(), fix: z.string() })
    .nullable(),
  fieldSheets: z.array(crmFieldSheetSchema),
});
export type CrmCatalogState = z.infer<typeof crmCatalogStateSchema>;

export const fieldSheetImportInputSchema = z.strictObject({
  crm: z.literal('lawruler'),
  caseTypeId: text('caseTypeId', 64).min(1, 'caseTypeId is required: the LawRuler case type the sheet describes'),
  caseTypeName: text('caseTypeName').min(1, 'caseTypeName is required'),
  /** The CSV text: custom field id, friendly name, type, valid options; rows of statuses with their ids. */
  csv: z.string().max(5_000_000, 'the field sheet is at most 5 MB'),
});

export const fieldSheetRowIssueSchema = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
export const fieldSheetImportResultSchema = z.object({
  /** False when any row was refused: nothing was stored then. */
  ok: z.boolean(),
  fields: z.number().int(),
  statuses: z.number().int(),
  issues: z.array(fieldSheetRowIssueSchema),
  state: crmCatalogStateSchema,
});

/** LawRuler's status-change webhook into the ingest server: where it goes and which header carries the secret. */
export const inboundWebhookViewSchema = z.object({
  crm: crmConnectorIdSchema,
  /** The URL to enter in LawRuler (Setup → Webhooks); null while the ingest server is off. */
  url: z.string().nullable(),
  headerName: z.string(),
  /** True once a secret was generated (only its hash is stored). */
  configured: z.boolean(),
  secretCreatedAt: z.string().nullable(),
  received: z.number().int(),
  lastReceivedAt: z.string().nullable(),
  /** The steps in LawRuler, in order. */
  steps: z.array(z.string()),
});
export type InboundWebhookView = z.infer<typeof inboundWebhookViewSchema>;

export const inboundWebhookSecretSchema = inboundWebhookViewSchema.extend({
  /** Shown once: the header's value. */
  secret: z.string(),
});
