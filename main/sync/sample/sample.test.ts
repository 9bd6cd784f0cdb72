// Test with a sample record, on a real core and the SmartAdvocate simulator: the dry run shows the mapped values
// and the CRM record before and writes nothing (the simulator's write count and SQLite's change count stay put);
// Apply sends the case and shows the record after, only the changed fields marked; a CRM record's dry run shows
// what it would bring to its linked case.
import { describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/api';
import { useCleanup } from '../../test-support/use-cleanup';
import { runKeychain, startPushTest, type PushTest } from '../engine/test-push';

const cleanup = useCleanup();

const dbChanges = (t: PushTest) => (t.core.database.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe.skipIf(!runKeychain)('sync sample record', () => {
  it('a dry run shows what would be sent and the CRM record before, and writes nothing; Apply marks what changed', async () => {
    const t = cleanup.use(await startPushTest());
    const kase = t.kayseCase(t.client('Ana'), { injury_type: 'Whiplash', med_bills: 100 });
    await t.idle();
    const crmId = t.core.sync.push.store.link('smartadvocate', kase.id)!.crmRecordId;
    // Changed in Kayse while the integration is off: not sent yet.
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false } });
    await t.core.api.cases.update({ id: kase.id, expectedVersion: kase.version, customValues: { med_bills: 480 } });
    await t.idle();

    const writes = t.saWrites().length;
    const changes = dbChanges(t);
    const dry = await t.core.api.sync.sampleDryRun({ crm: 'smartadvocate', caseId: kase.id });
    expect(t.saWrites().length).toBe(writes);
    expect(dbChanges(t)).toBe(changes);
    expect(dry).toMatchObject({ direction: 'to_crm', operation: 'update', crmRecordId: crmId, caseName: kase.name, crmBefore: { id: crmId, fields: { '3003': 100 } } });
    const byField = Object.fromEntries(dry.values.map((v) => [v.crmFieldId, v]));
    expect(byField['3003']).toMatchObject({ kayseValue: 480, value: 480, crmValue: 100, differs: true });
    expect(byField['3002']).toMatchObject({ value: 'Whiplash', crmValue: 'Whiplash', differs: false });
    expect(byField['standard.first_name']).toMatchObject({ kayseLabel: 'Client first name', value: 'Ana', differs: false });

    // Apply: refused while the integration is off; on, the one case goes now (the record after, beside the one
    // before, only the medical bills changed).
    expect(await refusal(t.core.api.raw.sync.sampleApply({ crm: 'smartadvocate', caseId: kase.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Enable integration is off/) });
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', frequency: { kind: 'hourly' } }); // the push itself waits
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: true } });
    await t.idle();
    expect(t.saWrites().length).toBe(writes);
    const applied = await t.core.api.sync.sampleApply({ crm: 'smartadvocate', caseId: kase.id });
    expect(applied).toMatchObject({ outcome: 'updated', crmRecordId: crmId, crmBefore: { fields: { '3003': 100 } }, crmAfter: { fields: { '3003': 480 } }, error: null });
    expect(applied.fields.filter((f) => f.changed)).toEqual([expect.objectContaining({ field: '3003', before: 100, after: 480 })]);
    expect(applied.fields.find((f) => f.field === '3002')).toMatchObject({ before: 'Whiplash', after: 'Whiplash', changed: false });
    expect(t.saWrites().slice(writes)).toEqual(['UpdateUDFs']);
    expect(t.smartadvocate.caseState(crmId)!.udfs['3003']).toBe(480);
    expect((await t.core.api.sync.runs({ crm: 'smartadvocate' })).runs[0]).toMatchObject({ trigger: 'manual', counts: { updated: 1 } });
  });

  it('a new case would be created; a CRM record shows what it would bring to its linked case; bad input is refused', async () => {
    const t = cleanup.use(await startPushTest());
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false } });
    const fresh = t.kayseCase(t.client('Ben'), { med_bills: 5 });
    const writes = t.saWrites().length;
    const dry = await t.core.api.sync.sampleDryRun({ crm: 'smartadvocate', caseId: fresh.id });
    expect(dry).toMatchObject({ operation: 'create', crmRecordId: null, crmBefore: null });
    expect(dry.values.find((v) => v.crmFieldId === '3003')).toMatchObject({ value: 5, differs: true });
    expect(t.saWrites().length).toBe(writes);

    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: true } });
    await t.idle();
    const crmId = t.core.sync.push.store.link('smartadvocate', fresh.id)!.crmRecordId;
    const afterPush = t.saWrites().length;
    const fromCrm = await t.core.api.sync.sampleDryRun({ crm: 'smartadvocate', crmRecordId: crmId });
    expect(fromCrm).toMatchObject({ direction: 'from_crm', operation: 'apply', caseId: fresh.id, crmBefore: { id: crmId, firstName: 'Ben' } });
    expect(fromCrm.values.find((v) => v.crmFieldId === 'standard.first_name')).toMatchObject({ kayseField: 'client.first_name', value: 'Ben', kayseValue: 'Ben', differs: false });
    expect(t.saWrites().length).toBe(afterPush);

    expect(await refusal(t.core.api.raw.sync.sampleDryRun({ crm: 'smartadvocate', caseId: fresh.id, crmRecordId: crmId }))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/either caseId/) });
    expect(await refusal(t.core.api.raw.sync.sampleDryRun({ crm: 'smartadvocate', crmRecordId: '99999999' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
