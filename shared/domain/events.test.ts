import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, eventDataJsonSchema, eventDataSchemas, ingestEventJsonSchema } from './events';

const REQUIRED_FACTS: Record<string, string[]> = {
  call_started: ['call_id', 'direction', 'from_number', 'to_number', 'started_at'],
  call_ended: ['call_id', 'direction', 'from_number', 'to_number', 'duration_seconds', 'end_reason', 'outcome'],
  call_analyzed: ['call_id', 'summary', 'sentiment', 'outcome', 'transcript', 'post_call_fields'],
  transcript_updated: ['call_id', 'utterances'],
  transfer_started: ['transfer_id', 'call_id', 'transfer_type', 'destination'],
  transfer_bridged: ['transfer_id', 'transfer_type', 'destination'],
  transfer_cancelled: ['transfer_id', 'transfer_type', 'destination', 'reason'],
  transfer_ended: ['transfer_id', 'transfer_type', 'destination'],
  message_sent: ['message_id', 'channel', 'recipient', 'provider_status'],
  message_delivered: ['message_id', 'channel', 'recipient', 'provider_status'],
  task_completed: ['task_id', 'title', 'task_type', 'answer'],
  form_submitted: ['form_id', 'answers'],
};

describe('event schemas as JSON Schema', () => {
  it('has one data schema per event type, 12 in all', () => {
    expect(Object.keys(eventDataSchemas).sort()).toEqual([...EVENT_TYPES].sort());
    expect(EVENT_TYPES).toHaveLength(12);
  });

  it.each(EVENT_TYPES)('produces a closed JSON Schema for %s carrying the facts webhooks.md lists', (type) => {
    const schema = eventDataJsonSchema(type) as { $schema: string; type: string; properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(schema.$schema).toContain('2020-12');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(REQUIRED_FACTS[type]!));
    const envelope = ingestEventJsonSchema(type) as { properties: { type: { const: string }; data: unknown }; required: string[] };
    expect(envelope.properties.type.const).toBe(type);
    expect(envelope.required).toEqual(expect.arrayContaining(['type', 'occurred_at', 'data']));
  });

  it('marks defaulted fields optional on the way in and present on the way out', () => {
    const input = eventDataJsonSchema('call_ended', 'input') as { required: string[] };
    const output = eventDataJsonSchema('call_ended', 'output') as { required: string[] };
    expect(input.required).not.toContain('outcome');
    expect(output.required).toContain('outcome');
  });
});
