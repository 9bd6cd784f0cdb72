// Replaying one delivery (`webhooks.replay`): queues a manual attempt of a delivery at once, unless it is a test
// delivery, an attempt of it is in flight, or its webhook was deleted; each refusal says what to do instead.
import type { DeliverySummary } from '../../../shared/contract/webhooks';
import { AppError } from '../../../shared/result';
import type { Clock } from '../../kernel';
import type { DeliveryEngine } from '../engine/delivery-engine';
import type { DeliveryQueries } from '../store/delivery-queries';
import type { DeliveryStore } from '../store/delivery-store';

export type ReplayDelivery = (deliveryId: string) => DeliverySummary;

/** Replays single deliveries through the store and wakes the engine to send them. */
export function createReplayDelivery(deps: { queries: DeliveryQueries; deliveries: DeliveryStore; engine: DeliveryEngine; clock: Clock }): ReplayDelivery {
  const { queries, deliveries, engine, clock } = deps;
  return (deliveryId) => {
    const before = queries.get(deliveryId);
    if (before.isTest) throw new AppError('CONFLICT', 'A test delivery is not replayed: send a new test instead.', { deliveryId });
    if (engine.isClaimed(deliveryId)) {
      throw new AppError('CONFLICT', `Delivery ${deliveryId} can't be replayed right now: an attempt is in flight; wait for it to finish.`, { deliveryId });
    }
    if (!deliveries.replay(deliveryId, clock.now().getTime())) {
      throw new AppError('CONFLICT', `Delivery ${deliveryId} can't be replayed: its webhook was deleted.`, { deliveryId, state: before.state });
    }
    engine.wake();
    return queries.get(deliveryId);
  };
}
