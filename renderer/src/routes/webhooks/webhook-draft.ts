// The New/Edit form's values (a draft), how a stored webhook becomes one and a draft becomes the contract's input,
// and the as-you-type checks: the shared webhook schema run locally, so its messages match the host's exactly.
import { webhooksContract } from '../../../../shared/contract/webhooks';
import { EVENT_TYPES, type EventType } from '../../../../shared/domain/events';
import { CALL_EVENT_TYPES, campaignFilterProblem, isCallEvent, webhookInputSchema, type Webhook, type WebhookInput } from '../../../../shared/domain/webhooks';

export interface WebhookDraft {
  name: string;
  url: string;
  /** "All events (including future types)": sent as an empty list. */
  allEvents: boolean;
  /** The chosen types when not all. */
  events: EventType[];
  campaignId: string | null;
  caseTypes: string[];
  active: boolean;
  /** "Receive demo data": off unless the firm opts this endpoint in. */
  receivesDemo: boolean;
}

/** The App Key is write-only: the form keeps it, replaces it, or removes it; it never reads it back. */
export type AppKeyChange = { kind: 'keep' } | { kind: 'set'; value: string } | { kind: 'remove' };

export const DRAFT_FIELDS = ['name', 'url', 'events', 'campaignId', 'caseTypes', 'active', 'receivesDemo', 'appKey'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];
export type FieldMessages = Partial<Record<DraftField, string>>;

/** The message for an empty selection that is not "All events" (the host would read it as all). */
export const NO_EVENTS_MESSAGE = 'Pick at least one event, or choose All events.';

/** A stored webhook as form values. */
export function draftOf(webhook: Webhook): WebhookDraft {
  return {
    name: webhook.name,
    url: webhook.url,
    allEvents: webhook.events.length === 0,
    events: [...webhook.events],
    campaignId: webhook.campaignId,
    caseTypes: [...webhook.caseTypes],
    active: webhook.active,
    receivesDemo: webhook.receivesDemo,
  };
}

/** A new webhook: every event; scoped to a campaign, every call event (the only kind a campaign filter allows). */
export function newDraft(campaignId: string | null = null): WebhookDraft {
  return {
    name: '',
    url: '',
    allEvents: campaignId === null,
    events: campaignId === null ? [] : [...CALL_EVENT_TYPES],
    campaignId,
    caseTypes: [],
    active: true,
    receivesDemo: false,
  };
}

/** The contract's input for a draft; events in the picker's (catalogue) order. */
export function inputOf(draft: WebhookDraft): Required<WebhookInput> {
  const chosen = new Set(draft.events);
  return {
    name: draft.name,
    url: draft.url,
    events: draft.allEvents ? [] : EVENT_TYPES.filter((t) => chosen.has(t)),
    campaignId: draft.campaignId,
    caseTypes: draft.caseTypes,
    active: draft.active,
    receivesDemo: draft.receivesDemo,
  };
}

/** Why the campaign filter can't be used with the chosen events (the host's full message), or null when it can. */
export const campaignProblem = (draft: WebhookDraft): string | null => campaignFilterProblem(inputOf(draft).events);

/** The same reason in one short line, for the filter's description while it is unavailable. */
export function campaignHint(draft: WebhookDraft): string | null {
  const events = inputOf(draft).events;
  if (campaignFilterProblem(events) === null) return null;
  if (events.length === 0) return 'Choose specific call events first: “All events” includes messages, tasks and forms, which have no campaign.';
  const offending = events.filter((t) => !isCallEvent(t));
  return `Only for call events: ${offending.join(', ')} ${offending.length === 1 ? 'has' : 'have'} no campaign.`;
}

const appKeySchema = webhooksContract.webhooks.setAppKey.input.shape.appKey;

/** Every problem the renderer can see without asking the host: first message per field. */
export function draftIssues(draft: WebhookDraft, appKey: AppKeyChange = { kind: 'keep' }): FieldMessages {
  const issues: FieldMessages = {};
  const parsed = webhookInputSchema.safeParse(inputOf(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = DRAFT_FIELDS.find((f) => f === issue.path[0]);
      if (field) issues[field] ??= issue.message;
    }
  }
  if (!draft.allEvents && draft.events.length === 0) issues.events ??= NO_EVENTS_MESSAGE;
  if (appKey.kind === 'set') {
    const key = appKeySchema.safeParse(appKey.value);
    if (!key.success) issues.appKey = key.error.issues[0]?.message ?? 'This App Key is not accepted';
  }
  return issues;
}
