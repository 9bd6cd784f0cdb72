import { describe, expect, it } from 'vitest';
import { issuesOf } from '../result';
import { EVENT_TYPES } from './events';
import { CALL_EVENT_TYPES, WEBHOOK_EVENT_CATEGORIES, isCallEvent, webhookInputSchema } from './webhooks';

const valid = { name: 'Intake CRM', url: 'https://hooks.example.com/kayse' };

/** The field issues a refused input produces. */
function refusal(input: unknown) {
  const parsed = webhookInputSchema.safeParse(input);
  expect(parsed.success).toBe(false);
  return parsed.success ? [] : issuesOf(parsed.error);
}

describe('webhook input rules', () => {
  it('accepts a minimal webhook and fills the defaults: all events, all campaigns, all case types, active', () => {
    expect(webhookInputSchema.parse(valid)).toEqual({ ...valid, events: [], campaignId: null, caseTypes: [], active: true });
  });

  it('refuses a name shorter than 3 characters after trimming, naming the field', () => {
    expect(refusal({ ...valid, name: '  ab  ' })).toEqual([{ path: 'name', message: 'Name must be at least 3 characters' }]);
    expect(webhookInputSchema.parse({ ...valid, name: '  abc ' }).name).toBe('abc');
  });

  it('refuses a plain http URL with the HTTPS rule', () => {
    expect(refusal({ ...valid, url: 'http://hooks.example.com/kayse' })).toEqual([
      { path: 'url', message: 'URL must start with https:// (webhooks are only sent over HTTPS)' },
    ]);
  });

  it('names every broken field at once', () => {
    const paths = refusal({ name: 'x', url: 'ftp://x', events: ['call_ended', 'call_exploded'], active: 'yes' }).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'url', 'events.1', 'active']));
  });

  it('refuses an unknown event type, listing the valid ones', () => {
    const [issue] = refusal({ ...valid, events: ['call_exploded'] });
    expect(issue?.path).toBe('events.0');
    expect(issue?.message).toContain('"call_exploded"');
    expect(issue?.message).toContain('form_submitted');
  });

  it('refuses a campaign filter with an empty event list, explaining that empty means all events', () => {
    const issues = refusal({ ...valid, campaignId: 'cmp_1' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('campaignId');
    expect(issues[0]?.message).toMatch(/campaign filter needs an explicit list of call events/);
    expect(issues[0]?.message).toMatch(/empty event list means all events/);
  });

  it('refuses a campaign filter with message, task or form events, naming exactly those types', () => {
    const issues = refusal({ ...valid, campaignId: 'cmp_1', events: ['call_ended', 'message_sent', 'transfer_started', 'form_submitted'] });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('campaignId');
    expect(issues[0]?.message).toContain('only applies to call events');
    expect(issues[0]?.message).toContain('message_sent, form_submitted.');
    expect(issues[0]?.message).not.toContain('call_ended,');
  });

  it('accepts a campaign filter over call, transcript and transfer events', () => {
    const events = ['call_started', 'transcript_updated', 'transfer_bridged'];
    expect(webhookInputSchema.parse({ ...valid, campaignId: 'cmp_1', events })).toMatchObject({ campaignId: 'cmp_1', events });
  });

  it('drops repeated events and case types (case-insensitively) instead of storing them twice', () => {
    const parsed = webhookInputSchema.parse({ ...valid, events: ['call_ended', 'call_ended'], caseTypes: ['Personal Injury', ' personal injury ', 'Mass Tort'] });
    expect(parsed.events).toEqual(['call_ended']);
    expect(parsed.caseTypes).toEqual(['Personal Injury', 'Mass Tort']);
  });

  it('refuses fields it does not know', () => {
    expect(refusal({ ...valid, secret: 'whsec_x' })[0]?.message).toMatch(/secret/);
  });
});

describe('event categories', () => {
  it('puts every event type in exactly one picker category', () => {
    const all = WEBHOOK_EVENT_CATEGORIES.flatMap((c) => c.types);
    expect([...all].sort()).toEqual([...EVENT_TYPES].sort());
    expect(WEBHOOK_EVENT_CATEGORIES.map((c) => c.label)).toEqual(['Calls', 'Transfers', 'Messages', 'Tasks & forms']);
  });

  it('counts calls, transcripts and transfers as call events, including future call_* types', () => {
    expect(CALL_EVENT_TYPES).toHaveLength(8);
    expect(isCallEvent('transcript_updated')).toBe(true);
    expect(isCallEvent('call_recording_ready')).toBe(true);
    expect(isCallEvent('message_sent')).toBe(false);
    expect(isCallEvent('task_completed')).toBe(false);
  });
});
