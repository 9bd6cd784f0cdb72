// For webhook e2e tests: the unit tests' HTTPS receiver (test CA made at test time) and the host settings that let
// the console reach and trust it.
import type { APIRequestContext } from '@playwright/test';
import { answer, startReceiver, type Receiver, type ReceiverBehaviour } from '../main/webhooks/test-receiver';
import { rpcValue, type ConsoleHost } from './fixtures';

export { answer, type Receiver, type ReceiverBehaviour };

/** Starts a receiver and points the console's webhook settings at it (loopback allowlisted, its CA trusted). */
export async function startWebhookReceiver(request: APIRequestContext, host: ConsoleHost, behaviour?: ReceiverBehaviour): Promise<Receiver> {
  const receiver = await startReceiver(behaviour);
  await rpcValue(request, host, 'webhooks.updateSettings', { allowlist: ['127.0.0.1/32'], extraCa: [receiver.ca] });
  return receiver;
}
