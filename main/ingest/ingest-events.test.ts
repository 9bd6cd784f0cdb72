import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { EVENT_TYPES } from '../../shared/domain/events';
import { sampleEvent } from './sample-events';
import { errorOf, startIngest } from './test-ingest';

const cleanup = useCleanup();
async function start(options?: Parameters<typeof startIngest>[0]) {
  return cleanup.use(await startIngest(options));
}

describe('POST /v1/events', () => {
  it('acknowledges one event with its id after storing it', async () => {
    const t = await start();
    const res = await t.post(sampleEvent('call_ended', { occurred_at: '2026-11-26T15:07:30-05:00' }));
    expect(res.status).toBe(202);
    const body = (await res.json()) as { id: string; duplicate: boolean };
    expect(body).toEqual({ id: expect.stringMatching(/^evt_/), duplicate: false });
    // Committed, not just written: another connection (another process after a crash) sees it.
    const reader = new Database(t.core.database.sqlite.name, { readonly: true });
    expect(reader.prepare('SELECT type FROM events WHERE id = ?').pluck().get(body.id)).toBe('call_ended');
    reader.close();
    const stored = t.core.ingest.store.get(body.id)!;
    expect(stored).toMatchObject({ type: 'call_ended', occurredAt: '2026-11-26T20:07:30.000Z', campaignId: 'camp_pi_2026', apiKeyId: t.key.id });
    expect(stored.data).toMatchObject({ call_id: 'call_8f2k', duration_seconds: 450, end_reason: 'caller_hangup', agent_id: 'agent_intake_1' });
  });

  it('takes a batch of every type and answers with the ids in order', async () => {
    const t = await start();
    const res = await t.post({ events: EVENT_TYPES.map((type) => sampleEvent(type)) });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { ids: string[]; duplicates: number };
    expect(body.ids).toHaveLength(12);
    expect(body.duplicates).toBe(0);
    expect(body.ids.map((id) => t.core.ingest.store.get(id)!.type)).toEqual([...EVENT_TYPES]);
  });

  it('takes 500 events in one batch and refuses 501 with 413, storing nothing', async () => {
    const t = await start();
    const many = (n: number) => ({ events: Array.from({ length: n }, () => sampleEvent('transcript_updated')) });
    const tooMany = await t.post(many(501));
    expect(tooMany.status).toBe(413);
    expect((await errorOf(tooMany)).message).toMatch(/at most 500 events; this one has 501/);
    expect(t.countEvents()).toBe(0);
    expect((await t.post(many(500))).status).toBe(202);
    expect(t.countEvents()).toBe(500);
  });

  it('refuses a body over the size limit with 413 before storing anything', async () => {
    const t = await start({ bodyLimit: 64 * 1024 });
    const res = await t.post(sampleEvent('call_analyzed', { data: { ...sampleEvent('call_analyzed').data as object, summary: 'x'.repeat(80 * 1024) } }));
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('0.1 MiB limit') });
    expect(t.countEvents()).toBe(0);
  });

  it('refuses anything but JSON with 415', async () => {
    const t = await start();
    const asText = await t.post(JSON.stringify(sampleEvent('call_started')), { 'content-type': 'text/plain' });
    expect(asText.status).toBe(415);
    expect(await errorOf(asText)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('application/json') });
    const form = await t.post('type=call_started', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const none = await fetch(`${t.url}/v1/events`, { method: 'POST', headers: { 'x-api-key': t.apiKey }, body: new Uint8Array([123, 125]) });
    expect(none.status).toBe(415);
    expect(t.countEvents()).toBe(0);
  });

  it('refuses malformed and empty JSON with 400', async () => {
    const t = await start();
    const broken = await t.post('{"type": "call_started", ');
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('not valid JSON') });
    const empty = await t.post('');
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).message).toMatch(/body is empty/);
    const proto = await t.post('{"__proto__": {"admin": true}, "type": "call_started"}');
    expect(proto.status).toBe(400);
    expect(t.countEvents()).toBe(0);
  });

  it('refuses an unknown event type by name, listing the valid ones (422)', async () => {
    const t = await start();
    const res = await t.post(sampleEvent('call_started', { type: 'call_teleported' }));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toContain('type: unknown event type "call_teleported"; valid types: call_started, call_ended');
    expect(error.details?.valid).toEqual([...EVENT_TYPES]);
    expect(t.countEvents()).toBe(0);
  });

  it('names every missing or invalid field with its path (400)', async () => {
    const t = await start();
    const data: Record<string, unknown> = { ...(sampleEvent('call_ended').data as Record<string, unknown>), duration_seconds: '450', direction: 'sideways', colour: 'red' };
    delete data.call_id;
    const res = await t.post(sampleEvent('call_ended', { occurred_at: 'yesterday', data }));
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('INVALID_INPUT');
    const byPath = Object.fromEntries(error.details!.issues!.map((i) => [i.path, i.message]));
    expect(byPath).toMatchObject({
      occurred_at: expect.stringContaining('ISO 8601'),
      'data.call_id': 'required (expected string)',
      'data.duration_seconds': 'expected number, received string',
      'data.direction': 'expected one of inbound, outbound',
      'data.colour': expect.stringContaining('unknown field'),
    });
    expect(error.message).toContain('data.duration_seconds: expected number');
  });

  it('checks what each type must carry: sms recipients are phone numbers, email ones addresses', async () => {
    const t = await start();
    const sms = sampleEvent('message_sent', { data: { ...(sampleEvent('message_sent').data as object), recipient: 'jane@example.com' } });
    const res = await t.post(sms);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details!.issues).toEqual([{ path: 'data.recipient', message: expect.stringContaining('phone number for channel sms') }]);
  });

  it('refuses a whole batch when one event is bad, naming each offending item, and stores nothing', async () => {
    const t = await start();
    const events = EVENT_TYPES.map((type) => sampleEvent(type));
    events[3] = sampleEvent('call_ended', { data: { ...(sampleEvent('call_ended').data as object), duration_seconds: 'long' } });
    events[7] = sampleEvent('transfer_started', { data: { ...(sampleEvent('transfer_started').data as object), transfer_type: 'lukewarm' } });
    const res = await t.post({ events });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.details!.issues!.map((i) => i.path)).toEqual(['events[3].data.duration_seconds', 'events[7].data.transfer_type']);
    expect(error.message).toMatch(/^2 of 12 events are invalid; nothing was stored: events\[3\]\.data\.duration_seconds: expected number/);
    expect(t.countEvents()).toBe(0);
  });

  it('refuses references to cases and clients the console does not have (422), storing nothing', async () => {
    const t = await start();
    const res = await t.post({
      events: [sampleEvent('call_started'), sampleEvent('call_started', { case_ref: { external_source: 'kayse', external_id: 'c-404' } })],
    });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details!.issues).toEqual([
      { path: 'events[1].case_ref', message: expect.stringContaining('create it first with PUT /v1/cases/kayse/c-404') },
    ]);
    expect(t.countEvents()).toBe(0);
  });

  it('answers unknown routes with a JSON 404 listing the routes', async () => {
    const t = await start();
    const res = await t.send('POST', '/v1/event', sampleEvent('call_started'));
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toContain('POST /v1/events');
  });
});
