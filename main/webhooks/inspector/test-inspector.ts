// Test kit for the inspector's procedures: a core on a manual clock whose engine sends only on settle(), an HTTPS
// receiver, and cleanup() of both (for useCleanup). Only tests import this.
import { manualClock } from '../../test-support/clock';
import { answer, startReceiver, startWebhookCore, type Receiver, type ReceiverBehaviour } from '../test-webhooks';

export type InspectorEnv = Awaited<ReturnType<typeof startInspectorEnv>>;

/** A webhook core on a manual clock (circuit breaker out of the way) and one receiver answering `behaviour`. */
export async function startInspectorEnv(behaviour: ReceiverBehaviour = answer(200, 'ok')) {
  const clock = manualClock();
  const receiver: Receiver = await startReceiver(behaviour);
  const env = await startWebhookCore({ clock, webhooks: { timers: false, breaker: { threshold: 1_000, cooldownMs: 1_000, maxCooldownMs: 1_000 } } });
  return {
    ...env,
    clock,
    receiver,
    /** Sends everything that is due now. */
    settle: () => env.core.webhooks.engine.settle(),
    /** Closes the core, then the receiver. */
    async cleanup() {
      await env.cleanup();
      await receiver.close();
    },
  };
}
