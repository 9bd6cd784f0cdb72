// The Sync settings draft: only what changed is sent, every record kind ticked is sent as "all", a daily time must be
// HH:MM, and the save's summary names the timezone the daily time is read in.
import { describe, expect, it } from 'vitest';
import type { SyncSettings } from '../../../../../shared/domain/sync-settings';
import { changesOf, draftOf, updateOf } from './settings-draft';

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
});
