// Which webhook gets which event, end to end: events posted over the ingest API fan out by event type, campaign
// and case type; a type this build does not know yet reaches only all-events webhooks; inactive ones get nothing.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { writeTransaction } from '../../db';
import { toStored, type EventRow } from '../../ingest/event-store';
import { startReceiver, startWebhookCore, type ReceivedRequest, type Receiver } from '../test-webhooks';

let env: Awaited<ReturnType<typeof startWebhookCore>> | undefined;
let receiver: Receiver | undefined;
const cleanup = useCleanup();

/** Event ids each receiver path got, sorted. */
function byPath(requests: readonly ReceivedRequest[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const req of requests) (out[req.path] ??= []).push((JSON.parse(req.body) as { id: string }).id);
  for (const ids of Object.values(out)) ids.sort();
  return out;
}

/** A workspace with two case types, two campaigns, a case of each type, and one receiver path per webhook. */
async function setUp() {
  receiver = cleanup.use(await startReceiver());
  env = cleanup.use(await startWebhookCore());
  const { api } = env;
  await api.caseTypes.create({ name: 'Personal Injury', statuses: ['New Lead'] });
  await api.caseTypes.create({ name: 'Mass Tort', statuses: ['New Lead'] });
  const pi2026 = await api.campaigns.create({ name: 'PI 2026' });
  const radio = await api.campaigns.create({ name: 'Mass Tort radio' });
  for (const [id, caseType] of [['case-pi', 'Personal Injury'], ['case-mt', 'Mass Tort']] as const) {
    const res = await env.put(`/v1/cases/kayse/${id}`, { name: `Doe ${id}`, case_type: caseType, status: 'New Lead' });
    expect(res.status).toBe(201);
  }
  const at = (path: string) => `https://localhost:${receiver!.port}/${path}`;
  return { env, receiver, api, pi2026, radio, at };
}

const caseRef = (id: string) => ({ case_ref: { external_source: 'kayse', external_id: id } });

describe('webhook filters', () => {
  it('sends each event only to the webhooks whose event, campaign and case type filters let it through', async () => {
    const { env, receiver, api, pi2026, radio, at } = await setUp();
    const all = await env.createWebhook({ name: 'All events', url: at('all') });
    const ended = await env.createWebhook({ name: 'Calls ended', url: at('ended'), events: ['call_ended'] });
    const campaign = await env.createWebhook({ name: 'PI 2026 calls', url: at('campaign'), campaignId: pi2026.id, events: ['call_started', 'call_ended'] });
    const injury = await env.createWebhook({ name: 'Personal Injury', url: at('injury'), caseTypes: ['personal injury'] });
    const inactive = await env.createWebhook({ name: 'Switched off', url: at('inactive'), active: false });

    const endedPi = await env.postEvent('call_ended', { campaign_id: pi2026.id, ...caseRef('case-pi') });
    const startedRadio = await env.postEvent('call_started', { campaign_id: radio.id });
    const messageMt = await env.postEvent('message_sent', { campaign_id: pi2026.id, ...caseRef('case-mt') });
    const endedRadioMt = await env.postEvent('call_ended', { campaign_id: radio.id, ...caseRef('case-mt') });
    const taskPi = await env.postEvent('task_completed', { campaign_id: null, ...caseRef('case-pi') });

    const expected: Record<string, string[]> = {
      '/all': [endedPi, startedRadio, messageMt, endedRadioMt, taskPi].sort(),
      '/ended': [endedPi, endedRadioMt].sort(),
      '/campaign': [endedPi],
      '/injury': [endedPi, taskPi].sort(),
    };
    // Deliveries are created in the transaction that stored the events: what exists now is the whole fan-out.
    const rows = env.deliveryRows();
    const perWebhook = (id: string) => rows.filter((d) => d.webhook_id === id).map((d) => d.event_id).sort();
    expect(perWebhook(all.id)).toEqual(expected['/all']);
    expect(perWebhook(ended.id)).toEqual(expected['/ended']);
    expect(perWebhook(campaign.id)).toEqual(expected['/campaign']);
    expect(perWebhook(injury.id)).toEqual(expected['/injury']);
    expect(perWebhook(inactive.id)).toEqual([]);
    expect(rows).toHaveLength(10);

    await receiver.waitFor(10);
    await expect.poll(() => env.deliveryRows().every((d) => d.state === 'succeeded'), { timeout: 5_000 }).toBe(true);
    expect(receiver.requests).toHaveLength(10);
    expect(byPath(receiver.requests)).toEqual(expected);
    const endedPiBody = JSON.parse(receiver.requests.find((r) => r.path === '/injury' && r.body.includes(endedPi))!.body) as Record<string, unknown>;
    expect(endedPiBody).toMatchObject({ id: endedPi, campaign_id: pi2026.id, case_type: 'Personal Injury' });

    // Activated again, it receives what comes next (and nothing from before).
    await api.webhooks.setActive({ id: inactive.id, active: true });
    const later = await env.postEvent('form_submitted', { campaign_id: null });
    await receiver.waitFor(12);
    await expect.poll(() => env.deliveryRows().every((d) => d.state === 'succeeded'), { timeout: 5_000 }).toBe(true);
    const now = byPath(receiver.requests);
    expect(now['/inactive']).toEqual([later]);
    expect(now['/all']).toContain(later);
    expect(receiver.requests).toHaveLength(12);
  });

  it('delivers an event type added later only to webhooks subscribed to all events', async () => {
    const { env, receiver, pi2026, at } = await setUp();
    const all = await env.createWebhook({ name: 'All events', url: at('all') });
    await env.createWebhook({ name: 'Calls ended', url: at('ended'), events: ['call_ended'] });
    await env.createWebhook({ name: 'PI 2026 calls', url: at('campaign'), campaignId: pi2026.id, events: ['call_ended'] });
    await env.createWebhook({ name: 'Personal Injury', url: at('injury'), caseTypes: ['Personal Injury'] });
    await env.createWebhook({ name: 'Switched off', url: at('inactive'), active: false });

    const { sqlite } = env.core.database;
    const data = { call_id: 'call_8f2k', recording_url: 'https://recordings.example.com/call_8f2k.mp3', duration_seconds: 450 };
    writeTransaction(sqlite, () => {
      sqlite
        .prepare(
          `INSERT INTO events (id, type, occurred_at, received_at, campaign_id, case_id, client_id, case_type, data, idempotency_key, api_key_id, is_demo)
           VALUES ('evt_future_1', 'call_recorded', '2026-11-26T20:08:00.000Z', '2026-11-26T20:08:01.000Z', ?, NULL, NULL, NULL, ?, NULL, NULL, 0)`,
        )
        .run(pi2026.id, JSON.stringify(data));
      const stored = toStored(sqlite.prepare('SELECT * FROM events WHERE id = ?').get('evt_future_1') as EventRow);
      env.core.webhooks.engine.fanOut([stored]);
    });
    env.core.webhooks.engine.wake();

    expect(env.deliveryRows().map((d) => ({ webhook: d.webhook_id, event: d.event_id }))).toEqual([{ webhook: all.id, event: 'evt_future_1' }]);
    const [req] = await receiver.waitFor(1);
    expect(req!.path).toBe('/all');
    expect(req!.headers['x-kayse-event']).toBe('call_recorded');
    expect(JSON.parse(req!.body)).toEqual({
      id: 'evt_future_1',
      type: 'call_recorded',
      created_at: '2026-11-26T20:08:00.000Z',
      test: false,
      campaign_id: pi2026.id,
      case_type: null,
      data,
    });
    await expect.poll(() => env.deliveryRows()[0]?.state, { timeout: 5_000 }).toBe('succeeded');
    expect(receiver.requests).toHaveLength(1);
  });
});
