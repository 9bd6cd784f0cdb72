import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signRequest } from './sign';
import { generateSigningSecret } from './signing-secret';
import { verifyKayseSignature, verifyStandardWebhook } from './verify';

const secret = generateSigningSecret();
const body = '{"id":"evt_42","type":"call_ended","data":{}}';
const t = 1_795_723_200;
const at = (seconds: number) => new Date(seconds * 1000);
const signed = signRequest({ eventId: 'evt_42', rawBody: body, secrets: [secret], timestamp: t });
const kayse = signed['X-Kayse-Signature'];
const standard = { 'webhook-id': signed['webhook-id'], 'webhook-timestamp': signed['webhook-timestamp'], 'webhook-signature': signed['webhook-signature'] };

describe('verifyKayseSignature', () => {
  it('accepts the signed request within the tolerance, either side', () => {
    expect(verifyKayseSignature({ rawBody: body, header: kayse, secrets: secret, now: at(t) })).toEqual({ ok: true });
    expect(verifyKayseSignature({ rawBody: Buffer.from(body), header: kayse, secrets: [secret], now: at(t + 300) })).toEqual({ ok: true });
    expect(verifyKayseSignature({ rawBody: body, header: kayse, secrets: secret, now: at(t - 300) })).toEqual({ ok: true });
  });

  it.each([
    ['a tampered body', { rawBody: body.replace('42', '43') }, 'no_matching_signature'],
    ['a wrong secret', { secrets: generateSigningSecret() }, 'no_matching_signature'],
    ['a timestamp older than 5 minutes', { now: at(t + 301) }, 'timestamp_too_old'],
    ['a timestamp more than 5 minutes ahead', { now: at(t - 301) }, 'timestamp_in_future'],
    ['a tighter tolerance', { now: at(t + 61), toleranceSeconds: 60 }, 'timestamp_too_old'],
    ['no header', { header: undefined }, 'missing_header'],
    ['an empty header', { header: ' ' }, 'missing_header'],
    ['no timestamp', { header: kayse.replace(/^t=\d+,/, '') }, 'malformed_header'],
    ['a non-numeric timestamp', { header: kayse.replace(/^t=\d+/, 't=soon') }, 'malformed_header'],
    ['two timestamps', { header: `t=${t},${kayse}` }, 'malformed_header'],
    ['no v1 signature', { header: `t=${t},v0=abc` }, 'malformed_header'],
    ['a v1 that is not 64 lowercase hex', { header: kayse.toUpperCase().replace('T=', 't=').replace('V1=', 'v1=') }, 'malformed_header'],
    ['garbage', { header: 'sha256=deadbeef' }, 'malformed_header'],
  ])('rejects %s', (_label, change, reason) => {
    expect(verifyKayseSignature({ rawBody: body, header: kayse, secrets: secret, now: at(t), ...change })).toEqual({ ok: false, reason });
  });

  it('ignores schemes it does not know and accepts any matching v1', () => {
    const other = generateSigningSecret();
    const header = kayse.replace(`t=${t},`, `t=${t},v2=future,v1=${'0'.repeat(64)},`);
    expect(verifyKayseSignature({ rawBody: body, header, secrets: [other, secret], now: at(t) })).toEqual({ ok: true });
  });
});

describe('verifyStandardWebhook', () => {
  it('accepts the signed request from a plain object (any header case) or a fetch Headers', () => {
    expect(verifyStandardWebhook({ rawBody: body, headers: standard, secrets: secret, now: at(t) })).toEqual({ ok: true });
    const upper = { 'Webhook-Id': standard['webhook-id'], 'WEBHOOK-TIMESTAMP': standard['webhook-timestamp'], 'Webhook-Signature': standard['webhook-signature'] };
    expect(verifyStandardWebhook({ rawBody: body, headers: upper, secrets: secret, now: at(t) })).toEqual({ ok: true });
    expect(verifyStandardWebhook({ rawBody: body, headers: new Headers(standard), secrets: secret, now: at(t) })).toEqual({ ok: true });
  });

  it('accepts a signature made by the standardwebhooks library (an independent signer)', () => {
    const signature = new Webhook(secret).sign('msg_independent', at(t), body);
    const headers = { 'webhook-id': 'msg_independent', 'webhook-timestamp': String(t), 'webhook-signature': signature };
    expect(verifyStandardWebhook({ rawBody: body, headers, secrets: secret, now: at(t) })).toEqual({ ok: true });
  });

  it.each([
    ['a tampered body', { rawBody: `${body} ` }, 'no_matching_signature'],
    ['a wrong secret', { secrets: generateSigningSecret() }, 'no_matching_signature'],
    ['another event id', { headers: { ...standard, 'webhook-id': 'evt_43' } }, 'no_matching_signature'],
    ['only signature versions it does not know', { headers: { ...standard, 'webhook-signature': standard['webhook-signature'].replace('v1,', 'v1a,') } }, 'no_matching_signature'],
    ['a timestamp older than 5 minutes', { now: at(t + 301) }, 'timestamp_too_old'],
    ['a timestamp more than 5 minutes ahead', { now: at(t - 301) }, 'timestamp_in_future'],
    ['no signature header', { headers: { 'webhook-id': 'evt_42', 'webhook-timestamp': String(t) } }, 'missing_header'],
    ['no headers at all', { headers: {} }, 'missing_header'],
    ['a non-numeric timestamp', { headers: { ...standard, 'webhook-timestamp': 'now' } }, 'malformed_header'],
    ['an entry without a version', { headers: { ...standard, 'webhook-signature': standard['webhook-signature'].slice(3) } }, 'malformed_header'],
    ['a v1 that is not a base64 SHA-256', { headers: { ...standard, 'webhook-signature': 'v1,abc' } }, 'malformed_header'],
    ['a repeated id header', { headers: { ...standard, 'webhook-id': ['evt_42', 'evt_43'] } }, 'malformed_header'],
  ])('rejects %s', (_label, change, reason) => {
    expect(verifyStandardWebhook({ rawBody: body, headers: standard, secrets: secret, now: at(t), ...change })).toEqual({ ok: false, reason });
  });
});
