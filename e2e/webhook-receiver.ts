// For webhook e2e tests: the unit tests' HTTPS receiver (test CA made at test time) and the host settings that let
// the console reach and trust it.
import type { Cleanup } from '../main/test-support/cleanup';
import { answer, startReceiver, type Receiver, type ReceiverBehaviour } from '../main/webhooks/test-receiver';
import type { ConsoleHost } from './fixtures';

export { answer, type Receiver, type ReceiverBehaviour };

/**
 * Starts a receiver, closed by `cleanup` after the test, and points the console's webhook settings at it (loopback
 * allowlisted, its CA trusted).
 */
export async function startWebhookReceiver(host: ConsoleHost, cleanup: Cleanup, behaviour?: ReceiverBehaviour): Promise<Receiver> {
  const receiver = cleanup.use(await startReceiver(behaviour));
  await host.api.webhooks.updateSettings({ allowlist: ['127.0.0.1/32'], extraCa: [receiver.ca] });
  return receiver;
}
