import { describe, expect, it } from 'vitest';
import type { WebhookFilter } from '../../../shared/domain/webhooks';
import { matchesWebhook, type FilterableEvent } from './filters';

const all: WebhookFilter = { events: [], campaignId: null, caseTypes: [] };
const event = (over: Partial<FilterableEvent> = {}): FilterableEvent => ({ type: 'call_ended', campaignId: 'cmp_1', caseType: 'Personal Injury', ...over });

describe('webhook filters', () => {
  it('sends demo events only to a webhook that opted in to demo data, whatever its other filters', () => {
    expect(matchesWebhook(all, event({ isDemo: true }))).toBe(false);
    expect(matchesWebhook({ ...all, receivesDemo: false }, event({ isDemo: true }))).toBe(false);
    expect(matchesWebhook({ ...all, receivesDemo: true }, event({ isDemo: true }))).toBe(true);
    expect(matchesWebhook({ ...all, receivesDemo: true, events: ['call_started'] }, event({ isDemo: true }))).toBe(false);
    expect(matchesWebhook(all, event({ isDemo: false }))).toBe(true);
  });

  it('sends every event to a webhook with an empty event list, including types added after it was saved', () => {
    expect(matchesWebhook(all, event())).toBe(true);
    expect(matchesWebhook(all, event({ type: 'message_sent', campaignId: null, caseType: null }))).toBe(true);
    expect(matchesWebhook(all, event({ type: 'call_recording_ready' }))).toBe(true);
  });

  it('sends only the listed event types', () => {
    const webhook: WebhookFilter = { ...all, events: ['call_ended', 'form_submitted'] };
    expect(matchesWebhook(webhook, event({ type: 'call_ended' }))).toBe(true);
    expect(matchesWebhook(webhook, event({ type: 'form_submitted' }))).toBe(true);
    expect(matchesWebhook(webhook, event({ type: 'call_started' }))).toBe(false);
    expect(matchesWebhook(webhook, event({ type: 'call_recording_ready' }))).toBe(false);
  });

  it('sends only events of the filtered campaign; events without a campaign do not match', () => {
    const webhook: WebhookFilter = { ...all, events: ['call_ended'], campaignId: 'cmp_1' };
    expect(matchesWebhook(webhook, event())).toBe(true);
    expect(matchesWebhook(webhook, event({ campaignId: 'cmp_2' }))).toBe(false);
    expect(matchesWebhook(webhook, event({ campaignId: null }))).toBe(false);
  });

  it('matches case type names case-insensitively; an event without a case type does not match a case type filter', () => {
    const webhook: WebhookFilter = { ...all, caseTypes: ['personal injury', 'Mass Tort'] };
    expect(matchesWebhook(webhook, event({ caseType: 'Personal Injury' }))).toBe(true);
    expect(matchesWebhook(webhook, event({ caseType: ' MASS TORT ' }))).toBe(true);
    expect(matchesWebhook(webhook, event({ caseType: 'Workers Comp' }))).toBe(false);
    expect(matchesWebhook(webhook, event({ caseType: null }))).toBe(false);
    expect(matchesWebhook(webhook, event({ caseType: '' }))).toBe(false);
  });

  it('requires every filter to pass at once', () => {
    const webhook: WebhookFilter = { events: ['call_ended'], campaignId: 'cmp_1', caseTypes: ['Personal Injury'] };
    expect(matchesWebhook(webhook, event())).toBe(true);
    expect(matchesWebhook(webhook, event({ type: 'call_started' }))).toBe(false);
    expect(matchesWebhook(webhook, event({ campaignId: 'cmp_2' }))).toBe(false);
    expect(matchesWebhook(webhook, event({ caseType: 'Mass Tort' }))).toBe(false);
  });
});
