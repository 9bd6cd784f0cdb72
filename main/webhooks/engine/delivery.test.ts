// An accepted event reaches a real HTTPS receiver signed both ways, with the contract's headers, and every
// attempt is in the log (App Key masked).
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { testAppKey } from '../../test-support/temp-dir';
import { verifyKayseSignature, verifyStandardWebhook } from '../signing/verify';
import { startReceiver, startWebhookCore, type Receiver } from '../test-webhooks';

let env: Awaited<ReturnType<typeof startWebhookCore>> | undefined;
let receiver: Receiver | undefined;
const cleanup = useCleanup();

describe('delivering an accepted event', () => {
  it('sends the envelope with every contract header, verifiable with both schemes and a Standard Webhooks library', async () => {
    receiver = cleanup.use(await startReceiver());
    env = cleanup.use(await startWebhookCore());
    const hook = await env.createWebhook({ url: receiver.url });
    const eventId = await env.postEvent('call_ended');

    const [req] = await receiver.waitFor(1);
    expect(req!.method).toBe('POST');
    expect(req!.path).toBe('/hooks/kayse');
    const body = JSON.parse(req!.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['id', 'type', 'created_at', 'test', 'campaign_id', 'case_type', 'data']);
    expect(body).toMatchObject({ id: eventId, type: 'call_ended', test: false, campaign_id: 'camp_pi_2026' });
    expect((body.data as Record<string, unknown>).call_id).toBe('call_8f2k');

    const h = req!.headers;
    expect(h['content-type']).toBe('application/json');
    expect(h['user-agent']).toMatch(/^KayseWebhooks\/\d+\.\d+\.\d+/);
    expect(h['x-kayse-event']).toBe('call_ended');
    expect(h['x-kayse-event-id']).toBe(eventId);
    expect(h['x-kayse-delivery']).toMatch(/^dlv_/);
    expect(h['x-kayse-attempt']).toBe('1');
    expect(h['x-kayse-test']).toBeUndefined();
    expect(h['x-public-api-key']).toBeUndefined();

    const { secret } = await env.api.webhooks.revealSecret({ id: hook.id });
    const now = new Date();
    expect(verifyKayseSignature({ rawBody: req!.body, header: h['x-kayse-signature']!, secrets: [secret], now })).toEqual({ ok: true });
    expect(verifyStandardWebhook({ rawBody: req!.body, headers: h, secrets: [secret], now }).ok).toBe(true);
    expect(() => new StandardWebhook(secret.slice('whsec_'.length)).verify(req!.body, h)).not.toThrow();
    expect(() => new StandardWebhook(secret.slice('whsec_'.length)).verify(req!.body.replace('call_ended', 'call_endeD'), h)).toThrow();

    await expect.poll(() => env!.deliveryRows()[0]?.state).toBe('succeeded');
    const [attempt] = env.attemptRows();
    expect(attempt).toMatchObject({ number: 1, trigger: 'scheduled', response_status: 200, response_body: 'ok', error_class: null, resolved_ip: '127.0.0.1' });
    expect(attempt!.finished_at).not.toBeNull();
    expect(JSON.parse(attempt!.request_headers)['X-Kayse-Signature']).toBe(h['x-kayse-signature']);
  });

  it('sends the App Key as X-Public-Api-Key and logs it masked', async () => {
    receiver = cleanup.use(await startReceiver());
    env = cleanup.use(await startWebhookCore());
    const hook = await env.createWebhook({ url: receiver.url });
    const appKey = testAppKey();
    expect((await env.api.webhooks.setAppKey({ id: hook.id, appKey })).hasAppKey).toBe(true);
    await env.postEvent('message_sent');

    const [req] = await receiver.waitFor(1);
    expect(req!.headers['x-public-api-key']).toBe(appKey);
    await expect.poll(() => env!.attemptRows()[0]?.finished_at ?? null).not.toBeNull();
    const logged = JSON.parse(env.attemptRows()[0]!.request_headers) as Record<string, string>;
    expect(logged['X-Public-Api-Key']).toBe(`••••${appKey.slice(-4)}`);
    const rows = JSON.stringify(env.core.database.sqlite.prepare('SELECT * FROM webhook_attempts').all());
    expect(rows).not.toContain(appKey);

    expect((await env.api.webhooks.clearAppKey({ id: hook.id })).hasAppKey).toBe(false);
    expect(await env.core.secrets.get(`webhooks/${hook.id}/app-key`)).toBeNull();
    await env.postEvent('message_sent', { occurred_at: '2026-11-26T20:01:00Z' });
    const [, second] = await receiver.waitFor(2);
    expect(second!.headers['x-public-api-key']).toBeUndefined();
  });
});
