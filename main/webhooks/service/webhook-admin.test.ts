// Managing webhooks through the contract: every refusal on save names its field and rule and stores nothing;
// edits keep the id; deleting stops pending deliveries but keeps the log; secrets and App Keys stay in the store.
import { describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/api';
import { useCleanup } from '../../test-support/use-cleanup';
import { manualClock } from '../../test-support/clock';
import { KeychainSecretStore } from '../../secrets/keychain-store';
import { filesContaining } from '../../test-support/scan-dir';
import { hasSessionBus, testAppKey, testSecretService } from '../../test-support/temp-dir';
import { signingAccount } from '../signing/vault-entry';
import { verifyKayseSignature, verifyStandardWebhook } from '../signing/verify';
import { answer, startReceiver, startWebhookCore } from '../test-webhooks';
import type { Lookup } from '../../net/lookup';

const cleanup = useCleanup();

/** A fake resolver: the firm's names and what they resolve to; anything else does not exist. */
const ADDRESSES: Record<string, string> = {
  'hooks.firm-internal.test': '10.0.0.5',
  'loop.firm.test': '127.0.0.1',
  'hooks.example.com': '93.184.216.34',
  localhost: '127.0.0.1',
};
const lookup: Lookup = async (host) => {
  const address = ADDRESSES[host];
  if (address === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return [{ address, family: 4 }];
};

async function start(options: Parameters<typeof startWebhookCore>[0] = {}) {
  return cleanup.use(await startWebhookCore(options));
}

async function receiver(behaviour = answer(200, 'ok')) {
  return cleanup.use(await startReceiver(behaviour));
}

/** The v1 entries of an X-Kayse-Signature header. */
const v1Count = (header: string | undefined) => (header ?? '').split(',').filter((part) => part.startsWith('v1=')).length;

describe('saving a webhook checks every rule and names the one broken', () => {
  it('refuses a short name, an http:// URL and addresses that are private or loopback, storing nothing', async () => {
    const env = await start({ allowLoopback: false, webhooks: { lookup } });
    const { api } = env;

    const short = await refusal(api.raw.webhooks.create({ name: ' ab ', url: 'https://hooks.example.com/kayse' }));
    expect(short.code).toBe('INVALID_INPUT');
    expect(short.message).toContain('at least 3 characters');
    expect(short.details).toMatchObject({ issues: [{ path: 'name', message: expect.stringContaining('at least 3 characters') }] });

    const http = await refusal(api.raw.webhooks.create({ name: 'Firm CRM', url: 'http://hooks.example.com/kayse' }));
    expect(http.code).toBe('INVALID_INPUT');
    expect(http.details).toMatchObject({ issues: [{ path: 'url', message: expect.stringContaining('https://') }] });

    const internal = await refusal(api.raw.webhooks.create({ name: 'Firm CRM', url: 'https://hooks.firm-internal.test/kayse' }));
    expect(internal.code).toBe('INVALID_INPUT');
    expect(internal.message).toContain('10.0.0.5');
    expect(internal.message).toContain('private');
    expect(internal.details).toMatchObject({ issues: [{ path: 'url', rule: 'private', message: expect.stringContaining('hooks.firm-internal.test resolves to 10.0.0.5') }] });

    const loop = await refusal(api.raw.webhooks.create({ name: 'Firm CRM', url: 'https://loop.firm.test:8443/kayse' }));
    expect(loop.message).toContain('loopback');
    expect(loop.details).toMatchObject({ issues: [{ path: 'url', rule: 'loopback' }] });

    // The same rules on an edit: the stored webhook is left exactly as it was.
    await api.webhooks.updateSettings({ allowlist: ['127.0.0.1/32'] });
    const saved = await api.webhooks.create({ name: 'Firm CRM', url: 'https://loop.firm.test:8443/kayse', events: ['call_ended'] });
    const bad = await refusal(api.raw.webhooks.update({ id: saved.id, webhook: { name: 'Firm CRM v2', url: 'https://hooks.firm-internal.test/kayse' } }));
    expect(bad.message).toContain('10.0.0.5');
    const after = await api.webhooks.get({ id: saved.id });
    expect(after).toMatchObject({ name: 'Firm CRM', url: 'https://loop.firm.test:8443/kayse', events: ['call_ended'], updatedAt: saved.updatedAt });
    expect((await api.webhooks.list({})).map((w) => w.id)).toEqual([saved.id]);
  });

  it('accepts a loopback receiver only while 127.0.0.1 is allowlisted', async () => {
    const env = await start({ allowLoopback: false, webhooks: { lookup } });
    const { api } = env;
    const input = { name: 'Internal receiver', url: 'https://loop.firm.test:8443/kayse' };

    expect((await refusal(api.raw.webhooks.create(input))).details).toMatchObject({ issues: [{ path: 'url', rule: 'loopback' }] });
    await api.webhooks.updateSettings({ allowlist: ['127.0.0.1/32'] });
    const created = await api.webhooks.create(input);
    expect(created).toMatchObject({ name: 'Internal receiver', url: input.url, active: true, events: [], campaignId: null, caseTypes: [] });
    expect(await api.webhooks.checkUrl({ url: input.url })).toEqual({ ok: true, rule: null, message: null, addresses: ['127.0.0.1'], allowlisted: true });
    // A private address is still refused: the allowlist opens exactly the ranges it names.
    expect((await refusal(api.raw.webhooks.create({ ...input, url: 'https://hooks.firm-internal.test/kayse' }))).message).toContain('10.0.0.5');
    expect((await api.webhooks.list({})).map((w) => w.id)).toEqual([created.id]);
  });

  it('checkUrl reports the rule, the addresses and whether they are allowlisted', async () => {
    const { api } = await start({ allowLoopback: false, webhooks: { lookup } });
    expect(await api.webhooks.checkUrl({ url: 'https://hooks.example.com/kayse' })).toEqual({
      ok: true,
      rule: null,
      message: null,
      addresses: ['93.184.216.34'],
      allowlisted: false,
    });
    expect(await api.webhooks.checkUrl({ url: 'https://hooks.firm-internal.test/kayse' })).toEqual({
      ok: false,
      rule: 'private',
      message: expect.stringContaining('10.0.0.5'),
      addresses: ['10.0.0.5'],
      allowlisted: false,
    });
    expect(await api.webhooks.checkUrl({ url: 'https://loop.firm.test/kayse' })).toMatchObject({ ok: false, rule: 'loopback', addresses: ['127.0.0.1'] });
    expect(await api.webhooks.checkUrl({ url: 'http://hooks.example.com/kayse' })).toMatchObject({ ok: false, rule: 'https_only', message: expect.stringContaining('https://') });
    expect(await api.webhooks.checkUrl({ url: 'https://nowhere.firm.test/kayse' })).toMatchObject({ ok: false, rule: 'unresolvable', message: expect.stringContaining('nowhere.firm.test') });
    expect(await api.webhooks.checkUrl({ url: 'https://user:pw@hooks.example.com/kayse' })).toMatchObject({ ok: false, rule: 'credentials' });
    expect(await api.webhooks.checkUrl({ url: 'not a url' })).toMatchObject({ ok: false, rule: 'invalid_url' });
  });

  it('allows a campaign filter only with call events, and only for a campaign that exists', async () => {
    const r = await receiver();
    const { api } = await start();
    const campaign = await api.campaigns.create({ name: 'PI 2026' });

    const mixed = await refusal(api.raw.webhooks.create({ name: 'PI calls', url: r.url, campaignId: campaign.id, events: ['call_ended', 'message_sent'] }));
    expect(mixed.code).toBe('INVALID_INPUT');
    expect(mixed.details).toMatchObject({ issues: [{ path: 'campaignId', message: expect.stringContaining('only applies to call events') }] });
    expect(mixed.message).toContain('message_sent');

    const all = await refusal(api.raw.webhooks.create({ name: 'PI calls', url: r.url, campaignId: campaign.id, events: [] }));
    expect(all.details).toMatchObject({ issues: [{ path: 'campaignId', message: expect.stringContaining('explicit list of call events') }] });
    expect(await api.webhooks.list({})).toEqual([]);

    const events = ['call_started', 'call_ended', 'transcript_updated', 'transfer_bridged'] as const;
    const created = await api.webhooks.create({ name: 'PI calls', url: r.url, campaignId: campaign.id, events: [...events] });
    expect(created).toMatchObject({ campaignId: campaign.id, events: [...events] });
    expect((await api.webhooks.list({ campaignId: campaign.id })).map((w) => w.id)).toEqual([created.id]);
  });

  it('refuses an unknown case type listing the valid names, and keeps the stored list unchanged', async () => {
    const r = await receiver();
    const { api } = await start();
    await api.caseTypes.create({ name: 'Personal Injury', statuses: ['New Lead'] });
    await api.caseTypes.create({ name: 'Mass Tort', statuses: ['New Lead'] });

    const unknown = await refusal(api.raw.webhooks.create({ name: 'PI only', url: r.url, caseTypes: ['Space Law'] }));
    expect(unknown.message).toContain('Space Law');
    expect(unknown.message).toContain('Personal Injury');
    expect(unknown.message).toContain('Mass Tort');
    expect(unknown.details).toMatchObject({ issues: [{ path: 'caseTypes', message: expect.stringContaining('Space Law') }] });
    expect(await api.webhooks.list({})).toEqual([]);

    // Names match case-insensitively.
    expect((await api.webhooks.create({ name: 'PI only', url: r.url, caseTypes: ['personal injury'] })).caseTypes).toEqual(['personal injury']);
  });

  it('answers an unknown case type or campaign with UNPROCESSABLE and details.valid, as the contract says', async () => {
    const r = await receiver();
    const { api } = await start();
    await api.caseTypes.create({ name: 'Personal Injury', statuses: ['New Lead'] });
    const campaign = await api.campaigns.create({ name: 'PI 2026' });

    const caseType = await refusal(api.raw.webhooks.create({ name: 'PI only', url: r.url, caseTypes: ['Space Law'] }));
    expect(caseType.code).toBe('UNPROCESSABLE');
    expect(caseType.details).toMatchObject({ valid: ['Personal Injury'] });

    const unknownCampaign = await refusal(api.raw.webhooks.create({ name: 'PI calls', url: r.url, campaignId: 'camp_missing', events: ['call_ended'] }));
    expect(unknownCampaign.code).toBe('UNPROCESSABLE');
    expect(unknownCampaign.message).toContain('camp_missing');
    expect(unknownCampaign.details).toMatchObject({ valid: [campaign.id] });
  });
});

describe('editing, activating and deleting', () => {
  it('an update keeps the id and replaces the configuration; setActive toggles', async () => {
    const r = await receiver();
    const { api } = await start();
    const created = await api.webhooks.create({ name: 'Case updates', url: r.url });
    const updated = await api.webhooks.update({ id: created.id, webhook: { name: 'Case updates (CRM)', url: `${r.url}?v=2`, events: ['call_ended', 'form_submitted'] } });
    expect(updated).toMatchObject({ id: created.id, name: 'Case updates (CRM)', url: `${r.url}?v=2`, events: ['call_ended', 'form_submitted'], createdAt: created.createdAt });
    expect(await api.webhooks.list({})).toHaveLength(1);

    expect((await api.webhooks.setActive({ id: created.id, active: false })).active).toBe(false);
    expect((await api.webhooks.get({ id: created.id })).active).toBe(false);
    expect((await api.webhooks.setActive({ id: created.id, active: true })).active).toBe(true);
    expect((await api.webhooks.list({}))[0]).toMatchObject({ id: created.id, active: true, name: 'Case updates (CRM)' });

    expect((await refusal(api.raw.webhooks.update({ id: 'wh_missing', webhook: { name: 'Nope', url: r.url } }))).code).toBe('NOT_FOUND');
  });

  it('delete cancels pending deliveries, keeps their log, and removes the webhook and its secrets', async () => {
    const r = await receiver(answer(500, 'down for maintenance'));
    const clock = manualClock();
    const env = await start({ clock, webhooks: { timers: false } });
    const { api, core } = env;
    const hook = await api.webhooks.create({ name: 'Failing CRM', url: r.url });
    await api.webhooks.setAppKey({ id: hook.id, appKey: testAppKey() });
    await env.postEvent('call_ended');
    await env.postEvent('message_sent');
    await core.webhooks.engine.settle();
    expect(r.requests).toHaveLength(2);
    expect(env.deliveryRows().map((d) => d.state)).toEqual(['pending', 'pending']);

    expect(await api.webhooks.delete({ id: hook.id })).toEqual({ cancelledDeliveries: 2 });
    expect(await api.webhooks.list({})).toEqual([]);
    expect((await refusal(api.raw.webhooks.get({ id: hook.id }))).code).toBe('NOT_FOUND');

    const log = await api.deliveries.list({ webhookId: hook.id });
    expect(log.rows).toHaveLength(2);
    expect(log.rows.map((d) => d.state)).toEqual(['cancelled', 'cancelled']);
    expect(log.rows.map((d) => d.lastStatus)).toEqual([500, 500]);
    expect(await api.deliveries.attempts({ deliveryId: log.rows[0]!.id })).toHaveLength(1);

    await expect(core.webhooks.vault.reveal(hook.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await refusal(api.raw.webhooks.revealSecret({ id: hook.id }))).code).toBe('NOT_FOUND');
    expect(await core.secrets.get(signingAccount(hook.id))).toBeNull();
    expect(await core.secrets.get(`webhooks/${hook.id}/app-key`)).toBeNull();

    // The retries that were due never go, and new events no longer fan out to it.
    clock.advance(60 * 60_000);
    await env.postEvent('call_started');
    await core.webhooks.engine.settle();
    expect(r.requests).toHaveLength(2);
    expect(env.deliveryRows()).toHaveLength(2);
  });
});

describe('signing secret and App Key', () => {
  it('reveal returns a whsec_ secret; after a rotation both secrets sign until the grace period ends', async () => {
    const r = await receiver();
    const clock = manualClock();
    const env = await start({ clock, webhooks: { timers: false } });
    const { api, core } = env;
    const hook = await api.webhooks.create({ name: 'Signed CRM', url: r.url });
    const { secret: oldSecret } = await api.webhooks.revealSecret({ id: hook.id });
    expect(oldSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    await env.postEvent('call_ended');
    await core.webhooks.engine.settle();
    const [first] = await r.waitFor(1);
    expect(v1Count(first!.headers['x-kayse-signature'])).toBe(1);
    expect(verifyKayseSignature({ rawBody: first!.body, header: first!.headers['x-kayse-signature'], secrets: [oldSecret], now: clock.now() })).toEqual({ ok: true });

    const rotated = await api.webhooks.rotateSecret({ id: hook.id });
    expect(rotated.previousValidUntil).toBe(new Date(clock.now().getTime() + 24 * 3_600_000).toISOString());
    const { secret: newSecret } = await api.webhooks.revealSecret({ id: hook.id });
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    expect((await api.webhooks.secretInfo({ id: hook.id })).previousValidUntil).toEqual([rotated.previousValidUntil]);

    clock.advance(60_000);
    await env.postEvent('call_ended', { occurred_at: '2026-11-26T20:01:00Z' });
    await core.webhooks.engine.settle();
    const [, during] = await r.waitFor(2);
    const h = during!.headers;
    expect(v1Count(h['x-kayse-signature'])).toBe(2);
    expect(h['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const secret of [oldSecret, newSecret]) {
      expect(verifyKayseSignature({ rawBody: during!.body, header: h['x-kayse-signature'], secrets: [secret], now: clock.now() })).toEqual({ ok: true });
      expect(verifyStandardWebhook({ rawBody: during!.body, headers: h, secrets: [secret], now: clock.now() })).toEqual({ ok: true });
    }

    clock.advance(24 * 3_600_000);
    await env.postEvent('call_ended', { occurred_at: '2026-11-27T20:02:00Z' });
    await core.webhooks.engine.settle();
    const [, , after] = await r.waitFor(3);
    expect(v1Count(after!.headers['x-kayse-signature'])).toBe(1);
    expect(after!.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(verifyKayseSignature({ rawBody: after!.body, header: after!.headers['x-kayse-signature'], secrets: [newSecret], now: clock.now() })).toEqual({ ok: true });
    expect(verifyKayseSignature({ rawBody: after!.body, header: after!.headers['x-kayse-signature'], secrets: [oldSecret], now: clock.now() })).toEqual({
      ok: false,
      reason: 'no_matching_signature',
    });
    expect((await api.webhooks.secretInfo({ id: hook.id })).previousValidUntil).toEqual([]);
  });

  // Runs against the real Secret Service inside scripts/with-keyring.sh; CI must not skip it.
  it.skipIf(!hasSessionBus() && !process.env.CI)('keeps the App Key and the signing secret in the OS keychain, nowhere in the data dir', async () => {
    const r = await receiver();
    const service = testSecretService();
    const env = await start({ fileSecrets: false, secretService: service });
    const { api, core } = env;
    expect(core.secrets.backend).toBe('keychain');
    const keychain = new KeychainSecretStore(service);

    const hook = await api.webhooks.create({ name: 'Keychain CRM', url: r.url });
    const appKey = testAppKey();
    expect((await api.webhooks.setAppKey({ id: hook.id, appKey })).hasAppKey).toBe(true);
    expect(await keychain.get(`webhooks/${hook.id}/app-key`)).toBe(appKey);
    const { secret } = await api.webhooks.revealSecret({ id: hook.id });
    expect(await keychain.get(signingAccount(hook.id))).toContain(secret);

    await env.postEvent('call_ended');
    const [req] = await r.waitFor(1);
    expect(req!.headers['x-public-api-key']).toBe(appKey);
    await expect.poll(() => env.deliveryRows()[0]?.state, { timeout: 5_000 }).toBe('succeeded');
    expect(filesContaining(core.dataDir, appKey)).toEqual([]);
    expect(filesContaining(core.dataDir, secret.slice('whsec_'.length))).toEqual([]);

    await api.webhooks.delete({ id: hook.id });
    expect(await keychain.get(`webhooks/${hook.id}/app-key`)).toBeNull();
    expect(await keychain.get(signingAccount(hook.id))).toBeNull();
  });
});
