// What the sync engine stands on, as it crosses the contract: field mappings (a default set and overrides per CRM
// case type), status mappings per Kayse case type (with SmartAdvocate substatuses and the reverse direction), and
// the sync settings of each integration beside its toggles (shared/domain/crm.ts). The rules are in main/sync/.
import { z } from 'zod';
import { crmConnectorIdSchema } from './connectors';

export const syncCrmInput = z.strictObject({ crm: crmConnectorIdSchema });

/**
 * A Kayse field as a mapping names it: `case.name`, `case.type`, `case.status`, `client.first_name`,
 * `client.last_name`, `client.full_name`, `client.phone`, `client.email`, or `custom.<kayseCaseTypeId>.<fieldKey>`
 * for a custom field of a Kayse case type.
 */
export const KAYSE_BUILT_IN_FIELDS = [
  'case.name',
  'case.type',
  'case.status',
  'client.first_name',
  'client.last_name',
  'client.full_name',
  'client.phone',
  'client.email',
] as const;
export type KayseBuiltInField = (typeof KAYSE_BUILT_IN_FIELDS)[number];
export const CUSTOM_FIELD_KEY = /^custom\.([^.\s]+)\.([a-z][a-z0-9_]{0,63})$/;
export const kayseFieldKeySchema = z
  .string({ error: 'kayseField is text' })
  .trim()
  .refine((key) => (KAYSE_BUILT_IN_FIELDS as readonly string[]).includes(key) || CUSTOM_FIELD_KEY.test(key), {
    message: `kayseField is one of ${KAYSE_BUILT_IN_FIELDS.join(', ')}, or custom.<case type id>.<field key>`,
  });

/**
 * The CRM's own record fields every CRM has (a LawRuler lead's and a SmartAdvocate plaintiff's names, phone, email):
 * mapped like catalog fields, never missing. Catalog field ids (LawRuler `Custom1234`, SmartAdvocate UDF numbers)
 * never start with `standard.`.
 */
export const CRM_STANDARD_FIELDS = ['standard.first_name', 'standard.last_name', 'standard.phone', 'standard.email'] as const;

export const MAPPING_DIRECTIONS = ['both', 'to_crm', 'from_crm'] as const;
export const mappingDirectionSchema = z.enum(MAPPING_DIRECTIONS, { error: `direction is one of ${MAPPING_DIRECTIONS.join(', ')}` });
export type MappingDirection = z.infer<typeof mappingDirectionSchema>;

const id = (name: string) => z.string({ error: `${name} is text` }).trim().min(1, `${name} is required`).max(200, `${name} is at most 200 characters`);

export const fieldMappingInputSchema = z.strictObject({
  kayseField: kayseFieldKeySchema,
  crmFieldId: id('crmFieldId'),
  direction: mappingDirectionSchema,
});
export type FieldMappingInput = z.infer<typeof fieldMappingInputSchema>;

export const saveFieldMappingsInputSchema = z.strictObject({
  crm: crmConnectorIdSchema,
  /** Null: the default set; a CRM case type id: that case type's overrides. */
  crmCaseTypeId: id('crmCaseTypeId').nullable(),
  /** The whole set: it replaces the saved one. An empty override set means the case type uses the default set. */
  mappings: z.array(fieldMappingInputSchema).max(500, 'at most 500 mappings in one set'),
});
export type SaveFieldMappingsInput = z.infer<typeof saveFieldMappingsInputSchema>;

/** How the options of two select fields match, value by value (trimmed, case-insensitive). */
export const optionMatchSchema = z.object({
  matched: z.array(z.object({ kayse: z.string(), crm: z.string() })),
  /** Kayse options with no CRM option: such a value is not sent. */
  kayseUnmatched: z.array(z.string()),
  /** CRM options with no Kayse option: such a value is not applied. */
  crmUnmatched: z.array(z.string()),
});
export type OptionMatch = z.infer<typeof optionMatchSchema>;

export const fieldMappingViewSchema = z.object({
  kayseField: z.string(),
  kayseLabel: z.string(),
  crmFieldId: z.string(),
  /** The CRM field's name in the stored catalog, or as it was when saved if it is gone. */
  crmFieldName: z.string(),
  direction: mappingDirectionSchema,
  /** The CRM field (or the Kayse field) is gone: kept, listed, not used until fixed. */
  missing: z.boolean(),
  missingReason: z.string().nullable(),
  /** Select to select: the options matched value by value; null otherwise. */
  options: optionMatchSchema.nullable(),
});
export type FieldMappingView = z.infer<typeof fieldMappingViewSchema>;

/** Something saved but worth a look: an option that has no counterpart. Never a refusal. */
export const mappingWarningSchema = z.object({ path: z.string(), message: z.string() });

export const fieldMappingSetSchema = z.object({
  crmCaseTypeId: z.string().nullable(),
  /** Null for the default set; the name from the catalog, or the id when the case type is gone. */
  crmCaseTypeName: z.string().nullable(),
  mappings: z.array(fieldMappingViewSchema),
  savedAt: z.string().nullable(),
  warnings: z.array(mappingWarningSchema),
});
export type FieldMappingSet = z.infer<typeof fieldMappingSetSchema>;

export const fieldMappingsViewSchema = z.object({
  crm: crmConnectorIdSchema,
  /** When the stored catalog the marks are computed against loaded; null when none is stored. */
  catalogLoadedAt: z.string().nullable(),
  /** The default set first (always present, maybe empty), then each case type's overrides. */
  sets: z.array(fieldMappingSetSchema),
});

export const effectiveMappingsInputSchema = z.strictObject({ crm: crmConnectorIdSchema, crmCaseTypeId: id('crmCaseTypeId') });
export const effectiveMappingsSchema = z.object({
  crmCaseTypeId: z.string(),
  /** What a record of this case type syncs with: its overrides, then default mappings of fields on its form. */
  used: z.array(fieldMappingViewSchema.extend({ from: z.enum(['default', 'case_type']) })),
  /** Mappings that would apply but are marked missing: not used, listed. */
  missing: z.array(fieldMappingViewSchema.extend({ from: z.enum(['default', 'case_type']) })),
});

export const suggestFieldMappingsInputSchema = z.strictObject({
  crm: crmConnectorIdSchema,
  crmCaseTypeId: id('crmCaseTypeId').nullable(),
  /** Limit the Kayse custom fields to one Kayse case type (else every case type's). */
  kayseCaseTypeId: id('kayseCaseTypeId').nullable().optional(),
});
export const fieldProposalSchema = z.object({
  kayseField: z.string(),
  kayseLabel: z.string(),
  crmFieldId: z.string(),
  crmFieldName: z.string(),
  direction: mappingDirectionSchema,
  /** How it was found: SmartAdvocate's UDF short name, the name, or the CRM's own record field. */
  matchedBy: z.enum(['short_name', 'name', 'standard']),
  options: optionMatchSchema.nullable(),
});
export const fieldProposalsSchema = z.object({ crmCaseTypeId: z.string().nullable(), proposals: z.array(fieldProposalSchema) });

// ---- Status mappings ----

export const substatusRefSchema = z.strictObject({ typeId: id('substatus.typeId'), statusId: id('substatus.statusId') });

export const statusMappingInputSchema = z.strictObject({
  kayseStatusId: id('kayseStatusId'),
  crmStatusId: id('crmStatusId'),
  /** SmartAdvocate only: a status of a secondary status type, set with the main status. */
  substatus: substatusRefSchema.nullable().default(null),
  /** Where several Kayse statuses map to the same CRM status: true on the one that CRM status sets in Kayse. */
  reverseChoice: z.boolean().default(false),
});

export const saveStatusMappingsInputSchema = z.strictObject({
  crm: crmConnectorIdSchema,
  kayseCaseTypeId: id('kayseCaseTypeId'),
  /** The case type's whole list: it replaces the saved one. A Kayse status left out is not mapped. */
  mappings: z.array(statusMappingInputSchema).max(500),
});
export type SaveStatusMappingsInput = z.infer<typeof saveStatusMappingsInputSchema>;

const substatusViewSchema = z.object({ typeId: z.string(), typeName: z.string(), statusId: z.string(), statusName: z.string() });

export const statusMappingViewSchema = z.object({
  kayseStatusId: z.string(),
  kayseStatusName: z.string(),
  crmStatusId: z.string(),
  crmStatusName: z.string(),
  substatus: substatusViewSchema.nullable(),
  reverseChoice: z.boolean(),
  missing: z.boolean(),
  missingReason: z.string().nullable(),
});

/** The reverse direction, derived: what each CRM status (with its substatus) sets in Kayse. */
export const reverseStatusSchema = z.object({
  crmStatusId: z.string(),
  crmStatusName: z.string(),
  substatus: substatusViewSchema.nullable(),
  kayseStatusId: z.string(),
  kayseStatusName: z.string(),
  /** Every Kayse status mapped to this CRM status; more than one means it was an explicit choice. */
  sharedBy: z.array(z.string()),
  missing: z.boolean(),
});

export const statusMappingSetSchema = z.object({
  kayseCaseTypeId: z.string(),
  kayseCaseTypeName: z.string(),
  mappings: z.array(statusMappingViewSchema),
  reverse: z.array(reverseStatusSchema),
  savedAt: z.string().nullable(),
});
export type StatusMappingSet = z.infer<typeof statusMappingSetSchema>;

export const statusMappingsViewSchema = z.object({
  crm: crmConnectorIdSchema,
  catalogLoadedAt: z.string().nullable(),
  /** One per Kayse case type that has any status mapping saved. */
  caseTypes: z.array(statusMappingSetSchema),
});
