// deliveryLog.verifySignature: which of the webhook's secrets reproduces a logged attempt's signatures and what a
// receiver would have made of it — after rotations, for tampered logs and skewed clocks — never revealing a secret.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import type { SignatureCheck } from '../../../shared/contract/delivery-log';
import { signRequest } from '../signing/sign';
import { startInspectorEnv, type InspectorEnv } from './test-inspector';

let env: InspectorEnv | undefined;
const cleanup = useCleanup();

const MINUTE = 60_000;

/** A webhook, one event delivered to it, and that delivery's first attempt id. */
async function deliveredOnce() {
  env = cleanup.use(await startInspectorEnv());
  const hook = await env.createWebhook({ url: env.receiver.url });
  await env.postEvent('call_ended');
  await env.settle();
  const [delivery] = (await env.api.deliveries.list({ webhookId: hook.id })).rows;
  const [attempt] = await env.api.deliveries.attempts({ deliveryId: delivery!.id });
  return { env, hook, attemptId: attempt!.id };
}

const verify = (e: InspectorEnv, attemptId: number): Promise<SignatureCheck> => e.api.deliveryLog.verifySignature({ attemptId });

/** Overwrites the logged request headers of an attempt (what a damaged or edited log looks like). */
function rewriteHeaders(e: InspectorEnv, attemptId: number, change: (headers: Record<string, string>) => Record<string, string>): void {
  const sqlite = e.core.database.sqlite;
  const row = sqlite.prepare('SELECT request_headers FROM webhook_attempts WHERE id = ?').get(attemptId) as { request_headers: string };
  const headers = change(JSON.parse(row.request_headers) as Record<string, string>);
  sqlite.prepare('UPDATE webhook_attempts SET request_headers = ? WHERE id = ?').run(JSON.stringify(headers), attemptId);
}

describe('verifying a logged signature', () => {
  it('accepts a request signed with the active secret, in both schemes, and never returns the secret', async () => {
    const { env, hook, attemptId } = await deliveredOnce();
    const check = await verify(env, attemptId);
    expect(check).toMatchObject({
      attemptId,
      webhookId: hook.id,
      verdict: 'accepted',
      matchedSecret: 'active',
      skewSeconds: 0,
      withinTolerance: true,
      toleranceSeconds: 300,
      schemes: [
        { scheme: 'X-Kayse-Signature', header: 'ok', signatures: 1, matched: 'active' },
        { scheme: 'Standard Webhooks', header: 'ok', signatures: 1, matched: 'active' },
      ],
    });
    expect(check.summary).toContain('active signing secret');
    // The receiver got exactly the timestamp the check reports.
    expect(env.receiver.requests[0]!.headers['x-kayse-signature']).toContain(`t=${check.timestamp}`);
    const { secret } = await env.api.webhooks.revealSecret({ id: hook.id });
    expect(JSON.stringify(check)).not.toContain(secret);
    expect(JSON.stringify(check)).not.toContain(secret.slice('whsec_'.length));
  });

  it('after a rotation says the previous secret matched, and the active one for requests signed during the grace period', async () => {
    const { env, hook, attemptId } = await deliveredOnce();
    env.clock.advance(MINUTE);
    await env.api.webhooks.rotateSecret({ id: hook.id, graceHours: 24 });
    const old = await verify(env, attemptId);
    expect(old).toMatchObject({ verdict: 'accepted', matchedSecret: 'previous' });
    expect(old.summary).toContain('previous signing secret');
    expect(old.secrets.previousValidUntil).toHaveLength(1);
    expect(old.summary).toContain(old.secrets.previousValidUntil[0]!.replace('.000Z', 'Z'));

    // Sent during the grace period: signed with both secrets.
    await env.postEvent('message_sent');
    await env.settle();
    const newest = (await env.api.deliveries.list({ webhookId: hook.id })).rows[0]!;
    const [attempt] = await env.api.deliveries.attempts({ deliveryId: newest.id });
    const fresh = await verify(env, attempt!.id);
    expect(fresh).toMatchObject({ verdict: 'accepted', matchedSecret: 'active' });
    expect(fresh.schemes.map((s) => s.signatures)).toEqual([2, 2]);
  });

  it('cannot check a request whose secret was rotated out without a grace period, and says why', async () => {
    const { env, hook, attemptId } = await deliveredOnce();
    env.clock.advance(MINUTE);
    await env.api.webhooks.rotateSecret({ id: hook.id, graceHours: 0 });
    const check = await verify(env, attemptId);
    expect(check).toMatchObject({ verdict: 'unverifiable', matchedSecret: 'none', secrets: { previousValidUntil: [] } });
    expect(check.summary).toContain('rotated out');
  });

  it('rejects a logged signature that no longer matches its body', async () => {
    const { env, attemptId } = await deliveredOnce();
    rewriteHeaders(env, attemptId, (h) => ({
      ...h,
      'X-Kayse-Signature': h['X-Kayse-Signature']!.replace(/v1=[0-9a-f]{64}/, `v1=${'0'.repeat(64)}`),
      'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')}`,
    }));
    const check = await verify(env, attemptId);
    expect(check).toMatchObject({ verdict: 'rejected', matchedSecret: 'none' });
    expect(check.schemes.map((s) => [s.header, s.matched])).toEqual([
      ['ok', 'none'],
      ['ok', 'none'],
    ]);
    expect(check.summary).toContain('would have rejected');
  });

  it('rejects a correctly signed request whose timestamp was 10 minutes off when it was sent', async () => {
    const { env, hook, attemptId } = await deliveredOnce();
    const { secret } = await env.api.webhooks.revealSecret({ id: hook.id });
    const detail = await env.api.deliveries.attempt({ id: attemptId });
    const sent = Math.floor(Date.parse(detail.startedAt) / 1000);
    const signed = signRequest({ eventId: detail.requestHeaders['X-Kayse-Event-Id']!, rawBody: detail.requestBody!, secrets: [secret], timestamp: sent - 600 });
    rewriteHeaders(env, attemptId, (h) => ({ ...h, ...signed }));
    const check = await verify(env, attemptId);
    expect(check).toMatchObject({ verdict: 'rejected', matchedSecret: 'active', skewSeconds: -600, withinTolerance: false, timestamp: sent - 600 });
    expect(check.summary).toContain('600 s behind');
  });

  it('names a missing or malformed header', async () => {
    const { env, attemptId } = await deliveredOnce();
    rewriteHeaders(env, attemptId, (h) => {
      const { 'webhook-signature': _gone, ...rest } = h;
      return { ...rest, 'X-Kayse-Signature': 'v1=nothex' };
    });
    const check = await verify(env, attemptId);
    expect(check.verdict).toBe('rejected');
    expect(check.schemes.map((s) => s.header)).toEqual(['malformed', 'missing']);
    expect(check.summary).toContain('no readable signature header');
  });

  it('says a deleted webhook’s attempts can no longer be checked, and NOT_FOUND for an unknown attempt', async () => {
    const { env, hook, attemptId } = await deliveredOnce();
    await env.api.webhooks.delete({ id: hook.id });
    const check = await verify(env, attemptId);
    expect(check).toMatchObject({ verdict: 'unverifiable', matchedSecret: 'none' });
    expect(check.summary).toContain('deleted');

    const unknown = await env.api.raw.deliveryLog.verifySignature({ attemptId: 999_999 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await env.api.raw.deliveryLog.verifySignature({ attemptId: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'attemptId' }] } } });
  });
});
