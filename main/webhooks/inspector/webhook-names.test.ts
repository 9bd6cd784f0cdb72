// deliveryLog.webhooks: the inspector's webhook filter lists deleted webhooks too (their log outlives them), last.
import { afterEach, describe, expect, it } from 'vitest';
import { must } from '../test-webhooks';
import { startInspectorEnv, type InspectorEnv } from './test-inspector';

let env: InspectorEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe('the webhooks the inspector filters by', () => {
  it('lists live webhooks oldest first, then deleted ones, with no health numbers', async () => {
    env = await startInspectorEnv();
    const first = await env.createWebhook({ name: 'First', url: env.receiver.url });
    const gone = await env.createWebhook({ name: 'Gone', url: env.receiver.url });
    const paused = await env.createWebhook({ name: 'Paused', url: env.receiver.url, active: false });
    await must(env.api.webhooks.delete({ id: gone.id }));
    expect(await must(env.api.deliveryLog.webhooks())).toEqual([
      { id: first.id, name: 'First', url: env.receiver.url, active: true, deleted: false },
      { id: paused.id, name: 'Paused', url: env.receiver.url, active: false, deleted: false },
      { id: gone.id, name: 'Gone', url: env.receiver.url, active: false, deleted: true },
    ]);
  });
});
