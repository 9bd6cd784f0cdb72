// Status mappings through the contract on both simulators' catalogs: each Kayse status → a CRM status (SmartAdvocate:
// with a substatus), the reverse derived, a CRM status shared by several Kayse statuses refused until one is chosen;
// a CRM status gone from the catalog marked missing.
import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support/api';
import { useCleanup } from '../test-support/use-cleanup';
import { kayseStatusFor } from '.';
import { runKeychain, startSyncTest, statusId } from './test-sync';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('status mappings', () => {
  it('SmartAdvocate: substatuses, the reverse derived, and a shared CRM status refused until one Kayse status is chosen', async () => {
    const t = cleanup.use(await startSyncTest());
    const s = (name: string) => statusId(t, name);
    const mappings = [
      { kayseStatusId: s('New'), crmStatusId: '801' },
      { kayseStatusId: s('Contacted'), crmStatusId: '801' },
      { kayseStatusId: s('Docs Out'), crmStatusId: '801', substatus: { typeId: '22', statusId: '900' } },
      { kayseStatusId: s('Signed'), crmStatusId: '802' },
      { kayseStatusId: s('Closed'), crmStatusId: '807' },
    ];
    const ambiguous = await refusal(t.core.api.raw.sync.saveStatusMappings({ crm: 'smartadvocate', kayseCaseTypeId: t.auto.id, mappings }));
    expect(ambiguous).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'mappings.0.reverseChoice', message: 'CRM status "Intake" is mapped from "New", "Contacted": choose which one it sets in Kayse (reverseChoice on exactly one of them)' }] },
    });
    const twoChosen = await refusal(
      t.core.api.raw.sync.saveStatusMappings({ crm: 'smartadvocate', kayseCaseTypeId: t.auto.id, mappings: mappings.map((m, i) => (i < 2 ? { ...m, reverseChoice: true } : m)) }),
    );
    expect(twoChosen.details).toEqual({ issues: [{ path: 'mappings.0.reverseChoice', message: expect.stringMatching(/only one of "New", "Contacted" can be the one it sets in Kayse; 2 are chosen/) }] });
    expect((await t.core.api.sync.statusMappings({ crm: 'smartadvocate' })).caseTypes).toEqual([]);

    const set = await t.core.api.sync.saveStatusMappings({
      crm: 'smartadvocate',
      kayseCaseTypeId: t.auto.id,
      mappings: mappings.map((m, i) => (i === 1 ? { ...m, reverseChoice: true } : m)),
    });
    expect(set.mappings[2]).toMatchObject({ kayseStatusName: 'Docs Out', crmStatusName: 'Intake', substatus: { typeId: '22', typeName: 'Intake Stage', statusId: '900', statusName: 'Docs sent' }, missing: false });
    expect(set.reverse.map((r) => [r.crmStatusName, r.substatus?.statusName ?? null, r.kayseStatusName, r.sharedBy.length])).toEqual([
      ['Intake', null, 'Contacted', 2],
      ['Intake', 'Docs sent', 'Docs Out', 1],
      ['Signed Up', null, 'Signed', 1],
      ['Closed', null, 'Closed', 1],
    ]);
    // The engine's look-up: a held substatus first, then the plain status; nothing for an unmapped one.
    expect(kayseStatusFor(set, '801', [{ typeId: '22', statusId: '900' }])).toBe(s('Docs Out'));
    expect(kayseStatusFor(set, '801', [{ typeId: '21', statusId: '891' }])).toBe(s('Contacted'));
    expect(kayseStatusFor(set, '803', [])).toBeNull();
    expect((await t.core.api.sync.statusMappings({ crm: 'smartadvocate' })).caseTypes).toEqual([set]);
  });

  it('refuses a substatus on LawRuler, an unknown CRM status or substatus, and a status of another case type, naming each', async () => {
    const t = cleanup.use(await startSyncTest());
    const other = await t.core.api.caseTypes.create({ name: 'Camp Lejeune', statuses: ['Screening'] });
    const lr = await refusal(
      t.core.api.raw.sync.saveStatusMappings({
        crm: 'lawruler',
        kayseCaseTypeId: t.auto.id,
        mappings: [
          { kayseStatusId: statusId(t, 'New'), crmStatusId: '11', substatus: { typeId: '22', statusId: '900' } },
          { kayseStatusId: statusId(t, 'Signed'), crmStatusId: '99' },
          { kayseStatusId: other.statuses[0]!.id, crmStatusId: '12' },
          { kayseStatusId: statusId(t, 'New'), crmStatusId: '12' },
        ],
      }),
    );
    expect(lr.details).toEqual({
      issues: [
        { path: 'mappings.0.substatus', message: `"New" → "New Lead": this CRM has no substatuses (secondary status types are SmartAdvocate's)` },
        { path: 'mappings.1.crmStatusId', message: expect.stringMatching(/^"Signed" → 99: the CRM's statuses have no such id/) },
        { path: 'mappings.2.kayseStatusId', message: expect.stringMatching(/"Auto Accident" has no status/) },
        { path: 'mappings.3.kayseStatusId', message: '"New": a Kayse status maps to one CRM status; it is already mapped above' },
      ],
    });
    const sa = await refusal(
      t.core.api.raw.sync.saveStatusMappings({ crm: 'smartadvocate', kayseCaseTypeId: t.auto.id, mappings: [{ kayseStatusId: statusId(t, 'New'), crmStatusId: '801', substatus: { typeId: '22', statusId: '910' } }] }),
    );
    expect(sa.details).toEqual({ issues: [{ path: 'mappings.0.substatus', message: '"New" → "Intake": "Intake Stage" has no status 910' }] });
  });

  it('marks a CRM status missing once it leaves the catalog (a LawRuler field sheet removed); the rest stay usable', async () => {
    const t = cleanup.use(await startSyncTest());
    await t.core.api.crm.importFieldSheet({ crm: 'lawruler', caseTypeId: '7', caseTypeName: 'Hair Relaxer', csv: 'Kind,ID,Name,Type,Options\nstatus,31,Awaiting Records,,' });
    await t.core.api.sync.saveStatusMappings({
      crm: 'lawruler',
      kayseCaseTypeId: t.auto.id,
      mappings: [
        { kayseStatusId: statusId(t, 'Docs Out'), crmStatusId: '31' },
        { kayseStatusId: statusId(t, 'Signed'), crmStatusId: '14' },
      ],
    });
    await t.core.api.crm.removeFieldSheet({ crm: 'lawruler', caseTypeId: '7' });
    const [set] = (await t.core.api.sync.statusMappings({ crm: 'lawruler' })).caseTypes;
    expect(set!.mappings.map((m) => [m.crmStatusName, m.missing, m.missingReason])).toEqual([
      ['Awaiting Records', true, 'the CRM status "Awaiting Records" (31) is no longer in the CRM: pick another status'],
      ['Signed', false, null],
    ]);
    expect(set!.reverse.map((r) => [r.crmStatusId, r.missing])).toEqual([
      ['31', true],
      ['14', false],
    ]);
    expect(kayseStatusFor(set!, '31', [])).toBeNull();
    expect(kayseStatusFor(set!, '14', [])).toBe(statusId(t, 'Signed'));
  });
});
