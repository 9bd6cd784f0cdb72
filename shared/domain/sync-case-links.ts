// A Kayse case's links with CRM records as the contract shows them (its detail screen lists them): which CRM, the
// CRM's record id, since when, when it last synced, and an open error of the record with that CRM; and the open
// record errors of an integration in both directions (the Monitoring tab's errors table).
import { z } from 'zod';
import { crmConnectorIdSchema } from './connectors';
import { pushRecordErrorSchema } from './sync-push';

export const caseLinksInputSchema = z.strictObject({
  caseId: z.string().trim().min(1, 'caseId is the Kayse case whose CRM links to show'),
});

export const caseLinkSchema = z.object({
  crm: crmConnectorIdSchema,
  /** Null: not linked yet, listed because sending it to this CRM failed (`error` says why). */
  crmRecordId: z.string().nullable(),
  linkedAt: z.string().nullable(),
  /** When the record last synced with this CRM (its snapshot); null before the first sync. */
  lastSyncedAt: z.string().nullable(),
  /** The record's open error with this CRM, in either direction; null when there is none. */
  error: z.object({ direction: z.enum(['to_crm', 'from_crm']), message: z.string() }).nullable(),
});
export type CaseLink = z.infer<typeof caseLinkSchema>;

export const caseLinksSchema = z.object({ caseId: z.string(), links: z.array(caseLinkSchema) });

export const recordErrorsInputSchema = z.strictObject({ crm: crmConnectorIdSchema });

/** One record's open error in either direction, as the Monitoring tab's errors table lists them. */
export const recordErrorRowSchema = pushRecordErrorSchema.extend({
  /** to_crm: Kayse → CRM (Retry now with retryRecord); from_crm: CRM → Kayse (caseId may be `crm:<record id>`). */
  direction: z.enum(['to_crm', 'from_crm']),
  /** The CRM record's id when the case is linked (or when the error is about a CRM record not linked yet). */
  crmRecordId: z.string().nullable(),
});
export type RecordErrorRow = z.infer<typeof recordErrorRowSchema>;

export const recordErrorsSchema = z.object({ crm: crmConnectorIdSchema, errors: z.array(recordErrorRowSchema) });
