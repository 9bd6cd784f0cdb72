// The workspace records as they cross the contract: case types (statuses, custom fields), campaigns, agents,
// clients and cases, plus the inputs that create or change them.
import { z } from 'zod';
import { CRM_CONNECTOR_IDS } from './connectors';

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'yes_no', 'single_select', 'multi_select'] as const;
export const customFieldTypeSchema = z.enum(CUSTOM_FIELD_TYPES);
export type CustomFieldType = z.infer<typeof customFieldTypeSchema>;

/** Where a record change came from: the ingest API, an import, the console, a CRM's sync, or demo mode. */
export const CHANGE_ORIGINS = ['ingest', 'import', 'console', ...CRM_CONNECTOR_IDS, 'demo'] as const;
export const changeOriginSchema = z.enum(CHANGE_ORIGINS);
export type ChangeOrigin = z.infer<typeof changeOriginSchema>;

export const OPT_OUT_CHANNELS = ['call', 'sms', 'email'] as const;
export const optOutChannelSchema = z.enum(OPT_OUT_CHANNELS);
export type OptOutChannel = z.infer<typeof optOutChannelSchema>;

/**
 * The fields of a record whose stored value could not be read (a damaged database cell): they are shown empty,
 * marked so that the screen can say so instead of showing nothing. Absent when every field was read.
 */
const unreadable = <const T extends readonly [string, ...string[]]>(fields: T) => z.array(z.enum(fields)).optional();

const name = (what: string) => z.string().trim().min(1, `${what} is required`).max(200, `${what} is at most 200 characters`);

export const caseStatusSchema = z.object({ id: z.string(), name: z.string(), position: z.number().int() });
export const customFieldSchema = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  type: customFieldTypeSchema,
  options: z.array(z.string()),
  position: z.number().int(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const caseTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  statuses: z.array(caseStatusSchema),
  fields: z.array(customFieldSchema),
  isDemo: z.boolean(),
});
export type CaseType = z.infer<typeof caseTypeSchema>;

export const customFieldInputSchema = z
  .strictObject({
    key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,63}$/, 'Use lower-case letters, digits and _ (e.g. accident_date)'),
    label: name('Label'),
    type: customFieldTypeSchema,
    options: z.array(z.string().trim().min(1)).default([]),
  })
  .refine((f) => !f.type.endsWith('_select') || f.options.length > 0, { message: 'Select fields need at least one option', path: ['options'] });

export const caseTypeInputSchema = z.strictObject({
  name: name('Case type name'),
  statuses: z
    .array(name('Status name'))
    .min(1, 'A case type needs at least one status')
    .refine((s) => new Set(s.map((x) => x.toLowerCase())).size === s.length, 'Status names must be unique'),
  fields: z
    .array(customFieldInputSchema)
    .default([])
    .refine((f) => new Set(f.map((x) => x.key)).size === f.length, 'Field keys must be unique'),
});
export type CaseTypeInput = z.input<typeof caseTypeInputSchema>;

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  caseTypeId: z.string().nullable(),
  active: z.boolean(),
  isDemo: z.boolean(),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignInputSchema = z.strictObject({
  name: name('Campaign name'),
  caseTypeId: z.string().nullable().default(null),
  active: z.boolean().default(true),
});

export const agentSchema = z.object({
  id: z.string(),
  name: z.string(),
  campaignId: z.string().nullable(),
  appointmentBooking: z.boolean(),
  eventTypeId: z.number().int().nullable(),
  isDemo: z.boolean(),
});
export type Agent = z.infer<typeof agentSchema>;
export const agentInputSchema = z.strictObject({
  name: name('Agent name'),
  campaignId: z.string().nullable().default(null),
  appointmentBooking: z.boolean().default(false),
  eventTypeId: z.number().int().positive('Event type ID is the number at the end of the event type URL').nullable().default(null),
});

export const clientSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  optOuts: z.array(optOutChannelSchema),
  externalSource: z.string().nullable(),
  externalId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  isDemo: z.boolean(),
  unreadable: unreadable(['phones', 'emails', 'optOuts']),
});
export type Client = z.infer<typeof clientSchema>;

const externalRef = {
  externalSource: z.string().trim().min(1).max(64).optional(),
  externalId: z.string().trim().min(1).max(128).optional(),
};

/** A client as the platform, an import or a CRM describes it; matched by external source + id when given. */
export const clientUpsertSchema = z.strictObject({
  ...externalRef,
  firstName: name('First name'),
  lastName: z.string().trim().max(200).default(''),
  phones: z.array(z.string().trim().min(3, 'Phone number is too short').max(32)).default([]),
  emails: z.array(z.email('Not an email address')).default([]),
  optOuts: z.array(optOutChannelSchema).default([]),
});
export type ClientUpsert = z.input<typeof clientUpsertSchema>;

export const caseSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  name: z.string(),
  caseTypeId: z.string(),
  caseType: z.string(),
  statusId: z.string(),
  status: z.string(),
  campaignId: z.string().nullable(),
  clientIds: z.array(z.string()),
  customValues: z.record(z.string(), z.unknown()),
  externalSource: z.string().nullable(),
  externalId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  isDemo: z.boolean(),
  unreadable: unreadable(['customValues']),
});
export type Case = z.infer<typeof caseSchema>;

/**
 * A case as the platform, an import or a CRM describes it: case type and status by name (validated against the
 * workspace), clients by external reference or id. Matched by external source + id, else by case number.
 */
export const caseUpsertSchema = z.strictObject({
  ...externalRef,
  caseNumber: z.string().trim().min(1).max(64).optional(),
  name: name('Case name'),
  caseType: name('Case type'),
  status: name('Status'),
  campaignId: z.string().nullable().optional(),
  clientIds: z.array(z.string()).optional(),
  clients: z.array(z.strictObject({ externalSource: z.string().min(1), externalId: z.string().min(1) })).optional(),
  customValues: z.record(z.string(), z.unknown()).default({}),
});
export type CaseUpsert = z.input<typeof caseUpsertSchema>;

export const recordChangeSchema = z.object({
  seq: z.number().int(),
  entity: z.enum(['case', 'client']),
  entityId: z.string(),
  version: z.number().int(),
  kind: z.enum(['created', 'updated', 'deleted']),
  changes: z.record(z.string(), z.object({ old: z.unknown(), new: z.unknown() })),
  origin: changeOriginSchema,
  at: z.string(),
  unreadable: unreadable(['changes']),
});
export type RecordChange = z.infer<typeof recordChangeSchema>;

/** What an upsert did: the import dry run and the ingest API report these. */
export const upsertOutcomeSchema = z.enum(['created', 'updated', 'unchanged']);
export type UpsertOutcome = z.infer<typeof upsertOutcomeSchema>;
