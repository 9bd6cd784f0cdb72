// Auto-map on both simulators' catalogs: proposals by name and type (SmartAdvocate's UDF short names before names;
// the CRM record's own fields for names, phone and email), only pairs that fit, each field once, only fields on the
// case type's form; accepting them is an ordinary save, and nothing is ever created in the CRM.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { custom, runKeychain, startSyncTest } from './test-sync';

const cleanup = useCleanup();
const STANDARD = [
  ['client.first_name', 'standard.first_name', 'both', 'standard'],
  ['client.last_name', 'standard.last_name', 'both', 'standard'],
  ['client.phone', 'standard.phone', 'both', 'standard'],
  ['client.email', 'standard.email', 'both', 'standard'],
];

describe.skipIf(!runKeychain)('auto-map', () => {
  it('SmartAdvocate: UDF short names first, then names, in the directions that fit; accepted with a save; nothing created', async () => {
    const t = cleanup.use(await startSyncTest());
    // The firm's admin renamed a UDF so that its name is a Kayse field's label while its short name is another's key.
    t.smartadvocate.renameUdf('3008', 'Medical expenses', 'Treatments');
    await t.core.api.crm.refreshCatalog({ crm: 'smartadvocate' });
    const requestsBefore = t.smartadvocate.requests().length;

    const { proposals } = await t.core.api.sync.suggestFieldMappings({ crm: 'smartadvocate', crmCaseTypeId: '1249', kayseCaseTypeId: t.auto.id });
    expect(proposals.map((p) => [p.kayseField, p.crmFieldId, p.direction, p.matchedBy])).toEqual([
      ...STANDARD,
      // med_bills ↔ short name MedBills wins over the UDF now named "Medical expenses".
      [custom(t, 'med_bills'), '3003', 'both', 'short_name'],
      // A Kayse text field can't fill a number: proposed from the CRM only.
      [custom(t, 'treatments'), '3008', 'from_crm', 'short_name'],
      [custom(t, 'accident_date'), '3001', 'both', 'name'],
      [custom(t, 'injury_type'), '3002', 'both', 'name'],
      [custom(t, 'police_report_filed'), '3004', 'both', 'name'],
    ]);
    expect(proposals.find((p) => p.crmFieldId === '3002')!.options).toMatchObject({ kayseUnmatched: ['Burn'] });

    const accepted = await t.core.api.sync.saveFieldMappings({
      crm: 'smartadvocate',
      crmCaseTypeId: '1249',
      mappings: proposals.map(({ kayseField, crmFieldId, direction }) => ({ kayseField, crmFieldId, direction })),
    });
    expect(accepted.mappings.every((m) => !m.missing)).toBe(true);
    // What is mapped is not proposed again.
    expect((await t.core.api.sync.suggestFieldMappings({ crm: 'smartadvocate', crmCaseTypeId: '1249', kayseCaseTypeId: t.auto.id })).proposals).toEqual([]);

    // Suggesting and saving asked nothing of SmartAdvocate, and its fields are as they were.
    expect(t.smartadvocate.requests().length).toBe(requestsBefore);
    const catalog = await t.core.api.crm.refreshCatalog({ crm: 'smartadvocate' });
    expect(catalog.catalog!.fields.map((f) => f.id)).toEqual(['3001', '3002', '3003', '3004', '3005', '3006', '3007', '3008']);
  });

  it("LawRuler: proposals by name, only fields on the case type's form, none of the set's mapped fields again", async () => {
    const t = cleanup.use(await startSyncTest());
    const motor = await t.core.api.sync.suggestFieldMappings({ crm: 'lawruler', crmCaseTypeId: '1' });
    expect(motor.proposals.map((p) => [p.kayseField, p.crmFieldId, p.direction, p.matchedBy])).toEqual([
      ...STANDARD,
      [custom(t, 'accident_date'), 'Custom1001', 'both', 'name'],
      [custom(t, 'injury_types'), 'Custom1004', 'both', 'name'],
      [custom(t, 'police_report_filed'), 'Custom1003', 'both', 'name'],
    ]);
    expect(motor.proposals.find((p) => p.crmFieldId === 'Custom1004')!.options).toEqual({
      matched: [
        { kayse: 'Back', crm: 'Back' },
        { kayse: 'Neck', crm: 'Neck' },
      ],
      kayseUnmatched: ['Knee'],
      crmUnmatched: ['Head', 'Broken Bone', 'Other'],
    });
    // Camp Lejeune's form has none of those fields.
    const campLejeune = await t.core.api.sync.suggestFieldMappings({ crm: 'lawruler', crmCaseTypeId: '3' });
    expect(campLejeune.proposals.map((p) => p.crmFieldId)).toEqual(STANDARD.map((s) => s[1]));

    // With a default set saved, its fields are left out of the default set's proposals.
    await t.core.api.sync.saveFieldMappings({ crm: 'lawruler', crmCaseTypeId: null, mappings: [{ kayseField: 'client.email', crmFieldId: 'standard.email', direction: 'to_crm' }] });
    const defaults = await t.core.api.sync.suggestFieldMappings({ crm: 'lawruler', crmCaseTypeId: null });
    expect(defaults.proposals.map((p) => p.kayseField)).not.toContain('client.email');
    expect(defaults.proposals.map((p) => p.crmFieldId)).toContain('Custom1001');
  });
});
