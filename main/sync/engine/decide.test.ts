// The per-field decision on its own: one side changed, both changed under each conflict rule, equal values, the
// empty-value rule, mapping directions, values with no counterpart, and a link without a snapshot.
import { describe, expect, it } from 'vitest';
import { decideFields, type DecideInput, type FieldInput } from './decide';

const field = (over: Partial<FieldInput> = {}): FieldInput => ({
  kayseField: 'custom.t1.injury',
  crmFieldId: '3002',
  direction: 'both',
  kayse: 'Whiplash',
  crm: 'Whiplash',
  kayseAsCrm: 'Whiplash',
  crmAsKayse: 'Whiplash',
  ...over,
});

const snapshot = { kayseValues: { 'custom.t1.injury': 'Whiplash' }, crmValues: { '3002': 'Whiplash' } };

const decide = (f: Partial<FieldInput>, over: Partial<DecideInput> = {}) =>
  decideFields({
    fields: [field(f)],
    snapshot,
    conflict: { rule: 'most_recent', emptyOverwritesFilled: false },
    times: { kayseChangedAt: '2026-11-26T10:00:00.000Z', crmChangedAt: '2026-11-26T11:00:00.000Z' },
    ...over,
  })[0]!;

const both = (v: { kayse: string; crm: string }) => ({ kayse: v.kayse, kayseAsCrm: v.kayse, crm: v.crm, crmAsKayse: v.crm });

describe('decideFields', () => {
  it('does nothing when neither side changed, and when both hold the same value', () => {
    expect(decide({})).toMatchObject({ action: 'none', reason: 'equal' });
    expect(decide(both({ kayse: 'Burn', crm: 'Burn' }))).toMatchObject({ action: 'none', reason: 'equal', snapshot: { kayse: 'Burn', crm: 'Burn' } });
    expect(decide({ kayse: 'Whiplash', crm: 'Whip', kayseAsCrm: 'Whip', crmAsKayse: undefined }, { snapshot: { kayseValues: { 'custom.t1.injury': 'Whiplash' }, crmValues: { '3002': 'Whip' } } })).toMatchObject({ reason: 'equal' });
  });

  it('gives the win to the only side that changed', () => {
    expect(decide(both({ kayse: 'Whiplash', crm: 'Burn' }))).toMatchObject({ action: 'to_kayse', value: 'Burn', reason: 'crm_changed', snapshot: { kayse: 'Burn', crm: 'Burn' } });
    expect(decide(both({ kayse: 'Fracture', crm: 'Whiplash' }))).toMatchObject({ action: 'to_crm', value: 'Fracture', reason: 'kayse_changed' });
    expect(decide(both({ kayse: 'Whiplash', crm: 'Burn' })).conflict).toBeUndefined();
  });

  it('decides a conflict by the rule and describes it', () => {
    const changed = both({ kayse: 'Fracture', crm: 'Burn' });
    const conflict = (rule: 'kayse_wins' | 'crm_wins' | 'most_recent', times?: DecideInput['times']) =>
      decide(changed, { conflict: { rule, emptyOverwritesFilled: false }, ...(times ? { times } : {}) });
    expect(conflict('kayse_wins')).toMatchObject({ action: 'to_crm', value: 'Fracture', reason: 'conflict', conflict: { rule: 'kayse_wins', winner: 'kayse', kayseValue: 'Fracture', crmValue: 'Burn' } });
    expect(conflict('crm_wins')).toMatchObject({ action: 'to_kayse', value: 'Burn', conflict: { winner: 'crm' } });
    // The CRM's change (11:00) is later than Kayse's (10:00).
    expect(conflict('most_recent')).toMatchObject({ action: 'to_kayse', value: 'Burn', conflict: { rule: 'most_recent', winner: 'crm', crmChangedAt: '2026-11-26T11:00:00.000Z' } });
    expect(conflict('most_recent', { kayseChangedAt: '2026-11-26T12:00:00.000Z', crmChangedAt: '2026-11-26T11:00:00.000Z' })).toMatchObject({ action: 'to_crm', conflict: { winner: 'kayse' } });
    expect(conflict('most_recent', { kayseChangedAt: null, crmChangedAt: '2026-11-26T11:00:00.000Z' })).toMatchObject({ action: 'to_kayse' });
    // The field's own change time, where known, counts rather than the record's.
    const fieldTime = decide({ ...changed, kayseChangedAt: '2026-11-26T09:00:00.000Z' }, { times: { kayseChangedAt: '2026-11-26T12:00:00.000Z', crmChangedAt: '2026-11-26T11:00:00.000Z' } });
    expect(fieldTime).toMatchObject({ action: 'to_kayse', conflict: { winner: 'crm', kayseChangedAt: '2026-11-26T09:00:00.000Z' } });
  });

  it('never lets an empty value overwrite a filled one unless the setting says so', () => {
    const cleared = { kayse: 'Whiplash', kayseAsCrm: 'Whiplash', crm: null, crmAsKayse: null };
    expect(decide(cleared)).toMatchObject({ action: 'none', reason: 'empty_kept', snapshot: null });
    expect(decide(cleared, { conflict: { rule: 'most_recent', emptyOverwritesFilled: true } })).toMatchObject({ action: 'to_kayse', value: null });
    // Kayse cleared and the CRM changed: the conflict goes to Kayse (kayse_wins), but its empty value keeps the CRM's.
    const conflict = decide({ kayse: '', kayseAsCrm: null, crm: 'Burn', crmAsKayse: 'Burn' }, { conflict: { rule: 'kayse_wins', emptyOverwritesFilled: false } });
    expect(conflict).toMatchObject({ action: 'none', reason: 'empty_kept', conflict: { winner: 'kayse' } });
  });

  it('obeys the direction of the mapping and of the settings', () => {
    const crmOnly = both({ kayse: 'Whiplash', crm: 'Burn' });
    expect(decide({ ...crmOnly, direction: 'to_crm' })).toMatchObject({ action: 'none', reason: 'direction' });
    expect(decide({ ...both({ kayse: 'Fracture', crm: 'Whiplash' }), direction: 'from_crm' })).toMatchObject({ action: 'none', reason: 'direction' });
    // Both changed: the mapping's direction settles it whatever the rule.
    const changed = both({ kayse: 'Fracture', crm: 'Burn' });
    expect(decide({ ...changed, direction: 'to_crm' }, { conflict: { rule: 'crm_wins', emptyOverwritesFilled: false } })).toMatchObject({ action: 'to_crm', conflict: { winner: 'kayse' } });
    expect(decide({ ...changed, direction: 'from_crm' }, { conflict: { rule: 'kayse_wins', emptyOverwritesFilled: false } })).toMatchObject({ action: 'to_kayse', conflict: { winner: 'crm' } });
    expect(decide(crmOnly, { allowed: { toKayse: false, toCrm: true } })).toMatchObject({ action: 'none', reason: 'direction' });
  });

  it('keeps a value with no counterpart on the other side', () => {
    expect(decide({ kayse: 'Whiplash', kayseAsCrm: 'Whiplash', crm: 'Laceration', crmAsKayse: undefined })).toMatchObject({ action: 'none', reason: 'unconvertible' });
  });

  it('without a snapshot, the filled side wins over an empty one and the rule decides between two values, logging no conflict', () => {
    const none = { snapshot: null };
    expect(decide({ kayse: null, kayseAsCrm: null, crm: 'Burn', crmAsKayse: 'Burn' }, { ...none, conflict: { rule: 'kayse_wins', emptyOverwritesFilled: true } })).toMatchObject({ action: 'to_kayse', reason: 'first_sync' });
    const decided = decide(both({ kayse: 'Fracture', crm: 'Burn' }), { ...none, conflict: { rule: 'crm_wins', emptyOverwritesFilled: false } });
    expect(decided).toMatchObject({ action: 'to_kayse', value: 'Burn', reason: 'first_sync' });
    expect(decided.conflict).toBeUndefined();
  });
});
