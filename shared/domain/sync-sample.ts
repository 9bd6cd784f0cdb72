// "Test with a sample record" as the contract shows it: a Kayse case (or a CRM record) with the mapped values the
// console would send or apply, the CRM record before, and after Apply the CRM record after, each field's
// difference marked.
import { z } from 'zod';
import { crmConnectorIdSchema } from './connectors';

export const sampleInputSchema = z
  .strictObject({
    crm: crmConnectorIdSchema,
    caseId: z.string().trim().min(1, 'caseId is a Kayse case id').optional(),
    crmRecordId: z.string().trim().min(1, 'crmRecordId is the id of a record in the CRM').optional(),
  })
  .refine((v) => (v.caseId === undefined) !== (v.crmRecordId === undefined), { message: 'Give either caseId (a Kayse case) or crmRecordId (a CRM record), not both' });

export const syncMappedValueSchema = z.object({
  kayseField: z.string(),
  kayseLabel: z.string(),
  kayseValue: z.unknown(),
  crmFieldId: z.string(),
  crmFieldName: z.string(),
  /** What would be sent (to the CRM) or applied (to Kayse), in the receiving side's form. */
  value: z.unknown(),
  /** The CRM record's value now (or the last synced one when no CRM record is read). */
  crmValue: z.unknown(),
  /** The value would change something. */
  differs: z.boolean(),
});
export type SyncMappedValue = z.infer<typeof syncMappedValueSchema>;

/** A CRM record in our words (connectors' CrmRecord). */
export const sampleCrmRecordSchema = z.object({
  id: z.string(),
  caseNumber: z.string().nullable(),
  caseTypeId: z.string().nullable(),
  statusId: z.string().nullable(),
  substatuses: z.array(z.object({ typeId: z.string(), statusId: z.string() })),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()),
  modifiedAt: z.string(),
});

export const sampleDryRunSchema = z.object({
  crm: crmConnectorIdSchema,
  /** to_crm: a Kayse case's values to send; from_crm: a CRM record's values to apply. */
  direction: z.enum(['to_crm', 'from_crm']),
  caseId: z.string().nullable(),
  caseName: z.string().nullable(),
  crmRecordId: z.string().nullable(),
  operation: z.enum(['create', 'update', 'apply', 'skip']),
  /** Why nothing would be sent, when nothing would. */
  skipReason: z.string().nullable(),
  values: z.array(syncMappedValueSchema),
  crmBefore: sampleCrmRecordSchema.nullable(),
});
export type SampleDryRun = z.infer<typeof sampleDryRunSchema>;

export const sampleFieldDiffSchema = z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown(), changed: z.boolean() });

export const sampleApplySchema = z.object({
  crm: crmConnectorIdSchema,
  caseId: z.string(),
  crmRecordId: z.string().nullable(),
  /** What the push did: created, updated, unchanged, failed (the record's error says why), … */
  outcome: z.string(),
  error: z.string().nullable(),
  crmBefore: sampleCrmRecordSchema.nullable(),
  crmAfter: sampleCrmRecordSchema.nullable(),
  /** Every field of the CRM record, before and after, the changed ones marked. */
  fields: z.array(sampleFieldDiffSchema),
});
export type SampleApply = z.infer<typeof sampleApplySchema>;
