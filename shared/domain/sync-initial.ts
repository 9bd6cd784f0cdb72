// The initial sync as the contract shows it: the match preview (what would link, by which key, what would be
// created on each side, what is ambiguous) and the job of the run (its phase, counts and state).
import { z } from 'zod';
import { crmConnectorIdSchema } from './connectors';

/** How a CRM record matched a Kayse case: an existing link, the CRM id kept as the case's external id, then by key. */
export const MATCH_KEYS = ['link', 'externalId', 'caseNumber', 'email', 'phone'] as const;
export const matchKeySchema = z.enum(MATCH_KEYS);
export type MatchKey = z.infer<typeof matchKeySchema>;

export const matchCandidateSchema = z.object({ caseId: z.string(), caseNumber: z.string(), name: z.string() });

/** A CRM record with several Kayse candidates on the first key that found any: neither linked nor created. */
export const ambiguousMatchSchema = z.object({
  crmRecordId: z.string(),
  crmCaseNumber: z.string().nullable(),
  name: z.string(),
  key: matchKeySchema,
  candidates: z.array(matchCandidateSchema),
});
export type AmbiguousMatch = z.infer<typeof ambiguousMatchSchema>;

const count = z.number().int().nonnegative();

export const initialPreviewSchema = z.object({
  crm: crmConnectorIdSchema,
  /** CRM records read. */
  crmRecords: count,
  /** Linked already (a link, or the CRM id kept as a Kayse case's external id). */
  alreadyLinked: count,
  /** Would link to one existing Kayse case, by the key that matched. */
  wouldLink: z.object({ total: count, caseNumber: count, email: count, phone: count }),
  wouldCreateInKayse: count,
  /** Kayse cases with no CRM match that the selective sync lets through. */
  wouldCreateInCrm: count,
  /** Left out by the selective sync, the direction, or demo data (on either side). */
  skipped: count,
  /** No case type on the other side to create it with (CRM records, then Kayse cases). */
  noCaseType: z.object({ crm: count, kayse: count }),
  ambiguous: z.object({ total: count, records: z.array(ambiguousMatchSchema) }),
});
export type InitialPreview = z.infer<typeof initialPreviewSchema>;

export const INITIAL_COUNT_KEYS = ['read', 'alreadyLinked', 'linked', 'createdInKayse', 'createdInCrm', 'ambiguous', 'skipped', 'failed'] as const;
export type InitialCountKey = (typeof INITIAL_COUNT_KEYS)[number];
export type InitialCounts = Record<InitialCountKey, number>;

export const initialJobSchema = z.object({
  id: z.string(),
  crm: crmConnectorIdSchema,
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  phase: z.enum(['crm', 'kayse']),
  pages: count,
  counts: z.object(Object.fromEntries(INITIAL_COUNT_KEYS.map((k) => [k, count])) as Record<InitialCountKey, typeof count>),
  ambiguous: z.array(ambiguousMatchSchema),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** The task following it while it runs in this console (task.progress); null once it ended or after a restart before it resumed. */
  taskId: z.string().nullable(),
});
export type InitialJob = z.infer<typeof initialJobSchema>;

export const initialStatusSchema = z.object({ crm: crmConnectorIdSchema, job: initialJobSchema.nullable() });
