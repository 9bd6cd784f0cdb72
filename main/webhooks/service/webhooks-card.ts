// The Webhooks card's state: how many webhooks are active and whether any is failing (a run of failed attempts,
// an open circuit, or a receiver that deactivated it with 410 Gone).
import type { Clock } from '../../kernel';
import type { Webhooks } from '../create-webhooks';
import type { IntegrationCardState as CardState } from '../../../shared/domain/integrations';

/** What the card needs to know about one webhook. */
export interface WebhookCardFacts {
  active: boolean;
  deactivatedReason: string | null;
  /** Start of its current run of failed attempts; null when the last one succeeded. */
  failingSince: string | null;
  circuitOpen: boolean;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A webhook needs attention: the receiver turned it off, or it is on and its deliveries fail. */
export const isFailing = (w: WebhookCardFacts): boolean => w.deactivatedReason !== null || (w.active && (w.failingSince !== null || w.circuitOpen));

/** Not connected (none), Error (any failing), Paused (none active) or Connected, with counts underneath. */
export function webhooksCardState(webhooks: readonly WebhookCardFacts[]): CardState {
  if (webhooks.length === 0) return { status: 'not_connected', statusDetail: null };
  const active = webhooks.filter((w) => w.active).length;
  const failing = webhooks.filter(isFailing).length;
  const activeText = `${active} active`;
  if (failing > 0) return { status: 'error', statusDetail: `${activeText} · ${failing} failing` };
  if (active === 0) return { status: 'paused', statusDetail: `${plural(webhooks.length, 'webhook', 'webhooks')}, none active` };
  return { status: 'connected', statusDetail: `${plural(active, 'active webhook', 'active webhooks')}` };
}

/** Reads the facts from the webhook engine (its store, health queries and circuits) at call time. */
export function webhooksCardSource(webhooks: Webhooks, clock: Clock): () => CardState {
  return () => {
    const now = clock.now().getTime();
    const facts = webhooks.webhooks.list().map((row) => ({
      active: row.active,
      deactivatedReason: row.deactivatedReason,
      // Health is only asked of active webhooks: an inactive one's old failures are not news.
      failingSince: row.active ? webhooks.queries.health(row.id, now).failingSince : null,
      circuitOpen: row.active && webhooks.engine.circuit(row.id).state === 'open',
    }));
    return webhooksCardState(facts);
  };
}
