// Kayse → SmartAdvocate pushes on a real core and the real simulator: a new case created with its mapped values
// and the marker; an update sending only mapped values that changed; the CRM's own changes never sent back; Enable
// off keeping changes pending until it is on again.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { runKeychain, startPushTest } from './test-push';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('Kayse → CRM push', () => {
  it('creates a new Kayse case in SmartAdvocate with its mapped values and the marker, and links it', async () => {
    const t = cleanup.use(await startPushTest());
    const client = t.client('Ana', 'Lopez');
    const kase = t.kayseCase(client, { accident_date: '2026-03-14', injury_type: 'Fracture', med_bills: 1250, notes: 'not mapped' });
    await t.idle();

    const created = t.smartadvocate.created();
    expect(created).toHaveLength(1);
    const state = t.smartadvocate.caseState(created[0]!)!;
    expect(state.caseTypeId).toBe('1249'); // SmartAdvocate's "Auto Accident"
    expect(state.contact).toMatchObject({ firstName: 'Ana', lastName: 'Lopez', email: client.emails[0] });
    expect(state.udfs).toEqual({ '3001': '2026-03-14T00:00:00', '3002': 'Fracture', '3003': 1250 });
    expect(state.externalReference).toMatch(new RegExp(`^kayse-${kase.id}-`));
    expect(t.core.sync.push.store.link('smartadvocate', kase.id)).toMatchObject({ crmRecordId: created[0], crmCaseTypeId: '1249' });
    expect(t.core.sync.push.store.intent('smartadvocate', kase.id)).toBeNull();
    const status = t.core.sync.pushStatus('smartadvocate');
    expect(status).toMatchObject({ pending: 0, linked: 1, errors: [] });
    expect(status.lastPushAt).not.toBeNull();
  });

  it('sends only the mapped values that changed, and statuses through the status mapping when they are synced', async () => {
    const t = cleanup.use(await startPushTest());
    const kase = t.kayseCase(t.client('Ben'), { injury_type: 'Whiplash', med_bills: 100 });
    await t.idle();
    const id = t.smartadvocate.created()[0]!;
    const writesAfterCreate = t.saWrites().length;

    // An unmapped field: nothing to send.
    let current = await t.core.api.cases.update({ id: kase.id, expectedVersion: 1, customValues: { notes: 'called back' } });
    await t.idle();
    expect(t.saWrites().length).toBe(writesAfterCreate);

    // One mapped field: one UDF write carrying only it.
    current = await t.core.api.cases.update({ id: kase.id, expectedVersion: current.version, customValues: { med_bills: 480 } });
    await t.idle();
    expect(t.saWrites().slice(writesAfterCreate)).toEqual(['UpdateUDFs']);
    expect(t.smartadvocate.caseState(id)!.udfs).toEqual({ '3002': 'Whiplash', '3003': 480 });

    // A status: not sent while Sync case statuses is off (the default), sent through its mapping once on.
    await t.core.api.sync.saveStatusMappings({
      crm: 'smartadvocate',
      kayseCaseTypeId: t.auto.id,
      mappings: [{ kayseStatusId: t.auto.statuses.find((s) => s.name === 'Signed')!.id, crmStatusId: '802', substatus: { typeId: '22', statusId: '901' } }],
    });
    current = await t.core.api.cases.setStatus({ id: kase.id, status: 'Signed', expectedVersion: current.version });
    await t.idle();
    expect(t.smartadvocate.caseState(id)!.statusId).toBe('801');
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { syncStatuses: true } });
    await t.core.api.cases.update({ id: kase.id, expectedVersion: current.version, name: 'Ben Rivera v. Bus Co' });
    await t.idle();
    expect(t.smartadvocate.caseState(id)).toMatchObject({ statusId: '802', substatuses: { '22': '901' }, udfs: { '3003': 480 } });
  });

  it("never sends a demo case to the firm's own CRM, while a real case beside it goes", async () => {
    const t = cleanup.use(await startPushTest());
    const created = t.smartadvocate.created().length;
    const demo = t.core.workspace.records.upsertCase(
      { externalSource: 'demo', externalId: 'd1', name: 'Demo v. Demo', caseType: 'Auto Accident', status: 'New', clientIds: [t.client('Dana').id] },
      { origin: 'ingest', isDemo: true },
    ).case;
    const real = t.kayseCase(t.client('Rita'));
    await t.idle();
    expect(demo.isDemo).toBe(true);
    expect(t.smartadvocate.created().length).toBe(created + 1);
    expect(t.core.sync.push.store.link('smartadvocate', demo.id)).toBeNull();
    expect(t.core.sync.push.store.link('smartadvocate', real.id)).not.toBeNull();
  });

  it("never sends back a change whose origin is the CRM itself", async () => {
    const t = cleanup.use(await startPushTest());
    const kase = t.kayseCase(t.client('Cleo'), { med_bills: 10 });
    await t.idle();
    const writes = t.saWrites().length;
    const requests = t.smartadvocate.requests().length;

    // As the CRM → Kayse side applies a SmartAdvocate edit: origin smartadvocate.
    const fromCrm = t.core.workspace.records.upsertCase(
      { externalSource: 'test', externalId: 'from-sa', name: 'Made in SmartAdvocate', caseType: 'Auto Accident', status: 'New', clientIds: [t.client('Dee', 'Fox', 'smartadvocate').id] },
      { origin: 'smartadvocate' },
    ).case;
    t.core.workspace.records.upsertCase({ caseNumber: kase.caseNumber, name: kase.name, caseType: 'Auto Accident', status: 'New', customValues: { med_bills: 99 } }, { origin: 'smartadvocate' });
    await t.idle();
    expect(t.saWrites().length).toBe(writes);
    expect(t.smartadvocate.requests().length).toBe(requests);
    expect(t.core.sync.push.store.link('smartadvocate', fromCrm.id)).toBeNull();
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);
  });

  it('Enable off sends nothing and keeps the change pending; on, the pending change goes', async () => {
    const t = cleanup.use(await startPushTest());
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false } });
    const kase = t.kayseCase(t.client('Eve'), { med_bills: 5 });
    await t.idle();
    expect(t.smartadvocate.created()).toEqual([]);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBeGreaterThan(0);

    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: true } });
    await t.idle();
    expect(t.smartadvocate.created()).toHaveLength(1);
    expect(t.core.sync.push.store.link('smartadvocate', kase.id)).not.toBeNull();
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);
  });

  it('keeps its cursor, links and pending changes across a restart', async () => {
    const t = cleanup.use(await startPushTest());
    const linked = t.kayseCase(t.client('Tia'), { med_bills: 1 });
    await t.idle();
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false } });
    const waiting = t.kayseCase(t.client('Ula'), { med_bills: 2 });
    await t.core.api.cases.update({ id: linked.id, expectedVersion: linked.version, customValues: { med_bills: 3 } });
    await t.idle();
    const pending = t.core.sync.pushStatus('smartadvocate').pending;
    expect(pending).toBe(3); // Ula, her case, the update

    await t.restart();
    expect(t.core.sync.pushStatus('smartadvocate')).toMatchObject({ pending, linked: 1 });
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: true } });
    await t.idle();
    const [first, second] = t.smartadvocate.created();
    expect(t.smartadvocate.created()).toHaveLength(2);
    expect(t.smartadvocate.caseState(first!)!.udfs['3003']).toBe(3);
    expect(t.core.sync.push.store.link('smartadvocate', waiting.id)?.crmRecordId).toBe(second);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);
  });
});
