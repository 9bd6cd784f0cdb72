// Who may post LawRuler's status changes: only a caller holding the current shared secret in X-Kayse-Webhook-Secret
// (an ingest API key is not enough), checked before the body is read; a new secret retires the old one at once;
// the secret is shown once and kept nowhere in the data dir.
import { describe, expect, it } from 'vitest';
import { filesContaining } from '../../test-support/scan-dir';
import { useCleanup } from '../../test-support/use-cleanup';
import { FULL_CALL, SECRET_HEADER, startWebhookTest, webhookError } from './test-crm-webhook';

const cleanup = useCleanup();
const start = async (options?: Parameters<typeof startWebhookTest>[0]) => cleanup.use(await startWebhookTest(options));

describe("LawRuler's inbound webhook: the shared secret", () => {
  it('is refused with 401 until a secret is generated, saying to generate one in the console', async () => {
    const t = await start({ generateSecret: false });
    expect((await t.core.api.crm.inboundWebhook({ crm: 'lawruler' })).configured).toBe(false);
    const res = await t.postForm(FULL_CALL, { [SECRET_HEADER]: 'lrwh_anything' });
    expect(res.status).toBe(401);
    const error = await webhookError(res);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'not_configured' } });
    expect(error.message).toMatch(/No webhook secret has been generated for LawRuler yet\. Generate one in the console/);
    expect(t.rows()).toEqual([]);
  });

  it('refuses a missing or wrong secret with 401 naming the header, and an ingest API key in its place', async () => {
    const t = await start();
    const missing = await t.postForm(FULL_CALL, { [SECRET_HEADER]: '' });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('ApiKey header="X-Kayse-Webhook-Secret"');
    expect(await webhookError(missing)).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('Send the webhook secret in the X-Kayse-Webhook-Secret header') });

    const wrong = await t.postForm(FULL_CALL, { [SECRET_HEADER]: `${t.secret.slice(0, -2)}xx` });
    expect(wrong.status).toBe(401);
    expect(await webhookError(wrong)).toMatchObject({ details: { reason: 'wrong' }, message: expect.stringContaining('not the current webhook secret') });

    const withApiKeyOnly = await t.postForm(FULL_CALL, { [SECRET_HEADER]: '', 'x-api-key': t.apiKey });
    expect(withApiKeyOnly.status).toBe(401);
    const apiKeyAsSecret = await t.postForm(FULL_CALL, { [SECRET_HEADER]: t.apiKey });
    expect(apiKeyAsSecret.status).toBe(401);
    expect(t.rows()).toEqual([]);

    // The secret alone is enough: LawRuler sends one static header, no API key.
    const accepted = await t.postForm(FULL_CALL);
    expect(accepted.status).toBe(200);
    expect(t.rows()).toHaveLength(1);
  });

  it('checks the secret before reading the body: a caller without it learns nothing about the body', async () => {
    const t = await start();
    const noSecret = { [SECRET_HEADER]: 'lrwh_guess' };
    expect((await t.postRaw('x'.repeat(200_000), 'application/x-www-form-urlencoded', noSecret)).status).toBe(401);
    expect((await t.postRaw('{not json', 'application/json', noSecret)).status).toBe(401);
    expect((await t.postRaw('hello', 'text/plain', noSecret)).status).toBe(401);
    expect((await t.postForm({ 'Lead ID': '1' }, noSecret)).status).toBe(401);
  });

  it('after a new secret is generated, the old one is refused and the new one works', async () => {
    const t = await start();
    expect((await t.postForm(FULL_CALL)).status).toBe(200);
    const old = t.secret;
    const rotated = await t.core.api.crm.rotateInboundSecret({ crm: 'lawruler' });
    expect(rotated.secret).toMatch(/^lrwh_[A-Za-z0-9_-]{43}$/);
    expect(rotated.secret).not.toBe(old);
    expect(rotated).toMatchObject({ configured: true, headerName: 'X-Kayse-Webhook-Secret', received: 1 });

    const refused = await t.postForm({ ...FULL_CALL, 'Status ID': '15' }, { [SECRET_HEADER]: old });
    expect(refused.status).toBe(401);
    expect((await webhookError(refused)).details?.reason).toBe('wrong');
    expect((await t.postForm({ ...FULL_CALL, 'Status ID': '15' }, { [SECRET_HEADER]: rotated.secret })).status).toBe(200);
    expect(t.rows().map((r) => r.payload.statusId)).toEqual(['14', '15']);
  });

  it('shows the secret once: the view never carries it and the data dir holds only its hash', async () => {
    const t = await start();
    const view = await t.core.api.crm.inboundWebhook({ crm: 'lawruler' });
    expect(JSON.stringify(view)).not.toContain(t.secret.slice(5));
    expect(view).not.toHaveProperty('secret');
    expect((await t.postForm(FULL_CALL)).status).toBe(200);
    t.core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await t.core.close();
    expect(filesContaining(t.core.dataDir, t.secret)).toEqual([]);
    expect(filesContaining(t.core.dataDir, t.secret.slice(5))).toEqual([]);
  });
});
