import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../shared/domain/workspace';
import { checkCustomValues } from './custom-values';

const field = (key: string, type: CustomField['type'], options: string[] = []): CustomField => ({ id: key, key, label: key, type, options, position: 0 });
const FIELDS = [
  field('policy_limit', 'number'),
  field('accident_date', 'date'),
  field('injured', 'yes_no'),
  field('venue', 'single_select', ['Miami-Dade', 'Broward']),
  field('injuries', 'multi_select', ['Neck', 'Back', 'Head']),
  field('notes', 'text'),
];

describe('custom field values', () => {
  it('stores the same shape whatever the origin wrote: numbers, dates, yes/no and options normalised', () => {
    expect(
      checkCustomValues(FIELDS, {
        policy_limit: ' 25000 ',
        accident_date: '2025-02-14T10:30:00Z',
        injured: 'Yes',
        venue: 'broward',
        injuries: 'neck; BACK|neck',
        notes: 42,
      }),
    ).toEqual({
      ok: true,
      values: { policy_limit: 25000, accident_date: '2025-02-14', injured: true, venue: 'Broward', injuries: ['Neck', 'Back'], notes: '42' },
    });
    expect(checkCustomValues(FIELDS, { injured: 'n', injuries: ['Head'], policy_limit: 0 })).toEqual({
      ok: true,
      values: { injured: false, injuries: ['Head'], policy_limit: 0 },
    });
  });

  it('drops empty values instead of storing blanks', () => {
    expect(checkCustomValues(FIELDS, { notes: '', venue: null })).toEqual({ ok: true, values: {} });
  });

  it('refuses each bad value with the field named and what was expected', () => {
    const result = checkCustomValues(FIELDS, {
      policy_limit: 'lots',
      accident_date: '02/14/2025',
      injured: 'maybe',
      venue: 'Orange',
      injuries: 'Neck;Knee',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: 'customValues.policy_limit', message: 'expected a number, got "lots"' },
      { path: 'customValues.accident_date', message: 'expected a date as YYYY-MM-DD, got "02/14/2025"' },
      { path: 'customValues.injured', message: 'expected yes or no, got "maybe"' },
      { path: 'customValues.venue', message: 'expected one of Miami-Dade, Broward; got "Orange"' },
      { path: 'customValues.injuries', message: '"Knee" is not one of Neck, Back, Head' },
    ]);
  });

  it('refuses impossible calendar dates', () => {
    const result = checkCustomValues(FIELDS, { accident_date: '2025-02-30' });
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'customValues.accident_date' }] });
  });

  it('refuses a key the case type does not have, listing the keys it does have', () => {
    const result = checkCustomValues(FIELDS.slice(0, 2), { policy_limt: 10 });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'customValues.policy_limt', message: 'unknown field; this case type has policy_limit, accident_date' }],
    });
    expect(checkCustomValues([], { anything: 1 })).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('no custom fields') }] });
  });
});
