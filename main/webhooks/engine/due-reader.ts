// What is due, as the engine claims it: a webhook's due deliveries read a page ahead, and the request body of
// each event built once and cached (ten webhooks on one event send the same body). Bodies are kept as UTF-8
// bytes: both signatures and the socket need bytes, so a string would be encoded three times per attempt.
import { buildEnvelope, serializeEnvelope } from '../policy/envelope';
import type { DeliveryStore, DueDelivery } from '../store/delivery-store';
import type { WebhookRow } from '../store/webhook-store';

const BODY_CACHE_SIZE = 4_096;
/** Due deliveries read per webhook at a time. */
const PREFETCH = 64;

export interface DueReader {
  /**
   * Up to `room` due deliveries of a webhook, earliest first, none of `held` (those being sent: they stay
   * `pending` until their outcome is written, so a read of just `room` rows would mostly return them again).
   */
  take(w: WebhookRow, at: number, room: number, held: ReadonlySet<string> | undefined): DueDelivery[];
  /** The request body of a delivery (its bytes as sent), or null when its event is no longer stored. */
  bodyFor(d: DueDelivery): Buffer | null;
  /** Something outside changed what is due (new deliveries, a replay, a webhook): the read-ahead is dropped. */
  forget(): void;
}

export function createDueReader(deliveries: DeliveryStore): DueReader {
  const bodies = new Map<string, Buffer>();
  const prefetched = new Map<string, DueDelivery[]>();

  function bodyFor(d: DueDelivery): Buffer | null {
    // A test delivery's stored body: one request, nothing to share.
    if (d.body !== null) return Buffer.from(d.body, 'utf8');
    let body = bodies.get(d.eventId);
    if (body === undefined) {
      // Not read with the delivery because it was cached then; it may have been evicted since.
      const event = d.event ?? deliveries.event(d.eventId);
      if (event === null) return null;
      body = Buffer.from(serializeEnvelope(buildEnvelope(event, { test: false })), 'utf8');
      if (bodies.size >= BODY_CACHE_SIZE) bodies.delete(bodies.keys().next().value!);
      bodies.set(d.eventId, body);
    }
    return body;
  }

  return {
    take(w, at, room, held) {
      let queue = prefetched.get(w.id);
      if (queue === undefined || queue.length < room) {
        queue = deliveries
          .due(w.id, at, Math.max(PREFETCH, room) + (held?.size ?? 0), !w.active, (eventId) => !bodies.has(eventId))
          .filter((d) => !held?.has(d.id));
        // Bodies now, not at the claim: the other webhooks' read-ahead of the same events then finds them cached
        // instead of reading and parsing each event once per webhook.
        for (const d of queue) if (d.event !== null) bodyFor(d);
        prefetched.set(w.id, queue);
      }
      return queue.splice(0, room);
    },
    bodyFor,
    forget: () => prefetched.clear(),
  };
}
