// Demo mode's webhook side: the loopback receiver the console runs itself and the demo webhook pointing at it, so
// the delivery inspector has real deliveries to show. Started with the generator (a restarted console starts a new
// receiver and points the demo webhook at its new port), removed by Wipe.
import type { Logger } from '../log';
import type { DemoWebhook } from '../webhooks';
import { startDemoReceiver, type DemoReceiver } from './demo-receiver';

export interface DemoDelivery {
  /** Starts the receiver (if not running) and creates or re-points the demo webhook; failures are logged, not thrown. */
  start(): Promise<void>;
  /** True when demo mode's webhook exists (made by an earlier run). */
  exists(): boolean;
  /** The receiver's address while it runs. */
  url(): string | null;
  /** Requests the receiver got since it started. */
  received(): number;
  /** Removes the demo webhook (with its deliveries) and stops the receiver; resolves to the webhooks removed. */
  wipe(): Promise<number>;
  close(): Promise<void>;
}

export function createDemoDelivery(webhook: DemoWebhook | undefined, logger: Logger): DemoDelivery {
  let receiver: DemoReceiver | undefined;
  const stop = async () => {
    const running = receiver;
    receiver = undefined;
    await running?.close();
  };
  return {
    async start() {
      if (!webhook) return;
      try {
        receiver ??= await startDemoReceiver();
        const row = await webhook.ensure(receiver.url);
        logger.info({ url: receiver.url, webhookId: row.id }, 'demo webhook receiver running');
      } catch (error) {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'demo webhook not set up (the rest of demo mode runs without it)');
      }
    },
    exists: () => webhook?.exists() ?? false,
    url: () => receiver?.url ?? null,
    received: () => receiver?.received() ?? 0,
    async wipe() {
      const removed = webhook ? await webhook.wipe() : 0;
      await stop();
      return removed;
    },
    close: stop,
  };
}
