// Cal.com's throttle: 120 requests a minute per key, then 429 for 60 s without Retry-After. The client reads the
// reset from X-RateLimit-Reset-Default and waits for it: until then its calls fail at once, naming the time left,
// without sending a request; once the (injected) clock passes the reset, requests go through again.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { SchedulingError } from './scheduling-error';
import { RATE_LIMIT } from './simulator';
import { startCalcomTest } from './test-calcom';

const cleanup = useCleanup();

async function failure(promise: Promise<unknown>): Promise<SchedulingError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SchedulingError) return error;
    throw error;
  }
  throw new Error('expected a SchedulingError, but the call succeeded');
}

describe('Cal.com rate limit', () => {
  it('after 120 requests in a minute: 429 with the reset header, no request until the reset, then served again', async () => {
    const t = cleanup.use(await startCalcomTest());
    const client = t.client();
    expect(RATE_LIMIT).toBe(120);
    for (let i = 0; i < RATE_LIMIT; i++) {
      await client.me();
      t.clock.advance(100); // 12 s in all: well inside one minute
    }
    const limited = await failure(client.me());
    expect(limited.kind).toBe('rate_limited');
    expect(limited.schedulingDetails).toMatchObject({ status: 429, retryAfterMs: 60_000 });
    expect(limited.message).toContain('accepts them again in 60 s');
    const sent = t.sim.requests().length;
    // What Cal.com sent: no Retry-After, the reset in its own header (asked directly: the client sends nothing now).
    const raw = await fetch(`${t.sim.url}/v2/me`, { headers: { authorization: `Bearer ${t.sim.keys.valid}` } });
    expect([raw.status, raw.headers.get('retry-after'), raw.headers.get('x-ratelimit-reset-default'), raw.headers.get('x-ratelimit-remaining-default')]).toEqual([429, null, '60', '0']);
    expect(t.sim.requests()).toHaveLength(sent + 1);
    expect(t.sim.requests().at(-1)!.status).toBe(429);

    t.clock.advance(59_000);
    const stillBlocked = await failure(client.me());
    expect(stillBlocked.kind).toBe('rate_limited');
    expect(stillBlocked.schedulingDetails.retryAfterMs).toBe(1_000);
    expect(client.blockedForMs()).toBe(1_000);
    expect(t.sim.requests()).toHaveLength(sent + 1);

    t.clock.advance(1_000);
    expect(client.blockedForMs()).toBe(0);
    expect((await client.me()).id).toBe(1001);
    expect(t.sim.requests()).toHaveLength(sent + 2);
  });

  it('counts per key: another key is served while one is blocked', async () => {
    const t = cleanup.use(await startCalcomTest());
    const busy = t.client();
    for (let i = 0; i <= RATE_LIMIT; i++) await busy.me().catch(() => undefined);
    expect(busy.blockedForMs()).toBe(60_000);
    // The expired key is counted on its own: it is refused for what it is, not throttled.
    expect((await failure(t.client({ apiKey: t.sim.keys.expired }).me())).kind).toBe('invalid_key');
  });

  it('honours a Retry-After when one is sent (a proxy in front of a self-hosted Cal.com)', async () => {
    const t = cleanup.use(await startCalcomTest());
    t.sim.setFault({ kind: 'rate_limit', retryAfterSeconds: 30 }, { times: 1 });
    const client = t.client();
    const limited = await failure(client.me());
    expect(limited.schedulingDetails.retryAfterMs).toBe(30_000);
    t.clock.advance(30_000);
    expect((await client.me()).id).toBe(1001);
  });
});
