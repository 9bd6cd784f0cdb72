// A Kayse case's links with CRM records as the contract shows them (its detail screen lists them): which CRM, the
// CRM's record id, since when, when it last synced, and an open error of the record with that CRM.
import { z } from 'zod';
import { crmConnectorIdSchema } from './connectors';

export const caseLinksInputSchema = z.strictObject({
  caseId: z.string().trim().min(1, 'caseId is the Kayse case whose CRM links to show'),
});

export const caseLinkSchema = z.object({
  crm: crmConnectorIdSchema,
  crmRecordId: z.string(),
  linkedAt: z.string(),
  /** When the record last synced with this CRM (its snapshot); null before the first sync. */
  lastSyncedAt: z.string().nullable(),
  /** The record's open error with this CRM, in either direction; null when there is none. */
  error: z.object({ direction: z.enum(['to_crm', 'from_crm']), message: z.string() }).nullable(),
});
export type CaseLink = z.infer<typeof caseLinkSchema>;

export const caseLinksSchema = z.object({ caseId: z.string(), links: z.array(caseLinkSchema) });
