// The delivery bundle: deliveries with every attempt in full, exported as one versioned JSON file for a support
// ticket and imported read-only on another workstation. Holds no secret: App Keys stay masked as logged.
import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/events';
import { attemptDetailSchema, deliveryFilterSchema, deliverySummarySchema } from './webhooks';

export const DELIVERY_BUNDLE_FORMAT = 'kayse-delivery-bundle';
export const DELIVERY_BUNDLE_VERSION = 1;
/** The most deliveries one bundle holds; a bigger set is cut (newest first) and the bundle says so. */
export const MAX_BUNDLE_DELIVERIES = 5_000;
/** About this many characters of compact JSON and an export stops adding deliveries (responses can be 64 KiB each). */
export const MAX_BUNDLE_CHARS = 32 * 1024 * 1024;
/** The longest file an import reads (a bundle saved with indentation is longer than its compact form). */
export const MAX_IMPORT_CHARS = 100 * 1024 * 1024;

export const bundleWebhookSchema = z.object({ id: z.string().min(1), name: z.string(), url: z.string() });
export type BundleWebhook = z.infer<typeof bundleWebhookSchema>;

/** A delivery as the log lists it, and every attempt of it in full (first first). */
export const bundleDeliverySchema = deliverySummarySchema.extend({ attemptDetails: z.array(attemptDetailSchema) });
export type BundleDelivery = z.infer<typeof bundleDeliverySchema>;

/** How the bundle's deliveries were chosen, and whether the set was cut. */
export const bundleSelectionSchema = z.object({
  /** The filter they were chosen by; null when they were picked by id. */
  filter: deliveryFilterSchema.nullable(),
  /** The ids asked for; null when a filter chose them. */
  deliveryIds: z.array(z.string()).nullable(),
  /** True when more deliveries matched than the bundle holds. */
  capped: z.boolean(),
  /** Why the set was cut, in words; null when it was not. */
  note: z.string().nullable(),
});
export type BundleSelection = z.infer<typeof bundleSelectionSchema>;

/** Attempts belong to their delivery, deliveries to a listed webhook, and no delivery appears twice. */
function consistent(bundle: { webhooks: { id: string }[]; deliveries: BundleDelivery[] }, ctx: z.RefinementCtx): void {
  const webhookIds = new Set(bundle.webhooks.map((w) => w.id));
  const seen = new Set<string>();
  bundle.deliveries.forEach((d, i) => {
    if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['deliveries', i, 'id'], message: `delivery ${d.id} appears more than once` });
    seen.add(d.id);
    if (!webhookIds.has(d.webhookId)) {
      ctx.addIssue({ code: 'custom', path: ['deliveries', i, 'webhookId'], message: `webhook ${d.webhookId} is not in the bundle's webhooks list` });
    }
    d.attemptDetails.forEach((a, k) => {
      if (a.deliveryId !== d.id) {
        ctx.addIssue({ code: 'custom', path: ['deliveries', i, 'attemptDetails', k, 'deliveryId'], message: `attempt belongs to ${a.deliveryId}, not to its delivery ${d.id}` });
      }
    });
  });
}

export const deliveryBundleSchema = z
  .object({
    format: z.literal(DELIVERY_BUNDLE_FORMAT),
    version: z.literal(DELIVERY_BUNDLE_VERSION),
    exportedAt: isoDateTimeSchema,
    /** The console that wrote it ("Kayse Integrations Console 0.1.0"). */
    exportedBy: z.string().optional(),
    selection: bundleSelectionSchema,
    webhooks: z.array(bundleWebhookSchema),
    /** Newest first. */
    deliveries: z.array(bundleDeliverySchema).max(MAX_BUNDLE_DELIVERIES, `a bundle holds at most ${MAX_BUNDLE_DELIVERIES} deliveries`),
  })
  .superRefine(consistent);
export type DeliveryBundle = z.infer<typeof deliveryBundleSchema>;
