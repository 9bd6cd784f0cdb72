// The Sync settings draft: only what changed is sent, every record kind ticked is sent as "all", a daily time must be
// HH:MM, and the save's summary names the timezone the daily time is read in.
import { describe, expect, it } from 'vitest';
import type { SyncSettings } from '../../../../../shared/domain/sync-settings';
import { changesOf, draftOf, rateLimitProblem, updateOf } from './settings-draft';

const settings: SyncSettings = {
  crm: 'lawruler',
  direction: 'both',
  frequency: { kind: 'real_time' },
  conflict: { rule: 'most_recent', emptyOverwritesFilled: false },
  selective: { recordKinds: [], caseTypeIds: [], statusIds: [] },
  rateLimit: null,
  updatedAt: null,
};
const names = { crm: 'LawRuler', timezone: 'America/Chicago', caseType: (id: string) => `type ${id}`, status: (id: string) => `status ${id}` };

describe('sync settings draft', () => {
  it('sends only the changed parts and says what changed', () => {
    const saved = draftOf(settings);
    expect(saved.recordKinds).toEqual(['cases', 'clients', 'notes']);
    const draft = { ...saved, frequency: 'daily' as const, dailyAt: '02:30', rule: 'crm_wins' as const, recordKinds: ['cases' as const, 'notes' as const] };
    expect(updateOf('lawruler', saved, draft)).toEqual({
      update: {
        crm: 'lawruler',
        frequency: { kind: 'daily', at: '02:30' },
        conflict: { rule: 'crm_wins', emptyOverwritesFilled: false },
        selective: { recordKinds: ['cases', 'notes'], caseTypeIds: [], statusIds: [] },
      },
    });
    expect(changesOf(saved, draft, names)).toEqual(['Frequency: daily at 02:30 (America/Chicago)', 'Conflicts: LawRuler wins', 'Record kinds: Cases, Notes']);
    expect(updateOf('lawruler', saved, saved)).toEqual({ update: { crm: 'lawruler' } });
  });

  it('refuses no record kind and a malformed daily time; all kinds ticked again is "all"', () => {
    const saved = draftOf({ ...settings, selective: { recordKinds: ['cases'], caseTypeIds: [], statusIds: [] } });
    expect(updateOf('lawruler', saved, { ...saved, recordKinds: [] })).toEqual({ problem: expect.stringMatching(/at least one record kind/) });
    expect(updateOf('lawruler', saved, { ...saved, frequency: 'daily', dailyAt: '25:00' })).toEqual({ problem: expect.stringMatching(/HH:MM/) });
    const all = updateOf('lawruler', saved, { ...saved, recordKinds: ['notes', 'cases', 'clients'] });
    expect(all).toEqual({ update: { crm: 'lawruler', selective: { recordKinds: [], caseTypeIds: [], statusIds: [] } } });
  });

  it('sends a typed CRM rate limit as a number, Unknown as null, and refuses anything but a whole number 1–1000', () => {
    const saved = draftOf(settings);
    expect(saved).toMatchObject({ rateLimitKnown: false, requestsPerSecond: '' });
    const twenty = { ...saved, rateLimitKnown: true, requestsPerSecond: 20 };
    expect(updateOf('lawruler', saved, twenty)).toEqual({ update: { crm: 'lawruler', rateLimit: { requestsPerSecond: 20 } } });
    expect(changesOf(saved, twenty, names)).toEqual(['CRM rate limit: 20 requests per second']);
    for (const requestsPerSecond of ['', 0, 1001, 2.5, '-3', 'fast']) {
      expect(updateOf('lawruler', saved, { ...twenty, requestsPerSecond }), String(requestsPerSecond)).toEqual({ problem: 'Enter a whole number of requests per second from 1 to 1000, or choose Unknown.' });
      expect(rateLimitProblem({ rateLimitKnown: true, requestsPerSecond })).toMatch(/from 1 to 1000/);
    }
    expect(changesOf(saved, { ...saved, rateLimitKnown: true }, names)).toEqual(['CRM rate limit: (none) requests per second']);
    // Back to Unknown: null is sent, whatever number is still typed; the same number again changes nothing.
    const known = draftOf({ ...settings, rateLimit: { requestsPerSecond: 20 } });
    expect(known).toMatchObject({ rateLimitKnown: true, requestsPerSecond: 20 });
    expect(updateOf('lawruler', known, { ...known, rateLimitKnown: false })).toEqual({ update: { crm: 'lawruler', rateLimit: null } });
    expect(changesOf(known, { ...known, rateLimitKnown: false }, names)).toEqual(["CRM rate limit: unknown (learnt from LawRuler's answers)"]);
    expect(changesOf(known, { ...known, requestsPerSecond: '20' }, names)).toEqual([]);
    expect(updateOf('lawruler', known, { ...known, requestsPerSecond: 1000 })).toEqual({ update: { crm: 'lawruler', rateLimit: { requestsPerSecond: 1000 } } });
    expect(rateLimitProblem({ rateLimitKnown: false, requestsPerSecond: 'fast' })).toBeNull();
  });
});
