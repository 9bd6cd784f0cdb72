// Webhook configuration as the console stores it, the rules a create/edit must pass (each refusal names its
// field and rule), and the event categories the UI picker groups the 12 event types into.
import { z } from 'zod';
import { EVENT_TYPES, eventTypeSchema, type EventType } from './events';

/** The event-picker groups, in display order. Together they hold every event type exactly once. */
export const WEBHOOK_EVENT_CATEGORIES = [
  { key: 'calls', label: 'Calls', types: ['call_started', 'call_ended', 'call_analyzed', 'transcript_updated'] },
  { key: 'transfers', label: 'Transfers', types: ['transfer_started', 'transfer_bridged', 'transfer_cancelled', 'transfer_ended'] },
  { key: 'messages', label: 'Messages', types: ['message_sent', 'message_delivered'] },
  { key: 'tasks_forms', label: 'Tasks & forms', types: ['task_completed', 'form_submitted'] },
] as const satisfies readonly { key: string; label: string; types: readonly EventType[] }[];
export type WebhookEventCategory = (typeof WEBHOOK_EVENT_CATEGORIES)[number]['key'];

/**
 * True for events that happen on a call and so carry a campaign: call_*, transcript_updated, transfer_*.
 * Judged by name, so call or transfer types added later count too.
 */
export const isCallEvent = (type: string): boolean => type.startsWith('call_') || type.startsWith('transfer_') || type === 'transcript_updated';

/** The event types the campaign filter may be combined with (the known call events). */
export const CALL_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter(isCallEvent);

export const WEBHOOK_NAME_MIN = 3;
export const WEBHOOK_NAME_MAX = 200;
export const WEBHOOK_URL_MAX = 2048;

const nameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(WEBHOOK_NAME_MIN, `Name must be at least ${WEBHOOK_NAME_MIN} characters`)
  .max(WEBHOOK_NAME_MAX, `Name must be at most ${WEBHOOK_NAME_MAX} characters`);

// Full URL rules (parsable, host resolves only to public addresses) are the url guard's job in main.
const urlSchema = z
  .string({ error: 'URL is required' })
  .trim()
  .min(1, 'URL is required')
  .max(WEBHOOK_URL_MAX, `URL must be at most ${WEBHOOK_URL_MAX} characters`)
  .refine((url) => /^https:\/\//i.test(url), 'URL must start with https:// (webhooks are only sent over HTTPS)');

const dedupe = <T extends string>(values: T[], key: (v: T) => string = (v) => v): T[] => {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(key(v)) ? false : (seen.add(key(v)), true)));
};

const eventsSchema = z.array(eventTypeSchema, { error: 'Events must be a list of event types' }).transform((types) => dedupe(types));

const caseTypesSchema = z
  .array(z.string().trim().min(1, 'Case type name must not be empty').max(200, 'Case type name must be at most 200 characters'), {
    error: 'Case types must be a list of case type names',
  })
  .transform((names) => dedupe(names, (n) => n.toLowerCase()));

const campaignIdSchema = z.string().trim().min(1, 'Campaign must not be empty (use null for all campaigns)').max(128).nullable();

/** Why a campaign filter cannot go with these events, or null when it can. */
export function campaignFilterProblem(events: readonly string[]): string | null {
  if (events.length === 0) {
    return 'A campaign filter needs an explicit list of call events: an empty event list means all events, including message, task and form events that have no campaign. Pick the call events to send (call_*, transcript_updated, transfer_*) or remove the campaign filter.';
  }
  const offending = events.filter((t) => !isCallEvent(t));
  if (offending.length === 0) return null;
  return `A campaign filter only applies to call events (call_*, transcript_updated, transfer_*); these events have no campaign: ${offending.join(', ')}. Remove them from the events or remove the campaign filter.`;
}

const webhookRules = (value: { events: readonly string[]; campaignId: string | null }, ctx: z.RefinementCtx) => {
  if (value.campaignId === null) return;
  const problem = campaignFilterProblem(value.events);
  if (problem) ctx.addIssue({ code: 'custom', path: ['campaignId'], message: problem });
};

/** What a create or an edit supplies (the whole editable configuration). Secrets and App Keys have their own actions. */
export const webhookInputSchema = z
  .strictObject({
    name: nameSchema,
    url: urlSchema,
    /** Empty = every event type, including types added later. */
    events: eventsSchema.default([]),
    /** Only events of this campaign (call events only); null = all campaigns. */
    campaignId: campaignIdSchema.default(null),
    /** Only events whose case type has one of these names (case-insensitive); empty = all. */
    caseTypes: caseTypesSchema.default([]),
    active: z.boolean({ error: 'Active must be true or false' }).default(true),
    /** Receive demo data too (events the demo generator posts); left out = off, so demo data never reaches a real endpoint. */
    receivesDemo: z.boolean({ error: 'receivesDemo must be true or false' }).optional(),
  })
  .superRefine(webhookRules);
export type WebhookInput = z.input<typeof webhookInputSchema>;
export type WebhookConfigInput = z.output<typeof webhookInputSchema>;

/** A stored webhook as the contract shows it. The signing secret and the App Key itself live only in the keychain. */
export const webhookSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(eventTypeSchema),
  campaignId: z.string().nullable(),
  caseTypes: z.array(z.string()),
  active: z.boolean(),
  /** Opted in to demo data. */
  receivesDemo: z.boolean(),
  /** Demo mode's own webhook (to the console's loopback demo receiver); removed by Wipe demo data. */
  isDemo: z.boolean(),
  /** Keychain reference of the attached App Key (sent as X-Public-Api-Key); null when none is attached. */
  appKeyRef: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** Why a delivery attempt failed, as the delivery log shows and filters it (webhooks.md, "Delivery log"). */
export const DELIVERY_ERROR_CLASSES = ['timeout', 'dns', 'connect', 'tls', 'http_status', 'redirect', 'blocked_address'] as const;
export const deliveryErrorClassSchema = z.enum(DELIVERY_ERROR_CLASSES);
export type DeliveryErrorClass = z.infer<typeof deliveryErrorClassSchema>;

/** The parts of a webhook that decide which events it receives. */
export type WebhookFilter = Pick<Webhook, 'events' | 'campaignId' | 'caseTypes'> & { receivesDemo?: boolean };
