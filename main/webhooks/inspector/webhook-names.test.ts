// deliveryLog.webhooks: the inspector's webhook filter lists deleted webhooks too (their log outlives them), last.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { startInspectorEnv, type InspectorEnv } from './test-inspector';

let env: InspectorEnv | undefined;
const cleanup = useCleanup();

describe('the webhooks the inspector filters by', () => {
  it('lists live webhooks oldest first, then deleted ones, with no health numbers', async () => {
    env = cleanup.use(await startInspectorEnv());
    const first = await env.createWebhook({ name: 'First', url: env.receiver.url });
    const gone = await env.createWebhook({ name: 'Gone', url: env.receiver.url });
    const paused = await env.createWebhook({ name: 'Paused', url: env.receiver.url, active: false });
    await env.api.webhooks.delete({ id: gone.id });
    expect(await env.api.deliveryLog.webhooks()).toEqual([
      { id: first.id, name: 'First', url: env.receiver.url, active: true, deleted: false },
      { id: paused.id, name: 'Paused', url: env.receiver.url, active: false, deleted: false },
      { id: gone.id, name: 'Gone', url: env.receiver.url, active: false, deleted: true },
    ]);
  });
});
