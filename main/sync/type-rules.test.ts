// The type rules, pair by pair: what each type accepts in each direction, and options matched value by value.
import { describe, expect, it } from 'vitest';
import { CUSTOM_FIELD_TYPES } from '../../shared/domain/workspace';
import type { MappedField, ValueType } from './mapped-field';
import { checkPair, matchOptions, refusalOf, workingDirections } from './type-rules';

const field = (type: ValueType, options: string[] = []): MappedField => ({ key: type, label: type, type, options, sendOnly: null });

describe('type rules', () => {
  it('text accepts anything; number, date and yes/no only their own type; selects a select (multi only multi)', () => {
    const accepted = Object.fromEntries(CUSTOM_FIELD_TYPES.map((from) => [from, CUSTOM_FIELD_TYPES.filter((to) => refusalOf(from, to) === null)]));
    expect(accepted).toEqual({
      text: ['text'],
      number: ['text', 'number'],
      date: ['text', 'date'],
      yes_no: ['text', 'yes_no'],
      single_select: ['text', 'single_select', 'multi_select'],
      multi_select: ['text', 'multi_select'],
    });
    expect(refusalOf('date', 'number')).toBe('a date goes only to a date or text field, not to number');
  });

  it('checks each direction: a date to a CRM text field is send-only, and the refusal says which direction works', () => {
    expect(workingDirections(field('date'), field('text'))).toEqual(['to_crm']);
    expect(workingDirections(field('text'), field('date'))).toEqual(['from_crm']);
    expect(workingDirections(field('date'), field('date'))).toEqual(['both', 'to_crm', 'from_crm']);
    expect(workingDirections(field('yes_no'), field('number'))).toEqual([]);
    expect(checkPair(field('date'), field('text'), 'both')).toEqual({ ok: false, reason: expect.stringMatching(/^from the CRM, text goes only to text.*; only to_crm works for this pair$/) });
    expect(checkPair(field('single_select', ['A']), field('multi_select', ['A']), 'both')).toEqual({ ok: false, reason: expect.stringMatching(/^from the CRM, a multi-select.*only to_crm works/) });
  });

  it('refuses a Kayse field that only sends when the direction receives', () => {
    const status: MappedField = { ...field('single_select', ['New']), sendOnly: 'a case status comes from the status mapping' };
    expect(checkPair(status, field('text'), 'from_crm')).toEqual({ ok: false, reason: 'only to_crm works here: a case status comes from the status mapping' });
    expect(checkPair(status, field('text'), 'to_crm')).toEqual({ ok: true, options: null, warnings: [] });
  });

  it('matches options value by value, trimmed and case-insensitive; flags the unmatched; refuses when none match', () => {
    expect(matchOptions(['ER ', 'surgery', 'Home care'], ['None', 'ER', 'Ongoing', 'Surgery'])).toEqual({
      matched: [
        { kayse: 'ER ', crm: 'ER' },
        { kayse: 'surgery', crm: 'Surgery' },
      ],
      kayseUnmatched: ['Home care'],
      crmUnmatched: ['None', 'Ongoing'],
    });
    const partial = checkPair(field('single_select', ['ER', 'Home care']), field('single_select', ['ER', 'None']), 'both');
    expect(partial).toMatchObject({ ok: true, warnings: ['Kayse options with no CRM option are not sent: "Home care"', 'CRM options with no Kayse option are not applied: "None"'] });
    // One direction only flags what that direction would lose.
    expect(checkPair(field('single_select', ['ER', 'Home care']), field('single_select', ['ER', 'None']), 'to_crm')).toMatchObject({ warnings: ['Kayse options with no CRM option are not sent: "Home care"'] });
    expect(checkPair(field('single_select', ['Low']), field('multi_select', ['High']), 'to_crm')).toEqual({
      ok: false,
      reason: 'none of the options match (Kayse: "Low"; CRM: "High")',
    });
  });
});
