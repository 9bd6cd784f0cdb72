import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { filesContaining, listFiles } from '../test-support/scan-dir';
import { sampleEvent } from './sample-events';
import { manualClock } from '../test-support/clock';
import { errorOf, startIngest } from './test-ingest';

const cleanup = useCleanup();
async function start(options?: Parameters<typeof startIngest>[0]) {
  return cleanup.use(await startIngest(options));
}

describe('ingest API keys', () => {
  it('refuse requests without a key, with a wrong key and with a revoked key (401), storing nothing', async () => {
    const t = await start();
    const event = sampleEvent('call_started');
    const none = await fetch(`${t.url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    expect(none.status).toBe(401);
    expect(await errorOf(none)).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('X-API-KEY') });
    const wrong = await t.post(event, { 'x-api-key': `${t.apiKey.slice(0, -2)}xx` });
    expect(wrong.status).toBe(401);
    expect((await t.put('/v1/clients/kayse/1', { first_name: 'Jane' }, { 'x-api-key': 'kik_nope' })).status).toBe(401);
    expect(t.countEvents()).toBe(0);

    expect((await t.post(event)).status).toBe(202);
    await t.core.api.ingestKeys.revoke({ id: t.key.id });
    const revoked = await t.post(event);
    expect(revoked.status).toBe(401);
    expect((await errorOf(revoked)).message).toMatch(/was revoked on \d{4}-/);
    expect(t.countEvents()).toBe(1);
  });

  it('show the key once and keep only its hash and prefix: the key is nowhere in the data dir', async () => {
    const t = await start();
    const { apiKey, key } = await t.core.api.ingestKeys.create({ name: 'Voice platform' });
    expect(apiKey).toMatch(/^kik_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.startsWith(key.prefix)).toBe(true);
    expect((await t.post(sampleEvent('call_started'), { 'x-api-key': apiKey })).status).toBe(202);
    const listed = await t.core.api.raw.ingestKeys.list();
    expect(JSON.stringify(listed)).not.toContain(apiKey);
    t.core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await t.core.close();
    expect(listFiles(t.core.dataDir).some((f) => f.endsWith('console.db'))).toBe(true);
    expect(filesContaining(t.core.dataDir, apiKey)).toEqual([]);
    expect(filesContaining(t.core.dataDir, apiKey.slice(4))).toEqual([]);
    // The scan does find what is stored: the prefix shown in lists.
    expect(filesContaining(t.core.dataDir, key.prefix).length).toBeGreaterThan(0);
  });

  it('record when a key was last used', async () => {
    const clock = manualClock();
    const t = await start({ clock });
    expect(t.core.ingest.keys.list()[0]!.lastUsedAt).toBeNull();
    await t.post(sampleEvent('call_started'));
    expect(t.core.ingest.keys.list()[0]!.lastUsedAt).toBe('2026-11-26T20:00:00.000Z');
    clock.advance(120_000);
    await t.post(sampleEvent('call_started'));
    expect(t.core.ingest.keys.list()[0]!.lastUsedAt).toBe('2026-11-26T20:02:00.000Z');
  });

  it('limit requests per minute per key: 429 with Retry-After, and requests pass again once it has passed', async () => {
    const clock = manualClock();
    const t = await start({ clock, rateLimitPerMinute: 2 });
    const event = sampleEvent('call_started');
    expect((await t.post(event)).status).toBe(202);
    expect((await t.post(event)).status).toBe(202);
    const limited = await t.post(event);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(await errorOf(limited)).toMatchObject({ code: 'RATE_LIMITED', details: { limitPerMinute: 2, retryAfterSeconds: 30 } });
    expect(t.countEvents()).toBe(2);
    // Another key has its own allowance.
    const other = t.core.ingest.keys.create({ name: 'other' }).apiKey;
    expect((await t.post(event, { 'x-api-key': other })).status).toBe(202);
    clock.advance(30_000);
    expect((await t.post(event)).status).toBe(202);
    expect((await t.post(event)).status).toBe(429);
  });
});
