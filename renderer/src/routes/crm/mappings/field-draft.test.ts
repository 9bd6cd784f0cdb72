// The field mapping draft: picking, dropping and auto-map replace a Kayse field's mapping in place (its direction
// kept), the save's input keeps the order so refusals land on the right rows, and the summary says what changed.
import { describe, expect, it } from 'vitest';
import { RemoteError } from '../../../../../shared/result';
import { changesOf, inputOf, refusalsOf, sameDraft, withDirection, withMapping, type DraftMapping } from './field-draft';
import { crmFieldsFor, kayseFieldsOf, matchesSearch, unmatchedOptions } from './mapping-fields';

const saved: DraftMapping[] = [
  { kayseField: 'case.name', kayseLabel: 'Case name', crmFieldId: '3006', crmFieldName: 'Intake Notes', direction: 'to_crm' },
  { kayseField: 'client.email', kayseLabel: 'Client email', crmFieldId: 'standard.email', crmFieldName: 'Email', direction: 'both' },
];
const caseName = { key: 'case.name', label: 'Case name', defaultDirection: 'both' as const };
const phone = { key: 'client.phone', label: 'Client phone', defaultDirection: 'both' as const };

describe('field mapping draft', () => {
  it('replaces a mapping in place keeping its direction, adds a new one with the default, and removes', () => {
    const replaced = withMapping(saved, caseName, { id: '3001', name: 'Accident Date' });
    expect(replaced[0]).toMatchObject({ crmFieldId: '3001', direction: 'to_crm' });
    const added = withMapping(replaced, phone, { id: 'standard.phone', name: 'Phone' });
    expect(inputOf(added).map((m) => m.kayseField)).toEqual(['case.name', 'client.email', 'client.phone']);
    expect(withMapping(added, caseName, null).map((m) => m.kayseField)).toEqual(['client.email', 'client.phone']);
    expect(sameDraft(saved, withMapping(saved, caseName, { id: '3006', name: 'Intake Notes' }))).toBe(true);
  });

  it('says what a save changes, one line per Kayse field', () => {
    let draft = withMapping(saved, caseName, { id: '3001', name: 'Accident Date' });
    draft = withDirection(draft, 'client.email', 'from_crm');
    draft = withMapping(draft, phone, { id: 'standard.phone', name: 'Phone' });
    expect(changesOf(saved, draft)).toEqual(['Case name: "Intake Notes" → "Accident Date"', 'Client email: from the CRM only', 'Client phone → "Phone" (added)']);
    expect(changesOf(saved, withMapping(saved, caseName, null))).toEqual(['Case name: "Intake Notes" removed']);
  });

  it("puts the core's refusals on the rows they name by index, the rest stays general", () => {
    const error = new RemoteError({
      code: 'INVALID_INPUT',
      message: 'refused',
      details: { issues: [{ path: 'mappings.1', message: '"Client email" → "Accident Date" (both): to the CRM, text goes only to text' }, { path: 'crmCaseTypeId', message: 'gone' }] },
    });
    expect(refusalsOf(error, inputOf(saved))).toEqual({ byField: { 'client.email': '"Client email" → "Accident Date" (both): to the CRM, text goes only to text' }, general: ['gone'] });
    expect(refusalsOf(new Error('host gone'), [])).toEqual({ byField: {}, general: ['host gone'] });
  });
});

describe('mapping fields', () => {
  const catalog = {
    caseTypes: [{ id: '1249', name: 'Auto Accident' }],
    fields: [
      { id: '3002', name: 'Injury Type', shortName: 'InjType', type: 'single_select' as const, options: ['Whiplash', 'Fracture'], caseTypeIds: ['1249'] },
      { id: '3007', name: 'Years at Camp Lejeune', shortName: 'CLYears', type: 'text' as const, options: [], caseTypeIds: ['1301'] },
    ],
    statuses: [],
    substatusTypes: [],
  };

  it("lists the CRM record's fields, then the catalog's fields on the case type; search matches short name, type and options", () => {
    expect(crmFieldsFor(catalog, '1249').map((f) => f.id)).toEqual(['standard.first_name', 'standard.last_name', 'standard.phone', 'standard.email', '3002']);
    expect(crmFieldsFor(catalog, null)).toHaveLength(6);
    const injury = crmFieldsFor(catalog, null).find((f) => f.id === '3002')!;
    for (const q of ['injtype', 'single select', 'fracture', 'injury type']) expect(matchesSearch(injury, q)).toBe(true);
    expect(matchesSearch(injury, 'date')).toBe(false);
  });

  it('lists the built-ins then the case type custom fields, and flags select options without a counterpart', () => {
    const auto = { id: 'ct1', name: 'Auto', isDemo: false, statuses: [{ id: 's1', name: 'New', position: 0 }], fields: [{ id: 'f', key: 'injury_type', label: 'Injury Type', type: 'single_select' as const, options: ['whiplash ', 'Burn'], position: 0 }] };
    const rows = kayseFieldsOf(auto, [auto]);
    expect(rows.map((r) => r.key).slice(-2)).toEqual(['client.email', 'custom.ct1.injury_type']);
    expect(rows.find((r) => r.key === 'case.status')).toMatchObject({ defaultDirection: 'to_crm', options: ['New'] });
    const injury = crmFieldsFor(catalog, null).find((f) => f.id === '3002')!;
    expect(unmatchedOptions(rows.at(-1)!, injury)).toEqual({ kayse: ['Burn'], crm: ['Fracture'] });
    expect(unmatchedOptions(rows[0]!, injury)).toBeNull();
  });
});
