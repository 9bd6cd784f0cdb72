// Demo data and webhooks: demo events reach only webhooks that opted in (and demo mode's own, to the console's
// loopback receiver); Wipe removes that webhook with its deliveries.
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../ingest/sample-events';
import { useCleanup } from '../test-support/use-cleanup';
import { startReceiver, testCa } from '../webhooks/test-webhooks';
import { startDemoCore, type DemoCore } from './demo-test-fixture';

const cleanup = useCleanup();

/** Posts one real event with a real (non-demo) ingest key; returns its id. */
async function postRealEvent(t: DemoCore): Promise<string> {
  const apiKey = t.core.ingest.keys.create({ name: 'platform' }).apiKey;
  const res = await fetch(`${t.core.ingest.status().url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify(sampleEvent('call_ended', { id: 'real-call-1' })),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

const eventIdOf = (body: string) => (JSON.parse(body) as { id: string }).id;

describe('demo data and webhooks', () => {
  it('never delivers demo events to a webhook that did not opt in, while a real event reaches it; an opted-in one gets both', async () => {
    const t = cleanup.use(await startDemoCore({ clients: 20, cases: 20 }));
    const plain = cleanup.use(await startReceiver());
    const optedIn = cleanup.use(await startReceiver());
    t.core.webhooks.updateSettings({ allowlist: ['127.0.0.1/32'], extraCa: [testCa().ca] });
    const firm = await t.core.api.webhooks.create({ name: 'Firm CRM', url: plain.url });
    const sandbox = await t.core.api.webhooks.create({ name: 'Sandbox', url: optedIn.url, receivesDemo: true });
    expect(firm).toMatchObject({ receivesDemo: false, isDemo: false });
    expect(sandbox).toMatchObject({ receivesDemo: true, isDemo: false });

    await t.demo.start({ ratePerMinute: 6000, seed: true });
    await optedIn.waitFor(10);
    await t.demo.stop();
    const realId = await postRealEvent(t);
    await plain.waitFor(1);
    await optedIn.waitFor(t.count('events', 'is_demo = 1') + 1);

    expect(plain.requests.map((r) => eventIdOf(r.body))).toEqual([realId]);
    expect(t.count('webhook_deliveries', 'webhook_id = ? AND event_id IN (SELECT id FROM events WHERE is_demo = 1)', firm.id)).toBe(0);
    expect(t.count('events', 'is_demo = 1')).toBeGreaterThanOrEqual(10);
    expect(optedIn.requests.map((r) => eventIdOf(r.body))).toContain(realId);
    expect(t.count('webhook_deliveries', 'webhook_id = ? AND event_id IN (SELECT id FROM events WHERE is_demo = 1)', sandbox.id)).toBe(t.count('events', 'is_demo = 1'));
  });

  it("includes a Demo webhook to the console's own loopback receiver that gets the deliveries, removed by Wipe", async () => {
    const t = cleanup.use(await startDemoCore({ clients: 20, cases: 20, webhook: true }));
    const started = await t.demo.start({ ratePerMinute: 6000, seed: true });
    expect(started.receiver?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/demo-webhook$/);
    const [demoHook] = await t.core.api.webhooks.list({});
    expect(demoHook).toMatchObject({ name: 'Demo receiver', url: started.receiver!.url, isDemo: true, receivesDemo: true, active: true });
    // The firm's allowlist stays empty: only the demo webhook may post plain http to loopback.
    expect(t.core.webhooks.settings().allowlist).toEqual([]);
    await t.waitFor(() => t.count('webhook_deliveries', `webhook_id = ? AND state = 'succeeded'`, demoHook!.id) >= 5, '5 delivered demo events');
    await t.demo.stop();
    expect(t.demo.status().receiver!.received).toBeGreaterThanOrEqual(5);
    const page = await t.core.api.deliveries.list({ webhookId: demoHook!.id });
    expect(page.rows.length).toBeGreaterThanOrEqual(5);
    expect(page.rows.at(-1)).toMatchObject({ webhookName: 'Demo receiver', state: 'succeeded', lastStatus: 200 });

    const wiped = await t.demo.wipe();
    expect(wiped.deleted.webhooks).toBe(1);
    expect(await t.core.api.webhooks.list({})).toEqual([]);
    expect(t.count('webhooks')).toBe(0);
    expect(t.count('webhook_deliveries')).toBe(0);
    expect(t.demo.status().receiver).toBeNull();
  });

  it('refuses a plain-http loopback URL for any webhook the firm makes (the demo exemption is not theirs)', async () => {
    const t = cleanup.use(await startDemoCore({ clients: 20, cases: 20, webhook: true }));
    const started = await t.demo.start({ ratePerMinute: 60, seed: true });
    await t.demo.stop();
    await expect(t.core.api.webhooks.create({ name: 'Copy of demo', url: started.receiver!.url, receivesDemo: true })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('https://') });
  });
});
