import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { startTestCore } from '../test-support/test-core';
import { sampleEvent } from './sample-events';
import { manualClock } from '../test-support/clock';

const cleanup = useCleanup();
function start() {
  const clock = manualClock();
  const core = cleanup.use(startTestCore({ fileSecrets: true, clock }));
  return { core, clock };
}

describe('events, ingestKeys and ingest procedures', () => {
  it('list stored events newest first, filtered and paged, and get one with its data', async () => {
    const { core, clock } = start();
    const accept = async (type: Parameters<typeof sampleEvent>[0], extra: Record<string, unknown> = {}) => {
      clock.advance(60_000);
      return (await core.ingest.accept(sampleEvent(type, extra), { apiKeyId: null })).outcomes[0]!.event.id;
    };
    const started = await accept('call_started');
    const ended = await accept('call_ended', { campaign_id: 'camp_b' });
    const sms = await accept('message_sent', { campaign_id: null });

    const all = await core.api.events.list({});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.id)).toEqual([sms, ended, started]);
    const calls = await core.api.events.list({ type: 'call_ended' });
    expect(calls.rows.map((r) => r.id)).toEqual([ended]);
    const campaign = await core.api.events.list({ campaignId: 'camp_pi_2026' });
    expect(campaign.rows.map((r) => r.id)).toEqual([started]);
    const window = await core.api.events.list({ from: '2026-11-26T15:01:30-05:00', to: '2026-11-26T20:03:00Z' });
    expect(window.rows.map((r) => r.id)).toEqual([ended]);
    const page = await core.api.events.list({ offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, rows: [{ id: ended }] });

    const one = await core.api.events.get({ id: ended });
    expect(one).toMatchObject({ id: ended, type: 'call_ended', campaignId: 'camp_b', data: { end_reason: 'caller_hangup' } });
    expect(await core.api.raw.events.get({ id: 'evt_missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuse a page over 500 and an unknown type filter by name', async () => {
    const { core } = start();
    const big = await core.api.raw.events.list({ limit: 501 });
    expect(big).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'limit', message: 'limit is at most 500' }] } } });
    const type = await core.api.raw.events.list({ type: 'call_teleported' });
    expect(type).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'type', message: expect.stringContaining('valid types: call_started') }] } } });
  });

  it('create, list and revoke keys, announcing each change', async () => {
    const { core } = start();
    const changed: string[][] = [];
    core.events.on('tables.changed', ({ tables }) => changed.push(tables));
    const created = await core.api.ingestKeys.create({ name: 'Voice platform', rateLimitPerMinute: 120 });
    expect(created.key.rateLimitPerMinute).toBe(120);
    expect(await core.api.raw.ingestKeys.create({ name: 'voice platform' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.api.raw.ingestKeys.create({ name: ' ', rateLimitPerMinute: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'name' }, { path: 'rateLimitPerMinute' }] } },
    });
    const revoked = await core.api.ingestKeys.revoke({ id: created.key.id });
    expect(revoked.revokedAt).toBe('2026-11-26T20:00:00.000Z');
    const list = await core.api.ingestKeys.list();
    expect(list).toEqual([expect.objectContaining({ name: 'Voice platform', revokedAt: '2026-11-26T20:00:00.000Z' })]);
    expect(changed.filter((t) => t.includes('ingest_api_keys'))).toHaveLength(2);
    expect(await core.api.raw.ingestKeys.revoke({ id: 'key_missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The name is free again once its key is revoked.
    expect((await core.api.raw.ingestKeys.create({ name: 'Voice platform' })).ok).toBe(true);
  });

  it('report where the ingest API listens, and stop it when the core closes', async () => {
    const { core } = start();
    expect(await core.api.ingest.status()).toMatchObject({ listening: false, url: null });
    const status = await core.ingest.listen({ port: 0 });
    expect(await core.api.ingest.status()).toEqual({
      listening: true,
      url: `http://127.0.0.1:${status.port}`,
      host: '127.0.0.1',
      port: status.port,
      loopbackOnly: true,
      error: null,
    });
    await expect(core.ingest.listen({ port: 0 })).rejects.toThrow(/already listening/);
    await core.close();
    await expect(fetch(`${status.url}/v1/events`, { method: 'POST' })).rejects.toThrow();
  });

  it('stop a server that was still starting when the core closed', async () => {
    const { core } = start();
    const listening = core.ingest.listen({ port: 0 });
    await core.close();
    const status = await listening;
    expect(core.ingest.status().listening).toBe(false);
    if (status.url) await expect(fetch(`${status.url}/v1/events`, { method: 'POST' })).rejects.toThrow();
  });

  it('explain a port that is taken, and keep working without the server', async () => {
    const { core } = start();
    const first = await core.ingest.listen({ port: 0 });
    const other = start().core;
    await expect(other.ingest.listen({ port: first.port! })).rejects.toThrow(new RegExp(`Port ${first.port} on 127.0.0.1 is already in use`));
    expect(other.ingest.status()).toMatchObject({ listening: false, error: expect.stringContaining('--ingest-port') });
    expect((await other.api.raw.events.list({})).ok).toBe(true);
  });
});
