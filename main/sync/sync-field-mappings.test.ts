// Field mappings through the contract, against the catalogs the connectors load from both simulators: pairs that
// fit are saved with unmatched options flagged; pairs that don't are refused, each naming the pair and the reason,
// with nothing stored; saving announces only the mapping table and asks nothing of the CRM.
import { describe, expect, it } from 'vitest';
import type { TableName } from '../../shared/domain/tables';
import { refusal } from '../test-support/api';
import { useCleanup } from '../test-support/use-cleanup';
import { custom, runKeychain, startSyncTest } from './test-sync';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('field mappings', () => {
  it('saves a SmartAdvocate default set: types that fit, options matched value by value, the unmatched flagged', async () => {
    const t = cleanup.use(await startSyncTest());
    const changed: TableName[][] = [];
    cleanup.add(t.core.events.on('tables.changed', ({ tables }) => changed.push(tables)));
    const requestsBefore = t.smartadvocate.requests().length;

    const set = await t.core.api.sync.saveFieldMappings({
      crm: 'smartadvocate',
      crmCaseTypeId: null,
      mappings: [
        { kayseField: custom(t, 'accident_date'), crmFieldId: '3001', direction: 'both' },
        { kayseField: custom(t, 'injury_type'), crmFieldId: '3002', direction: 'both' },
        { kayseField: 'client.email', crmFieldId: 'standard.email', direction: 'both' },
        { kayseField: 'case.status', crmFieldId: '3006', direction: 'to_crm' },
        { kayseField: custom(t, 'police_report_filed'), crmFieldId: '3004', direction: 'both' },
        { kayseField: custom(t, 'med_bills'), crmFieldId: '3003', direction: 'both' },
      ],
    });
    expect(set.mappings.map((m) => [m.kayseLabel, m.crmFieldName, m.missing])).toEqual([
      ['Auto Accident › Accident Date', 'Accident Date', false],
      ['Auto Accident › Injury Type', 'Injury Type', false],
      ['Client email', 'Email', false],
      ['Case status', 'Intake Notes', false],
      ['Auto Accident › Police Report Filed', 'Police Report Filed', false],
      ['Auto Accident › Medical expenses', 'Medical Bills', false],
    ]);
    expect(set.mappings[1]!.options).toEqual({
      matched: [
        { kayse: 'Whiplash', crm: 'Whiplash' },
        { kayse: 'Fracture', crm: 'Fracture' },
      ],
      kayseUnmatched: ['Burn'],
      crmUnmatched: ['Concussion', 'Soft tissue'],
    });
    expect(set.warnings).toEqual([
      { path: 'mappings.1', message: expect.stringMatching(/"Auto Accident › Injury Type" → "Injury Type": Kayse options with no CRM option are not sent: Burn/) },
      { path: 'mappings.1', message: expect.stringMatching(/CRM options with no Kayse option are not applied: Concussion, Soft tissue/) },
    ]);
    // Saving starts nothing: only the mapping table is announced, and the CRM is not called.
    expect(changed).toEqual([['sync_field_mappings']]);
    expect(t.smartadvocate.requests().length).toBe(requestsBefore);

    const listed = await t.core.api.sync.fieldMappings({ crm: 'smartadvocate' });
    expect(listed.sets).toHaveLength(1);
    expect(listed.sets[0]).toEqual(set);
  });

  it('refuses pairs that do not fit, each issue naming the pair and the reason, and stores nothing', async () => {
    const t = cleanup.use(await startSyncTest());
    const error = await refusal(t.core.api.raw.sync.saveFieldMappings({
      crm: 'smartadvocate',
      crmCaseTypeId: null,
      mappings: [
        { kayseField: custom(t, 'notes'), crmFieldId: '3001', direction: 'both' }, // text ↔ date
        { kayseField: custom(t, 'accident_date'), crmFieldId: '3008', direction: 'to_crm' }, // date → number
        { kayseField: custom(t, 'police_report_filed'), crmFieldId: '3006', direction: 'both' }, // yes/no ↔ text
        { kayseField: custom(t, 'pain_level'), crmFieldId: '3002', direction: 'to_crm' }, // no option in common
        { kayseField: 'case.status', crmFieldId: '3006', direction: 'both' }, // status only goes to the CRM
        { kayseField: custom(t, 'injury_types'), crmFieldId: '3002', direction: 'to_crm' }, // multi → single
        { kayseField: custom(t, 'med_bills'), crmFieldId: '9999', direction: 'both' }, // not in the catalog
        { kayseField: 'custom.nope.field', crmFieldId: '3006', direction: 'to_crm' }, // no such Kayse field
      ],
    }));
    expect(error.code).toBe('INVALID_INPUT');
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues).toEqual([
      { path: 'mappings.0', message: '"Auto Accident › Intake summary" → "Accident Date" (both): to the CRM, text goes only to text: its values are not checked as date values; only from_crm works for this pair' },
      { path: 'mappings.1', message: '"Auto Accident › Accident Date" → "Number of Treatments" (to_crm): to the CRM, a date goes only to a date or text field, not to number' },
      { path: 'mappings.2', message: '"Auto Accident › Police Report Filed" → "Intake Notes" (both): from the CRM, text goes only to text: its values are not checked as yes/no values; only to_crm works for this pair' },
      { path: 'mappings.3', message: expect.stringMatching(/^"Auto Accident › Pain level" → "Injury Type" \(to_crm\): none of the options match \(Kayse: "Low", "High"; CRM: "Whiplash"/) },
      { path: 'mappings.4', message: expect.stringMatching(/^"Case status" → "Intake Notes" \(both\): only to_crm works here: a case status comes from the CRM through the status mapping/) },
      { path: 'mappings.5', message: expect.stringMatching(/^"Auto Accident › Injury Types" → "Injury Type" \(to_crm\): to the CRM, a multi-select goes only to a multi-select or text field/) },
      { path: 'mappings.6.crmFieldId', message: expect.stringMatching(/^"Auto Accident › Medical expenses" → 9999: the CRM's catalog has no field with this id/) },
      { path: 'mappings.7.kayseField', message: expect.stringMatching(/^"custom.nope.field" → 3006: Kayse has no such field/) },
    ]);
    expect(error.message).toMatch(/^Check the field mappings: mappings.0: "Auto Accident › Intake summary" → "Accident Date"/);
    expect((await t.core.api.sync.fieldMappings({ crm: 'smartadvocate' })).sets[0]!.mappings).toEqual([]);
  });

  it('refuses a field filled from two places, and a field that is not on the case type of an override', async () => {
    const t = cleanup.use(await startSyncTest());
    const twice = await refusal(
      t.core.api.raw.sync.saveFieldMappings({
        crm: 'lawruler',
        crmCaseTypeId: null,
        mappings: [
          { kayseField: custom(t, 'notes'), crmFieldId: 'Custom1002', direction: 'to_crm' },
          { kayseField: 'case.name', crmFieldId: 'Custom1002', direction: 'both' },
          { kayseField: custom(t, 'accident_date'), crmFieldId: 'Custom1001', direction: 'from_crm' },
          { kayseField: custom(t, 'accident_date'), crmFieldId: 'Custom1002', direction: 'both' },
        ],
      }),
    );
    expect((twice.details as { issues: unknown[] }).issues).toEqual([
      { path: 'mappings.3', message: expect.stringMatching(/^"Auto Accident › Accident Date" → "Injury Description" \(both\): from the CRM, text goes only to text.*; only to_crm works/) },
      { path: 'mappings.1', message: expect.stringMatching(/"Case name" → "Injury Description": the CRM field is already filled by "Auto Accident › Intake summary" → "Injury Description" \(mapping 0\)/) },
    ]);
    // LawRuler's "Police Report Filed" is on the Motor Vehicle Accident form only (case type 1), not Camp Lejeune (3).
    const notOnForm = await refusal(
      t.core.api.raw.sync.saveFieldMappings({
        crm: 'lawruler',
        crmCaseTypeId: '3',
        mappings: [{ kayseField: custom(t, 'police_report_filed'), crmFieldId: 'Custom1003', direction: 'both' }],
      }),
    );
    expect(notOnForm.details).toEqual({
      issues: [{ path: 'mappings.0.crmFieldId', message: '"Auto Accident › Police Report Filed" → "Police Report Filed": the CRM field is not on the form of case type "Camp Lejeune"' }],
    });
    const unknownType = await refusal(t.core.api.raw.sync.saveFieldMappings({ crm: 'lawruler', crmCaseTypeId: '99', mappings: [{ kayseField: 'case.name', crmFieldId: 'Custom1002', direction: 'to_crm' }] }));
    expect(unknownType.details).toEqual({ issues: [{ path: 'crmCaseTypeId', message: expect.stringMatching(/no case type 99/) }] });
  });

  it('uses a case type\'s overrides before the default set, and only default mappings of fields on its form', async () => {
    const t = cleanup.use(await startSyncTest());
    await t.core.api.sync.saveFieldMappings({
      crm: 'lawruler',
      crmCaseTypeId: null,
      mappings: [
        { kayseField: custom(t, 'accident_date'), crmFieldId: 'Custom1001', direction: 'both' },
        { kayseField: custom(t, 'notes'), crmFieldId: 'Custom1002', direction: 'both' },
        { kayseField: 'client.phone', crmFieldId: 'standard.phone', direction: 'both' },
      ],
    });
    await t.core.api.sync.saveFieldMappings({ crm: 'lawruler', crmCaseTypeId: '3', mappings: [{ kayseField: custom(t, 'treatments'), crmFieldId: 'Custom1002', direction: 'to_crm' }] });

    const campLejeune = await t.core.api.sync.effectiveFieldMappings({ crm: 'lawruler', crmCaseTypeId: '3' });
    expect(campLejeune.used.map((m) => [m.kayseField, m.crmFieldId, m.from])).toEqual([
      [custom(t, 'treatments'), 'Custom1002', 'case_type'],
      ['client.phone', 'standard.phone', 'default'],
    ]);
    const motor = await t.core.api.sync.effectiveFieldMappings({ crm: 'lawruler', crmCaseTypeId: '1' });
    expect(motor.used.map((m) => m.crmFieldId)).toEqual(['Custom1001', 'Custom1002', 'standard.phone']);

    const listed = await t.core.api.sync.fieldMappings({ crm: 'lawruler' });
    expect(listed.sets.map((s) => [s.crmCaseTypeId, s.crmCaseTypeName, s.mappings.length])).toEqual([
      [null, null, 3],
      ['3', 'Camp Lejeune', 1],
    ]);
    // An empty override set puts the case type back on the default set.
    await t.core.api.sync.saveFieldMappings({ crm: 'lawruler', crmCaseTypeId: '3', mappings: [] });
    expect((await t.core.api.sync.effectiveFieldMappings({ crm: 'lawruler', crmCaseTypeId: '3' })).used.map((m) => m.crmFieldId)).toEqual(['Custom1002', 'standard.phone']);
  });
});
