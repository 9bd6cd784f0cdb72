// The SmartAdvocate connector against its simulator: the shared conformance suite, then what is SmartAdvocate's
// own (substatuses, HTML notes, UDF values and catalog changes, Test connection's advice).
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { CrmError } from '../crm/errors';
import { describeCrmConformance } from '../crm/test-conformance';
import { startSmartAdvocateTest } from './test-smartadvocate';

describeCrmConformance('SmartAdvocate', () => startSmartAdvocateTest());

describe('SmartAdvocate connector', () => {
  const cleanup = useCleanup();
  const setUp = async () => {
    const t = await startSmartAdvocateTest();
    cleanup.add(() => t.close());
    return t;
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail('expected a CrmError'),
      (e: unknown) => {
        expect(e).toBeInstanceOf(CrmError);
        return e as CrmError;
      },
    );

  it('sets one status per secondary status type, replacing that type only, and reads them back as substatuses', async () => {
    const { connector, sampleInput, sim } = await setUp();
    const crm = connector();
    const created = await crm.create({ ...sampleInput(1), substatuses: [{ typeId: '21', statusId: '891' }, { typeId: '22', statusId: '900' }] }, 'm-1');
    expect(created.substatuses).toEqual(expect.arrayContaining([{ typeId: '21', statusId: '891' }, { typeId: '22', statusId: '900' }]));

    const updated = await crm.update(created.id, { substatuses: [{ typeId: '21', statusId: '890' }] });
    expect(sim.caseState(created.id)!.substatuses).toEqual({ '21': '890', '22': '900' });
    expect(updated.substatuses).toHaveLength(2);
    expect(updated.substatuses).toEqual(expect.arrayContaining([{ typeId: '21', statusId: '890' }, { typeId: '22', statusId: '900' }]));
  });

  it('refuses two statuses of one secondary status type, and a status of another type, before writing anything', async () => {
    const { connector, sampleInput, sim } = await setUp();
    const crm = connector();
    const created = await crm.create(sampleInput(2), 'm-2');
    const writes = () => sim.requests().filter((r) => r.method !== 'GET' && r.operation !== 'authenticate' && r.operation !== 'CasesByDatePaged').length;
    const before = writes();

    const twice = await failure(crm.update(created.id, { statusId: sim.ids.otherStatusId, substatuses: [{ typeId: '21', statusId: '890' }, { typeId: '21', statusId: '891' }] }));
    expect(twice.kind).toBe('rejected');
    expect(twice.message).toMatch(/at most one status of each secondary status type/);

    const wrongType = await failure(crm.update(created.id, { substatuses: [{ typeId: '21', statusId: '900' }] }));
    expect(wrongType.kind).toBe('rejected');
    expect(wrongType.crmDetails.field).toBe('Dialer Status');
    expect(writes()).toBe(before);
    expect(sim.caseState(created.id)!.statusId).toBe(sim.ids.statusId);
  });

  it('stores a note as HTML with our text escaped, line breaks as <br>', async () => {
    const { connector, sampleInput, sim } = await setUp();
    const crm = connector();
    const created = await crm.create(sampleInput(3), 'm-3');
    await crm.addNote(created.id, { subject: 'Call', text: 'Said: <script>alert("x")</script> & left\nBack tomorrow', at: '2026-11-26T20:00:00Z' });
    expect(sim.rawNotesOf(created.id)).toEqual(['Said: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left<br>Back tomorrow']);
    expect(sim.notesOf(created.id)[0]!.text).toBe('Said: <script>alert("x")</script> & left\nBack tomorrow');
  });

  it('writes UDF values by type (dates date-only, selects by option) and reads them back unshifted', async () => {
    const { connector, sampleInput, sim } = await setUp();
    const crm = connector();
    const created = await crm.create(sampleInput(4), 'm-4');
    const fields = { '3001': '2026-03-01', '3002': 'fracture', '3003': 1234.5, '3004': true, '3005': ['Chiropractor', 'Primary care'], '3006': 'Rear-ended' };
    const updated = await crm.update(created.id, { fields });
    expect(updated.fields).toMatchObject({ ...fields, '3002': 'Fracture' });
    expect(sim.caseState(created.id)!.udfs['3001']).toBe('2026-03-01T00:00:00');

    const notADate = await failure(crm.update(created.id, { fields: { '3001': '2026-03-01T23:30:00-05:00' } }));
    expect(notADate).toMatchObject({ kind: 'rejected', crmDetails: { field: 'Accident Date' } });
    const notAnOption = await failure(crm.update(created.id, { fields: { '3002': 'Broken heart' } }));
    expect(notAnOption.crmDetails.field).toBe('Injury Type');
  });

  it('shows a UDF renamed or deleted in SmartAdvocate in the next catalog, and refuses writes to the deleted one', async () => {
    const { connector, sampleInput, sim } = await setUp();
    const crm = connector();
    const first = await crm.loadCatalog();
    expect(first.fields.find((f) => f.id === '3002')).toMatchObject({ name: 'Injury Type', shortName: 'InjType', type: 'single_select' });
    expect(first.fields.find((f) => f.id === '3005')).toMatchObject({ shortName: null, type: 'multi_select', caseTypeIds: null });
    expect(first.substatusTypes.find((t) => t.id === '21')?.statuses.map((s) => s.name)).toEqual(['Do not dial', 'Call back', 'Dialing']);

    sim.renameUdf('3002', 'Primary Injury', 'PrimInj');
    sim.deleteUdf('3006');
    const second = await crm.loadCatalog();
    expect(second.fields.find((f) => f.id === '3002')).toMatchObject({ name: 'Primary Injury', shortName: 'PrimInj' });
    expect(second.fields.map((f) => f.id)).not.toContain('3006');

    const created = await crm.create(sampleInput(5), 'm-5');
    const gone = await failure(crm.update(created.id, { fields: { '3006': 'text' } }));
    expect(gone).toMatchObject({ kind: 'rejected', crmDetails: { field: 'UDF 3006' } });
  });

  it('updates the primary contact with a JSON Patch: name, phone and email', async () => {
    const { connector, sampleInput, sim } = await setUp();
    const crm = connector();
    const created = await crm.create(sampleInput(6), 'm-6');
    const updated = await crm.update(created.id, { lastName: "O'Neil", phone: null, email: 'new@kayse-sample.example' });
    expect(updated).toMatchObject({ firstName: 'Client6', lastName: "O'Neil", phone: null, email: 'new@kayse-sample.example' });
    expect(sim.caseState(created.id)!.contact).toEqual({ firstName: 'Client6', lastName: "O'Neil", phone: null, email: 'new@kayse-sample.example' });
  });

  it('finds an existing case by phone (digits only) and by case number', async () => {
    const { connector, sampleInput } = await setUp();
    const crm = connector();
    const created = await crm.create(sampleInput(7), 'm-7');
    expect((await crm.findExisting({ phone: '+1 646 555 1007' }, null))?.id).toBe(created.id);
    expect((await crm.findExisting({ caseNumber: created.caseNumber }, null))?.id).toBe(created.id);
    expect(await crm.findExisting({ caseNumber: '9999%' }, null)).toBeNull();
  });

  it('Test connection: signed in as whom, cases visible, catalog counts; a denied permission names the fix', async () => {
    const { connector, sim } = await setUp();
    sim.seed(12);
    const checks = await connector().testConnection();
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['Signed in', true],
      ['Can read cases', true],
      ['Can load fields and statuses', true],
    ]);
    expect(checks[0]!.detail).toContain('as kayse-sync');
    expect(checks[1]!.detail).toContain('12 cases');

    sim.deny(['CasesByDatePaged']);
    const denied = await connector().testConnection();
    expect(denied[1]).toMatchObject({ ok: false, fix: expect.stringMatching(/lacks a permission/) });
    expect(denied[2]!.ok).toBe(true);
  });

  it('Test connection with a wrong password says so, and what to do', async () => {
    const { badCredentials } = await setUp();
    const [signIn, ...rest] = await badCredentials().testConnection();
    expect(signIn).toMatchObject({ name: 'Signed in', ok: false, fix: expect.stringMatching(/user name and password/) });
    expect(signIn!.detail).toContain('Username or password is incorrect');
    expect(rest.every((c) => !c.ok && c.detail.startsWith('Not checked'))).toBe(true);
  });
});
