import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signRequest } from './sign';
import { generateSigningSecret } from './signing-secret';
import { verifyKayseSignature, verifyStandardWebhook } from './verify';

const body = JSON.stringify({ id: 'evt_01JDKX', type: 'call_ended', created_at: '2026-11-26T20:00:00.000Z', test: false, data: { note: 'naïve ✓' } });
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('signRequest', () => {
  it('matches a known answer computed independently with node:crypto', () => {
    const keyBytes = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7));
    const secret = `whsec_${keyBytes.toString('base64')}`;
    const t = 1_795_723_200;
    const hex = createHmac('sha256', keyBytes).update(Buffer.from(`${t}.${body}`, 'utf8')).digest('hex');
    const b64 = createHmac('sha256', keyBytes).update(Buffer.from(`evt_01JDKX.${t}.${body}`, 'utf8')).digest('base64');
    expect(signRequest({ eventId: 'evt_01JDKX', rawBody: body, secrets: [secret], timestamp: t })).toEqual({
      'X-Kayse-Signature': `t=${t},v1=${hex}`,
      'webhook-id': 'evt_01JDKX',
      'webhook-timestamp': String(t),
      'webhook-signature': `v1,${b64}`,
    });
    // The same bytes as a Buffer sign the same.
    expect(signRequest({ eventId: 'evt_01JDKX', rawBody: Buffer.from(body), secrets: [secret], timestamp: t })['X-Kayse-Signature']).toBe(`t=${t},v1=${hex}`);
  });

  it('is accepted by the standardwebhooks library and by our verifiers (one secret)', () => {
    const secret = generateSigningSecret();
    const t = nowSeconds();
    const headers = signRequest({ eventId: 'evt_one', rawBody: body, secrets: [secret], timestamp: t });
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(verifyStandardWebhook({ rawBody: body, headers: { ...headers }, secrets: secret, now: new Date(t * 1000) })).toEqual({ ok: true });
    expect(verifyKayseSignature({ rawBody: body, header: headers['X-Kayse-Signature'], secrets: secret, now: new Date(t * 1000) })).toEqual({ ok: true });
  });

  it('carries one signature per secret during rotation, and each secret alone verifies', () => {
    const [active, previous, stranger] = [generateSigningSecret(), generateSigningSecret(), generateSigningSecret()];
    const t = nowSeconds();
    const headers = signRequest({ eventId: 'evt_two', rawBody: body, secrets: [active, previous], timestamp: t });
    expect(headers['X-Kayse-Signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=$/);
    const now = new Date(t * 1000);
    for (const secret of [active, previous]) {
      expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
      expect(verifyKayseSignature({ rawBody: body, header: headers['X-Kayse-Signature'], secrets: secret, now })).toEqual({ ok: true });
      expect(verifyStandardWebhook({ rawBody: body, headers: { ...headers }, secrets: secret, now })).toEqual({ ok: true });
    }
    expect(() => new Webhook(stranger).verify(body, { ...headers })).toThrow(/No matching signature/);
    expect(verifyKayseSignature({ rawBody: body, header: headers['X-Kayse-Signature'], secrets: stranger, now })).toEqual({ ok: false, reason: 'no_matching_signature' });
  });

  it('refuses bad input naming each bad field, without echoing a secret', () => {
    const bad = `whsec_${randomBytes(8).toString('base64')}`;
    let thrown: unknown;
    try {
      signRequest({ eventId: 'evt 1', rawBody: body, secrets: [], timestamp: 1.5 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'eventId' }, { path: 'timestamp' }, { path: 'secrets' }] } });
    expect(() => signRequest({ eventId: 'evt_1', rawBody: body, secrets: [generateSigningSecret(), bad], timestamp: 1 })).toThrow(
      /^secrets\.1 is not a webhook signing secret/,
    );
    const message = (() => {
      try {
        signRequest({ eventId: 'evt_1', rawBody: body, secrets: [bad], timestamp: 1 });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/base64 of 32 bytes/);
    expect(message).not.toContain(bad.slice(6));
  });
});
