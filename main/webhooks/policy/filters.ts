// Which events a webhook receives: demo events only if it opted in to demo data, then its event list (empty = all, future types included), campaign and case type filters.
import type { WebhookFilter } from '../../../shared/domain/webhooks';

/** The facts about an event the filters look at. */
export interface FilterableEvent {
  /** Any type string: types this build does not know yet still reach webhooks subscribed to all events. */
  type: string;
  campaignId: string | null;
  caseType: string | null;
  /** Posted with the demo key: only webhooks that opted in to demo data receive it. */
  isDemo?: boolean;
}

const caseTypeKey = (name: string) => name.trim().toLowerCase();

/** True when the webhook's filters let this event through (whether the webhook is active is the caller's concern). */
export function matchesWebhook(webhook: WebhookFilter, event: FilterableEvent): boolean {
  if (event.isDemo === true && webhook.receivesDemo !== true) return false;
  if (webhook.events.length > 0 && !(webhook.events as readonly string[]).includes(event.type)) return false;
  if (webhook.campaignId !== null && event.campaignId !== webhook.campaignId) return false;
  if (webhook.caseTypes.length > 0) {
    if (event.caseType === null || event.caseType.trim() === '') return false;
    const wanted = caseTypeKey(event.caseType);
    if (!webhook.caseTypes.some((name) => caseTypeKey(name) === wanted)) return false;
  }
  return true;
}
