import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../shared/domain/events';
import { buildEnvelope, serializeEnvelope } from './envelope';

const stored: StoredEvent = {
  id: 'evt_01JDX0000000000000000000',
  type: 'call_ended',
  occurredAt: '2026-11-26T21:00:00+01:00',
  receivedAt: '2026-11-26T20:00:01.000Z',
  campaignId: 'cmp_1',
  caseId: 'case_7',
  clientId: 'cli_3',
  caseType: 'Personal Injury',
  apiKeyId: 'key_1',
  isDemo: false,
  idempotencyKey: 'abc',
  // Stored in an order other than the schema's, to show the body does not depend on it.
  data: {
    outcome: 'qualified',
    call_id: 'call_9',
    agent_id: null,
    direction: 'inbound',
    from_number: '+15551234567',
    to_number: '+15557654321',
    started_at: '2026-11-26T19:55:00.000Z',
    ended_at: '2026-11-26T20:00:00.000Z',
    duration_seconds: 300,
    end_reason: 'caller_hangup',
  },
};

describe('webhook envelope', () => {
  it('has exactly the fields of webhooks.md in order, with created_at in UTC and the row ids inside data', () => {
    const envelope = buildEnvelope(stored, { test: false });
    expect(Object.keys(envelope)).toEqual(['id', 'type', 'created_at', 'test', 'campaign_id', 'case_type', 'data']);
    expect(envelope).toMatchObject({
      id: 'evt_01JDX0000000000000000000',
      type: 'call_ended',
      created_at: '2026-11-26T20:00:00.000Z',
      test: false,
      campaign_id: 'cmp_1',
      case_type: 'Personal Injury',
    });
    expect(envelope.data).toMatchObject({ case_id: 'case_7', client_id: 'cli_3', call_id: 'call_9', duration_seconds: 300 });
  });

  it('serialises to one exact body: schema key order, then case and client ids', () => {
    expect(serializeEnvelope(buildEnvelope(stored, { test: true }))).toBe(
      '{"id":"evt_01JDX0000000000000000000","type":"call_ended","created_at":"2026-11-26T20:00:00.000Z","test":true,' +
        '"campaign_id":"cmp_1","case_type":"Personal Injury","data":{"call_id":"call_9","agent_id":null,"direction":"inbound",' +
        '"from_number":"+15551234567","to_number":"+15557654321","started_at":"2026-11-26T19:55:00.000Z",' +
        '"ended_at":"2026-11-26T20:00:00.000Z","duration_seconds":300,"end_reason":"caller_hangup","outcome":"qualified",' +
        '"case_id":"case_7","client_id":"cli_3"}}',
    );
  });

  it('gives the same bytes whatever order the stored data and the envelope object hold their keys in', () => {
    const reordered = { ...stored, data: Object.fromEntries(Object.entries(stored.data).reverse()) };
    const body = serializeEnvelope(buildEnvelope(stored, { test: false }));
    expect(serializeEnvelope(buildEnvelope(reordered, { test: false }))).toBe(body);
    const { data, ...head } = buildEnvelope(stored, { test: false });
    expect(serializeEnvelope({ data, ...head })).toBe(body);
  });

  it('sends nulls for a missing campaign and case type and leaves out ids the event does not have', () => {
    const message: StoredEvent = {
      ...stored,
      type: 'message_sent',
      campaignId: null,
      caseType: null,
      caseId: null,
      clientId: null,
      data: { message_id: 'msg_1', channel: 'sms', recipient: '+15551234567', provider_status: 'sent', sent_at: '2026-11-26T20:00:00.000Z' },
    };
    const envelope = buildEnvelope(message, { test: false });
    expect(envelope.campaign_id).toBeNull();
    expect(envelope.case_type).toBeNull();
    expect(Object.keys(envelope.data)).toEqual(['message_id', 'channel', 'recipient', 'provider_status', 'sent_at']);
  });

  it('carries data of event types this build does not know in the order stored', () => {
    const future = { ...stored, type: 'call_recording_ready', caseId: null, clientId: null, data: { recording_url: 'https://x', call_id: 'c' } };
    expect(serializeEnvelope(buildEnvelope(future, { test: false }))).toContain('"data":{"recording_url":"https://x","call_id":"c"}');
  });
});
