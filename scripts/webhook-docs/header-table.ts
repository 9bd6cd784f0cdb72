// The header table and the full example request, both from the engine's own header builder: a header the engine
// sends without a note here (or a note for one it no longer sends) stops the generator.
import { APP_KEY_HEADER } from '../../main/webhooks/engine/request-headers';
import { code, codeBlock, table } from './markdown';
import { EXAMPLE_SECRETS, sampleRequest } from './sample-deliveries';

const HEADER_NOTES: Record<string, { when: string; value: string }> = {
  'Content-Type': { when: 'always', value: '`application/json`' },
  'User-Agent': { when: 'always', value: '`KayseWebhooks/<console version>`' },
  'X-Kayse-Event': { when: 'always', value: 'the event type (the body\'s `type`)' },
  'X-Kayse-Event-Id': { when: 'always', value: 'the event id (the body\'s `id`): deduplicate on it' },
  'X-Kayse-Delivery': { when: 'always', value: 'the delivery id: one per (webhook, event), the same on every attempt and replay of it' },
  'X-Kayse-Attempt': { when: 'always', value: 'the attempt number, from 1; replays go on counting' },
  'X-Kayse-Signature': {
    when: 'always',
    value: '`t=<unix seconds>,v1=<hex>`: one `v1=` per valid secret (two during a rotation), see [Verifying](#verifying-a-request)',
  },
  'webhook-id': { when: 'always', value: 'Standard Webhooks: the event id' },
  'webhook-timestamp': { when: 'always', value: 'Standard Webhooks: the same `t` as in X-Kayse-Signature' },
  'webhook-signature': { when: 'always', value: 'Standard Webhooks: `v1,<base64>`, one per valid secret, space-separated' },
  [APP_KEY_HEADER]: { when: 'when an App Key is attached to the webhook', value: 'the App Key, as entered' },
  'X-Kayse-Test': { when: 'test deliveries only', value: '`true`' },
};

/** A request with every optional header present, so every header the engine can send is seen. */
const everyHeader = () => sampleRequest('call_ended', { appKey: 'app-key-example-0001', test: true });

/** The header table, in the order the engine sets them. */
export function headerTable(): string {
  const sent = Object.keys(everyHeader().headers);
  const undocumented = sent.filter((name) => !(name in HEADER_NOTES));
  if (undocumented.length > 0) throw new Error(`the engine sends headers the docs don't describe: ${undocumented.join(', ')} (add them to scripts/webhook-docs/header-table.ts)`);
  const gone = Object.keys(HEADER_NOTES).filter((name) => !sent.includes(name));
  if (gone.length > 0) throw new Error(`the docs describe headers the engine no longer sends: ${gone.join(', ')}`);
  return table(['header', 'sent', 'value'], sent.map((name) => [code(name), HEADER_NOTES[name]!.when, HEADER_NOTES[name]!.value]));
}

/** The whole example request (a call_ended event during a secret rotation) as it goes on the wire. */
export function exampleRequest(): string {
  const { headers, body } = sampleRequest('call_ended');
  const lines = ['POST /kayse/webhooks HTTP/1.1', 'Host: hooks.example.com', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), '', body];
  return codeBlock('http', lines.join('\n'));
}

/** The signing secrets the examples are signed with. */
export const exampleSecrets = (): string =>
  table(['secret', ''], [
    [code(EXAMPLE_SECRETS[0]), 'the active secret'],
    [code(EXAMPLE_SECRETS[1]), 'a rotated-out secret, still in its grace period'],
  ]);
