// The delivery log inspector's own procedures: attempts per hour for its chart, a local re-check of an attempt's
// signature, and delivery bundles (export for a support ticket, import for read-only inspection elsewhere).
import { z } from 'zod';
import { procedure } from '../rpc';
import { deliveryBundleSchema, MAX_BUNDLE_DELIVERIES, MAX_IMPORT_CHARS } from './delivery-bundle';
import { deliveryFilterSchema } from './webhooks';

export const HOURLY_RANGES = ['24h', '7d'] as const;
export const hourlyRangeSchema = z.enum(HOURLY_RANGES, { error: 'range is "24h" or "7d"' });
export type HourlyRange = z.infer<typeof hourlyRangeSchema>;
/** Hours (bars) each range shows: the last one is the current, unfinished hour. */
export const HOURS_IN_RANGE: Record<HourlyRange, number> = { '24h': 24, '7d': 24 * 7 };

/** Deliveries created in one hour by where they stand now: succeeded, retrying (not final yet), failed (or cancelled). */
export const hourlyBucketSchema = z.object({
  /** The hour's start, ISO UTC. */
  hour: z.string(),
  succeeded: z.number().int(),
  retrying: z.number().int(),
  failed: z.number().int(),
});
export type HourlyBucket = z.infer<typeof hourlyBucketSchema>;

export const hourlyOutputSchema = z.object({
  range: hourlyRangeSchema,
  from: z.string(),
  to: z.string(),
  hours: z.array(hourlyBucketSchema),
});
export type HourlyOutput = z.infer<typeof hourlyOutputSchema>;

/** Which of the webhook's current signing secrets reproduces the logged signature. */
export const SECRET_MATCHES = ['active', 'previous', 'none'] as const;
export const secretMatchSchema = z.enum(SECRET_MATCHES);
export type SecretMatch = z.infer<typeof secretMatchSchema>;

export const SIGNATURE_VERDICTS = ['accepted', 'rejected', 'unverifiable'] as const;

export const schemeCheckSchema = z.object({
  scheme: z.enum(['X-Kayse-Signature', 'Standard Webhooks']),
  /** ok: present and readable; missing; malformed: present but not in the documented form. */
  header: z.enum(['ok', 'missing', 'malformed']),
  /** Signatures the header carries (one per secret valid when it was sent). */
  signatures: z.number().int(),
  matched: secretMatchSchema,
});
export type SchemeCheck = z.infer<typeof schemeCheckSchema>;

export const signatureCheckSchema = z.object({
  attemptId: z.number().int(),
  deliveryId: z.string(),
  webhookId: z.string(),
  /**
   * accepted: a receiver holding the secret in use then would have accepted it; rejected: it would not (a
   * signature that doesn't match, a timestamp outside the tolerance, a broken header); unverifiable: the body or
   * the secret it was signed with is no longer here to check against.
   */
  verdict: z.enum(SIGNATURE_VERDICTS),
  /** The verdict in one or two sentences, with what to do. */
  summary: z.string(),
  /** The best match over both schemes. */
  matchedSecret: secretMatchSchema,
  /** When the attempt started (what the timestamp is judged against). */
  sentAt: z.string(),
  /** The signed unix timestamp (t=…); null when the header has none. */
  timestamp: z.number().int().nullable(),
  /** timestamp − sentAt, in seconds. */
  skewSeconds: z.number().int().nullable(),
  toleranceSeconds: z.number().int(),
  /** Whether the timestamp was within the tolerance when the request was sent; null without a timestamp. */
  withinTolerance: z.boolean().nullable(),
  schemes: z.array(schemeCheckSchema),
  /** Dates only, never a secret. */
  secrets: z.object({ activeSince: z.string().nullable(), previousValidUntil: z.array(z.string()) }),
});
export type SignatureCheck = z.infer<typeof signatureCheckSchema>;

export const exportBundleInputSchema = z
  .strictObject({
    /** These deliveries (e.g. the one open in the inspector). */
    deliveryIds: z
      .array(z.string().trim().min(1, 'a delivery id must not be empty'))
      .min(1, 'deliveryIds needs at least one delivery id (or leave it out and give a filter)')
      .max(MAX_BUNDLE_DELIVERIES, `at most ${MAX_BUNDLE_DELIVERIES} delivery ids`)
      .optional(),
    /** Every delivery the filter matches, newest first, up to the bundle's limit. */
    filter: deliveryFilterSchema.optional(),
  })
  .refine((input) => !(input.deliveryIds && input.filter), {
    path: ['filter'],
    message: 'give either deliveryIds or a filter, not both',
  });
export type ExportBundleInput = z.output<typeof exportBundleInputSchema>;

export const DELIVERY_LOG_EXPORT_KIND = 'deliveryLog.export';

export const inspectorWebhookSchema = z.object({ id: z.string(), name: z.string(), url: z.string(), active: z.boolean(), deleted: z.boolean() });
export type InspectorWebhook = z.infer<typeof inspectorWebhookSchema>;

export const deliveryLogContract = {
  deliveryLog: {
    webhooks: procedure({
      input: z.undefined(),
      output: z.array(inspectorWebhookSchema),
      reads: ['webhooks'],
      description: 'Every webhook that can have a delivery log, deleted ones last (their log outlives them), without health numbers',
    }),
    hourly: procedure({
      input: z.strictObject({
        webhookId: z.string().trim().min(1, 'webhookId must not be empty (leave it out for all webhooks)').optional(),
        range: hourlyRangeSchema.default('24h'),
      }),
      output: hourlyOutputSchema,
      // Not refreshed by every change of the log: at 1,000,000 attempts a week of all webhooks' hours takes ~50 ms,
      // too much to redo several times a second while deliveries flow. The chart refreshes itself on a timer.
      reads: [],
      description: 'Finished attempts per hour by outcome (succeeded, retrying, failed) over the last 24 hours or 7 days, for one webhook or all',
    }),
    verifySignature: procedure({
      input: z.strictObject({ attemptId: z.number().int().positive('attemptId is a positive attempt id') }),
      output: signatureCheckSchema,
      reads: [],
      description: 'Recomputes an attempt’s signatures over its exact body and timestamp with the webhook’s signing secrets; says which secret matched and whether a receiver would have accepted it (never returns a secret)',
    }),
    exportBundle: procedure({
      input: exportBundleInputSchema,
      output: z.object({ fileName: z.string(), bundle: deliveryBundleSchema }),
      reads: [],
      description: `Deliveries with every attempt in full as a versioned JSON bundle (at most ${MAX_BUNDLE_DELIVERIES.toLocaleString('en-US')}; App Keys masked, no secrets); task.progress while it is built`,
    }),
    importBundle: procedure({
      input: z.strictObject({
        json: z
          .string()
          .min(1, 'The file is empty: choose a bundle exported from the delivery log')
          .max(MAX_IMPORT_CHARS, `The file is larger than ${MAX_IMPORT_CHARS / 1024 / 1024} MB: a bundle this big was not exported by the console`),
      }),
      output: deliveryBundleSchema,
      reads: [],
      description: 'Reads and checks a delivery bundle (naming every problem); stores nothing, for read-only inspection',
      largeInput: true,
    }),
  },
};
