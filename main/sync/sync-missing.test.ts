// A catalog refresh keeps every mapping: a CRM field deleted in the CRM leaves its mapping saved and marked missing
// (listed, not used), the others untouched; a renamed one shows its new name. Everything survives a restart.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { custom, runKeychain, startSyncTest } from './test-sync';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('mappings after the CRM changes', () => {
  it("SmartAdvocate: a deleted UDF's mapping stays, marked missing, the others are fine; a renamed one keeps working", async () => {
    const t = cleanup.use(await startSyncTest());
    const mappings = [
      { kayseField: custom(t, 'accident_date'), crmFieldId: '3001', direction: 'both' as const },
      { kayseField: custom(t, 'injury_type'), crmFieldId: '3002', direction: 'both' as const },
      { kayseField: custom(t, 'notes'), crmFieldId: '3006', direction: 'both' as const },
    ];
    const saved = await t.core.api.sync.saveFieldMappings({ crm: 'smartadvocate', crmCaseTypeId: null, mappings });

    t.smartadvocate.deleteUdf('3001');
    t.smartadvocate.renameUdf('3006', 'Intake Summary', 'IntakeSum');
    await t.core.api.crm.refreshCatalog({ crm: 'smartadvocate' });

    const after = (await t.core.api.sync.fieldMappings({ crm: 'smartadvocate' })).sets[0]!;
    expect(after.mappings.map((m) => [m.crmFieldId, m.crmFieldName, m.missing])).toEqual([
      ['3001', 'Accident Date', true],
      ['3002', 'Injury Type', false],
      ['3006', 'Intake Summary', false],
    ]);
    expect(after.mappings[0]!.missingReason).toBe(`"Accident Date" (3001) is no longer in the CRM's fields: pick another field or remove the mapping`);
    expect(after.mappings[1]).toEqual(saved.mappings[1]);
    // Stored exactly as saved: only the marks are computed against the catalog.
    const rows = t.core.database.sqlite.prepare("SELECT kayse_field, crm_field_id, crm_field_name, direction FROM sync_field_mappings WHERE crm = 'smartadvocate' ORDER BY position").all();
    expect(rows).toEqual(mappings.map((m, i) => ({ kayse_field: m.kayseField, crm_field_id: m.crmFieldId, crm_field_name: ['Accident Date', 'Injury Type', 'Intake Notes'][i], direction: m.direction })));

    const used = await t.core.api.sync.effectiveFieldMappings({ crm: 'smartadvocate', crmCaseTypeId: '1249' });
    expect(used.used.map((m) => m.crmFieldId)).toEqual(['3002', '3006']);
    expect(used.missing.map((m) => m.crmFieldId)).toEqual(['3001']);

    // The set can be saved again with the missing mapping in it (kept, still missing) while another is changed;
    // a new mapping to the deleted field is refused.
    const again = await t.core.api.sync.saveFieldMappings({ crm: 'smartadvocate', crmCaseTypeId: null, mappings: [mappings[0]!, { ...mappings[2]!, direction: 'to_crm' }] });
    expect(again.mappings.map((m) => [m.crmFieldId, m.missing, m.direction])).toEqual([
      ['3001', true, 'both'],
      ['3006', false, 'to_crm'],
    ]);
    await expect(
      t.core.api.sync.saveFieldMappings({ crm: 'smartadvocate', crmCaseTypeId: null, mappings: [{ kayseField: custom(t, 'med_bills'), crmFieldId: '3001', direction: 'to_crm' }] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'mappings.0.crmFieldId', message: expect.stringMatching(/has no field with this id/) }] } });
  });

  it('LawRuler: a deleted custom field is marked missing after Refresh; mappings and settings survive a restart', async () => {
    const t = cleanup.use(await startSyncTest());
    await t.core.api.sync.saveFieldMappings({
      crm: 'lawruler',
      crmCaseTypeId: '1',
      mappings: [
        { kayseField: custom(t, 'accident_date'), crmFieldId: 'Custom1001', direction: 'both' },
        { kayseField: custom(t, 'police_report_filed'), crmFieldId: 'Custom1003', direction: 'both' },
      ],
    });
    await t.core.api.sync.updateSettings({ crm: 'lawruler', direction: 'kayse_to_crm', frequency: { kind: 'daily', at: '02:30' } });
    t.lawruler.catalog.deleteField('Custom1003');
    await t.core.api.crm.refreshCatalog({ crm: 'lawruler' });

    const core = await t.restart();
    const sets = (await core.api.sync.fieldMappings({ crm: 'lawruler' })).sets;
    expect(sets.map((s) => [s.crmCaseTypeId, s.crmCaseTypeName])).toEqual([
      [null, null],
      ['1', 'Motor Vehicle Accident'],
    ]);
    expect(sets[1]!.mappings.map((m) => [m.crmFieldName, m.missing])).toEqual([
      ['Accident Date', false],
      ['Police Report Filed', true],
    ]);
    expect(await core.api.sync.settings({ crm: 'lawruler' })).toMatchObject({ direction: 'kayse_to_crm', frequency: { kind: 'daily', at: '02:30' } });
  });
});
