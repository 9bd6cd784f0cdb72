// CRM → Kayse on a real core and the real SmartAdvocate simulator: a pulled change is written with SmartAdvocate as
// origin and never written back (the simulator counts no write); selective sync on receive; a mapped field gone from
// the CRM leaves the others syncing; the inbound cursor saved after each page (a pass stopped after page one and a
// restart: every record once); date-only values keep their day in America/Los_Angeles; substatuses from the CRM.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { custom, statusId } from '../test-sync';
import { runKeychain, startPullTest } from './test-pull';

const cleanup = useCleanup();
const BEGINNING = { modifiedAt: '2000-01-01T00:00:00.000Z', id: '' };

describe.skipIf(!runKeychain)('CRM → Kayse: receiving', () => {
  it('applies a SmartAdvocate edit with SmartAdvocate as origin, and writes nothing back to it', async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, crmId } = await t.linkedCase();
    const client = kase.clientIds[0]!;
    const writes = t.saWrites().length;

    t.smartadvocate.editRecord(crmId, 'Anabel');
    expect(await t.pull()).toMatchObject({ applied: 1, created: 0, conflicts: 0, errors: 0 });
    await t.idle();

    expect(t.core.workspace.records.getClient(client)!.firstName).toBe('Anabel');
    expect(t.core.workspace.records.history('client', client, 1).changes[0]).toMatchObject({ origin: 'smartadvocate', changes: { firstName: { old: 'Ana', new: 'Anabel' } } });
    // No echo: the push read the change and sent nothing.
    expect(t.saWrites().length).toBe(writes);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);
    // Read again, nothing changed: nothing applied.
    t.smartadvocate.editRecord(crmId, 'Anabel');
    expect(await t.pull()).toMatchObject({ applied: 0, skipped: 1 });
  });

  it('Enable off or Receive off pulls nothing and keeps the cursor; on again, the change comes', async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, crmId } = await t.linkedCase();
    await t.pull();
    const cursor = t.core.sync.pull.store.cursor('smartadvocate');
    t.smartadvocate.editRecord(crmId, 'Bea');
    for (const toggles of [{ enabled: false }, { enabled: true, receive: false }]) {
      await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles });
      expect(await t.pull()).toMatchObject({ read: 0, applied: 0 });
      expect(t.core.sync.pull.store.cursor('smartadvocate')).toEqual(cursor);
    }
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { receive: true } });
    expect(await t.pull()).toMatchObject({ applied: 1 });
    expect(t.core.workspace.records.getClient(kase.clientIds[0]!)!.firstName).toBe('Bea');
  });

  it('selective sync on receive: a case whose status is not selected is left alone', async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, crmId } = await t.linkedCase();
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', selective: { statusIds: [statusId(t, 'Signed')] } });
    await t.editInCrm(crmId, { fields: { '3001': '2026-06-01' } });
    expect(await t.pull()).toMatchObject({ applied: 0, skipped: 1 });
    expect(t.caseNow(kase.id).customValues.accident_date).toBe('2026-03-01');
  });

  it('creates Kayse cases from unlinked CRM records only when receiving cases is selected, each once', async () => {
    const t = cleanup.use(await startPullTest());
    const seeded = ['600000', '600001', '600002'];
    const autos = seeded.filter((id) => t.smartadvocate.caseState(id)!.caseTypeId === '1249');
    const fromCrm = () => t.core.database.sqlite.prepare("SELECT external_id AS id FROM cases WHERE external_source = 'smartadvocate' ORDER BY external_id").all() as { id: string }[];

    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', selective: { recordKinds: ['clients'] } });
    t.core.sync.pull.store.setCursor('smartadvocate', BEGINNING, t.clock.now().toISOString());
    expect(await t.pull()).toMatchObject({ read: 3, created: 0, skipped: 3 });
    expect(fromCrm()).toEqual([]);

    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', selective: { recordKinds: [] } });
    t.core.sync.pull.store.setCursor('smartadvocate', BEGINNING, t.clock.now().toISOString());
    expect(await t.pull()).toMatchObject({ read: 3, created: autos.length, skipped: 3 - autos.length, errors: 0 });
    expect(fromCrm().map((r) => r.id)).toEqual(autos);
    for (const id of autos) expect(t.core.sync.pull.store.linkOfRecord('smartadvocate', id)).not.toBeNull();
  });

  it('saves the cursor after every page: a pass stopped after page one and a restart read every record once', async () => {
    const t = cleanup.use(await startPullTest());
    t.smartadvocate.seed(9);
    const seeded = Array.from({ length: 12 }, (_, i) => String(600_000 + i));
    const autos = seeded.filter((id) => t.smartadvocate.caseState(id)!.caseTypeId === '1249');
    t.core.sync.pull.store.setCursor('smartadvocate', BEGINNING, t.clock.now().toISOString());

    const first = await t.core.sync.pull.pullOnce('smartadvocate', 'manual', { pageSize: 4, maxPages: 1 });
    expect(first.read).toBe(4);
    expect(t.core.sync.pull.store.cursor('smartadvocate')).toMatchObject({ id: '600003' });

    await t.restart();
    const rest = await t.core.sync.pull.pullOnce('smartadvocate', 'manual', { pageSize: 4 });
    expect(rest.read).toBe(8);
    expect(first.created + rest.created).toBe(autos.length);
    const made = t.core.database.sqlite.prepare("SELECT external_id AS id, count(*) AS n FROM cases WHERE external_source = 'smartadvocate' GROUP BY external_id ORDER BY external_id").all();
    expect(made).toEqual(autos.map((id) => ({ id, n: 1 })));
    expect(t.core.sync.pull.store.cursor('smartadvocate')).toMatchObject({ id: '600011' });
  });

  it('a mapped field gone from SmartAdvocate is not used; the other fields still come over', async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01', injury_type: 'Whiplash' });
    t.smartadvocate.deleteUdf('3002');
    await t.core.api.crm.refreshCatalog({ crm: 'smartadvocate' });
    const effective = await t.core.api.sync.effectiveFieldMappings({ crm: 'smartadvocate', crmCaseTypeId: '1249' });
    expect(effective.missing.map((m) => m.kayseField)).toEqual([custom(t, 'injury_type')]);

    await t.editInCrm(crmId, { fields: { '3001': '2026-07-04' } });
    expect(await t.pull()).toMatchObject({ applied: 1, errors: 0 });
    expect(t.caseNow(kase.id).customValues).toMatchObject({ accident_date: '2026-07-04', injury_type: 'Whiplash' });
  });

  it('keeps the day of a date-only value with the company in America/Los_Angeles', async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.company.update({ name: 'Smith Law', timezone: 'America/Los_Angeles' });
    const { kase, crmId } = await t.linkedCase();
    // SmartAdvocate stores it as midnight with no zone; read as an instant in Los Angeles it would be the 13th.
    await t.editInCrm(crmId, { fields: { '3001': '2026-03-14' } });
    expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toBe('2026-03-14T00:00:00');
    await t.pull();
    expect(t.caseNow(kase.id).customValues.accident_date).toBe('2026-03-14');
  });

  it('SmartAdvocate substatuses set the Kayse status through the reverse status mapping', async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.sync.saveStatusMappings({
      crm: 'smartadvocate',
      kayseCaseTypeId: t.auto.id,
      mappings: [
        { kayseStatusId: statusId(t, 'New'), crmStatusId: '801', substatus: null },
        { kayseStatusId: statusId(t, 'Contacted'), crmStatusId: '802', substatus: null },
        { kayseStatusId: statusId(t, 'Signed'), crmStatusId: '802', substatus: { typeId: '22', statusId: '901' } },
      ],
    });
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { syncStatuses: true } });
    const { kase, crmId } = await t.linkedCase();
    expect(t.smartadvocate.caseState(crmId)!.statusId).toBe('801');

    await t.editInCrm(crmId, { statusId: '802', substatuses: [{ typeId: '22', statusId: '901' }] });
    let writes = t.saWrites().length;
    expect(await t.pull()).toMatchObject({ applied: 1, errors: 0 });
    expect(t.caseNow(kase.id).status).toBe('Signed');
    expect(t.core.workspace.records.history('case', kase.id, 1).changes[0]).toMatchObject({ origin: 'smartadvocate', changes: { status: { old: 'New', new: 'Signed' } } });
    await t.idle();
    expect(t.saWrites().length).toBe(writes);

    await t.editInCrm(crmId, { substatuses: [{ typeId: '22', statusId: '900' }] });
    writes = t.saWrites().length;
    expect(await t.pull()).toMatchObject({ applied: 1 });
    expect(t.caseNow(kase.id).status).toBe('Contacted');
    await t.idle();
    // Nothing applied from SmartAdvocate was written back to it.
    expect(t.saWrites().length).toBe(writes);
  });
});
