// For webhook e2e tests: an HTTPS receiver on 127.0.0.1 (certificate from a CA made at test time) that records
// requests and answers as told, and the host settings that let the console reach and trust it.
import type { APIRequestContext } from '@playwright/test';
import { createReceiver, type Receiver, type ReceiverBehaviour } from './support/https-receiver';
import { rpcValue, type ConsoleHost } from './fixtures';

export type { Receiver, ReceiverBehaviour };

/** Starts a receiver and points the console's webhook settings at it (loopback allowlisted, its CA trusted). */
export async function startWebhookReceiver(request: APIRequestContext, host: ConsoleHost, behaviour?: ReceiverBehaviour): Promise<Receiver> {
  const receiver = await createReceiver(behaviour);
  await rpcValue(request, host, 'webhooks.updateSettings', { allowlist: ['127.0.0.1/32'], extraCa: [receiver.ca] });
  return receiver;
}
