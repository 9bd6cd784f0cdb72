// Custom field values to and from LawRuler's text: dates keep their day (no Date object, no time zone), yes/no,
// numbers, selects and multi-selects, and values that can't be their field's type.
import { describe, expect, it } from 'vitest';
import { CrmError } from '../crm/errors';
import type { CrmField, CrmFieldType } from '../crm/types';
import { fromWireValue, readWireDate, toWireValue } from './field-values';

const field = (type: CrmFieldType, options: string[] = []): CrmField => ({ id: 'Custom1', name: 'Field', shortName: null, type, options, caseTypeIds: null });

describe('LawRuler dates', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-03-01T00:00:00', '2026-03-01'],
    // A date stored at midnight somewhere west of UTC is still the 1st, not the 2nd.
    ['2026-03-01T23:30:00-08:00', '2026-03-01'],
    ['2026-03-01T00:00:00Z', '2026-03-01'],
    ['3/1/2026', '2026-03-01'],
    ['03/01/2026 12:00:00 AM', '2026-03-01'],
    ['12/31/1999', '1999-12-31'],
  ])('%s is %s', (text, date) => expect(readWireDate(text)).toBe(date));

  it.each(['2026-02-30', '13/01/2026', 'March 1', ''])('%s is not a date', (text) => expect(readWireDate(text)).toBeNull());

  it('writes a date as written and refuses a date-time or an impossible day', () => {
    expect(toWireValue(field('date'), '2026-01-01', 'x')).toBe('2026-01-01');
    expect(() => toWireValue(field('date'), '2026-01-01T00:00:00Z', 'x')).toThrow(CrmError);
    expect(() => toWireValue(field('date'), '2026-02-29', 'x')).toThrow(/YYYY-MM-DD/);
  });
});

describe('LawRuler custom values', () => {
  it('writes yes/no, numbers, selects, lists and empties', () => {
    expect(toWireValue(field('yes_no'), true, 'x')).toBe('Yes');
    expect(toWireValue(field('yes_no'), false, 'x')).toBe('No');
    expect(toWireValue(field('number'), 12.5, 'x')).toBe('12.5');
    expect(toWireValue(field('single_select', ['ER']), 'ER', 'x')).toBe('ER');
    expect(toWireValue(field('multi_select', ['A', 'B']), ['A', 'B'], 'x')).toBe('A,B');
    expect(toWireValue(field('text'), 42, 'x')).toBe('42');
    expect(toWireValue(field('date'), null, 'x')).toBe('');
  });

  it('refuses what the field cannot hold, naming it', () => {
    const cases: [CrmFieldType, unknown][] = [
      ['yes_no', 'maybe'],
      ['number', 'twelve'],
      ['single_select', ['A', 'B']],
      ['multi_select', ['A, B']],
    ];
    for (const [type, value] of cases) {
      const error = (() => {
        try {
          toWireValue(field(type), value as never, 'update lead 1');
        } catch (e) {
          return e as CrmError;
        }
        return null;
      })();
      expect(error?.crmDetails).toMatchObject({ kind: 'rejected', field: 'Custom1' });
    }
  });

  it('reads values by the field type, and keeps a field the catalog does not know as answered', () => {
    expect(fromWireValue(field('yes_no'), 'Custom1', 'Yes', 'x')).toBe(true);
    expect(fromWireValue(field('yes_no'), 'Custom1', 'false', 'x')).toBe(false);
    expect(fromWireValue(field('number'), 'Custom1', '$1,200.50', 'x')).toBe(1200.5);
    expect(fromWireValue(field('multi_select'), 'Custom1', 'Back, Neck', 'x')).toEqual(['Back', 'Neck']);
    expect(fromWireValue(field('multi_select'), 'Custom1', ['Back'], 'x')).toEqual(['Back']);
    expect(fromWireValue(field('date'), 'Custom1', '', 'x')).toBeNull();
    expect(fromWireValue(undefined, 'Custom9', '07/04/2026', 'x')).toBe('07/04/2026');
  });

  it('reports a value that does not fit its field as `bad_response` at CustomFields.<id>', () => {
    for (const [type, raw] of [
      ['date', 'soon'],
      ['yes_no', 'perhaps'],
      ['number', 'n/a'],
    ] as const) {
      try {
        fromWireValue(field(type), 'Custom1', raw, 'read lead 1');
        throw new Error('expected a CrmError');
      } catch (error) {
        expect((error as CrmError).crmDetails).toMatchObject({ kind: 'bad_response', path: 'CustomFields.Custom1' });
      }
    }
  });
});
