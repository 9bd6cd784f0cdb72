// The webhook form's local checks: the shared schema's own messages, the campaign filter rule, the App Key rules,
// and the draft ⇄ contract conversions the form relies on.
import { describe, expect, it } from 'vitest';
import { CALL_EVENT_TYPES, campaignFilterProblem, type Webhook } from '../../../../shared/domain/webhooks';
import { campaignHint, campaignProblem, draftIssues, draftOf, inputOf, newDraft, NO_EVENTS_MESSAGE, type WebhookDraft } from './webhook-draft';

const valid: WebhookDraft = { ...newDraft(), name: 'CRM intake', url: 'https://hooks.example.com/kayse' };

describe('draft checks', () => {
  it('accepts a complete draft', () => {
    expect(draftIssues(valid)).toEqual({});
  });

  it('names a short name, an http URL and an empty selection with the host’s messages', () => {
    const issues = draftIssues({ ...valid, name: 'ab', url: 'http://hooks.example.com', allEvents: false, events: [] });
    expect(issues.name).toBe('Name must be at least 3 characters');
    expect(issues.url).toBe('URL must start with https:// (webhooks are only sent over HTTPS)');
    expect(issues.events).toBe(NO_EVENTS_MESSAGE);
  });

  it('refuses a campaign filter with a message event, or with all events, on the campaign field', () => {
    const withMessage = { ...valid, allEvents: false, events: ['call_ended', 'message_sent'] as WebhookDraft['events'], campaignId: 'camp_1' };
    expect(draftIssues(withMessage).campaignId).toBe(campaignFilterProblem(['call_ended', 'message_sent']));
    expect(draftIssues(withMessage).campaignId).toContain('message_sent');
    expect(draftIssues({ ...valid, campaignId: 'camp_1' }).campaignId).toContain('needs an explicit list of call events');
    expect(draftIssues({ ...withMessage, events: ['call_ended', 'transfer_started'] })).toEqual({});
  });

  it('checks an App Key being set, never one being kept or removed', () => {
    expect(draftIssues(valid, { kind: 'set', value: 'short' }).appKey).toBe('An App Key has at least 8 characters');
    expect(draftIssues(valid, { kind: 'set', value: 'has a space' }).appKey).toBe('An App Key is printable ASCII without spaces');
    expect(draftIssues(valid, { kind: 'set', value: 'app-key-for-tests' })).toEqual({});
    expect(draftIssues(valid, { kind: 'remove' })).toEqual({});
  });
});

describe('draft conversions', () => {
  it('says in one line why the campaign filter is unavailable', () => {
    expect(campaignHint(valid)).toContain('“All events” includes messages, tasks and forms');
    expect(campaignHint({ ...valid, allEvents: false, events: ['call_ended', 'message_sent'] })).toBe('Only for call events: message_sent has no campaign.');
    expect(campaignHint({ ...valid, allEvents: false, events: ['task_completed', 'form_submitted'] })).toBe('Only for call events: task_completed, form_submitted have no campaign.');
    expect(campaignHint({ ...valid, allEvents: false, events: ['transfer_ended'] })).toBeNull();
  });

  it('a campaign-scoped draft starts on every call event, with the campaign fixed', () => {
    const draft = newDraft('camp_1');
    expect(draft).toMatchObject({ allEvents: false, events: CALL_EVENT_TYPES, campaignId: 'camp_1' });
    expect(campaignProblem(draft)).toBeNull();
    expect(campaignProblem(newDraft())).not.toBeNull();
  });

  it('sends "All events" as an empty list and a selection in catalogue order', () => {
    expect(inputOf(valid).events).toEqual([]);
    expect(inputOf({ ...valid, allEvents: false, events: ['form_submitted', 'call_started'] }).events).toEqual(['call_started', 'form_submitted']);
    // A selection kept while "All events" is on is not sent.
    expect(inputOf({ ...valid, events: ['call_started'] }).events).toEqual([]);
  });

  it('reads a stored webhook back into the same draft', () => {
    const stored: Webhook = {
      id: 'wh_1',
      name: 'Zapier',
      url: 'https://hooks.zapier.com/x',
      events: ['call_ended'],
      campaignId: 'camp_1',
      caseTypes: ['Personal Injury'],
      active: false,
      receivesDemo: false,
      isDemo: false,
      appKeyRef: null,
      createdAt: '2026-11-26T20:00:00.000Z',
      updatedAt: '2026-11-26T20:00:00.000Z',
    };
    const draft = draftOf(stored);
    expect(draft).toEqual({ name: 'Zapier', url: 'https://hooks.zapier.com/x', allEvents: false, events: ['call_ended'], campaignId: 'camp_1', caseTypes: ['Personal Injury'], active: false, receivesDemo: false });
    expect(inputOf(draft)).toEqual({ name: 'Zapier', url: 'https://hooks.zapier.com/x', events: ['call_ended'], campaignId: 'camp_1', caseTypes: ['Personal Injury'], active: false, receivesDemo: false });
    expect(draftOf({ ...stored, events: [] }).allEvents).toBe(true);
  });
});
