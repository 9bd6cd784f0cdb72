// The Kayse → CRM push as the contract shows it: changes waiting, the last push, linked records, and each record's
// error with the CRM's answer ("Retry now" takes its case id).
import { z } from 'zod';
import { crmConnectorIdSchema } from './connectors';

export const pushRecordErrorSchema = z.object({
  caseId: z.string(),
  /** A CRM error kind (rejected, unavailable, …), `config` (no CRM case type for it) or `internal`. */
  kind: z.string(),
  message: z.string(),
  /** The CRM's own words, its HTTP status and the field it refused, where it gave them. */
  crmMessage: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  field: z.string().nullable(),
  attempts: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  /** Null: it waits for a change of the record or "Retry now". */
  nextTryAt: z.string().nullable(),
});
export type PushRecordError = z.infer<typeof pushRecordErrorSchema>;

export const pushStatusSchema = z.object({
  crm: crmConnectorIdSchema,
  /** Kayse changes not sent yet (the CRM's own changes are never sent, so never counted). */
  pending: z.number().int(),
  lastPushAt: z.string().nullable(),
  /** A 429's wait: nothing is sent before it. */
  waitingUntil: z.string().nullable(),
  /** Kayse cases linked with a CRM record. */
  linked: z.number().int(),
  errors: z.array(pushRecordErrorSchema),
});
export type PushStatus = z.infer<typeof pushStatusSchema>;

export const retryRecordInputSchema = z.strictObject({
  crm: crmConnectorIdSchema,
  caseId: z.string().trim().min(1, 'caseId is the Kayse case whose error to retry (or crm:<record id> for a CRM record with no case)'),
  /** Which error: Kayse → CRM (default), or CRM → Kayse (the CRM record read and applied again at once). */
  direction: z.enum(['to_crm', 'from_crm']).default('to_crm'),
});
