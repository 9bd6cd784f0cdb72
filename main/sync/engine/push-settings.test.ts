// What the push obeys beyond the toggles' Enable: an idle record's change goes at once while another's update is
// slow; changes of a record made while its update is on its way go as one next update; selective sync by case type and status; direction CRM → Kayse and Send off push nothing (and keep
// nothing pending for later).
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { statusId } from '../test-sync';
import { runKeychain, startPushTest } from './test-push';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('Kayse → CRM push settings', () => {
  it('changes made while an update is on its way go together as the next update', async () => {
    const t = cleanup.use(await startPushTest());
    const kase = t.kayseCase(t.client('Max'), { med_bills: 0 });
    await t.idle();
    const id = t.smartadvocate.created()[0]!;
    const udfWrites = () => t.saWrites().filter((op) => op === 'UpdateUDFs').length;

    const before = udfWrites();
    // Every answer slow until the update's UDF write has reached SmartAdvocate (the push reads the case first): the
    // changes below are made while that write is on its way, after the case was read for it.
    const seen = t.smartadvocate.requests().length;
    t.smartadvocate.setFault({ kind: 'slow', ms: 400 });
    let current = await t.core.api.cases.update({ id: kase.id, expectedVersion: t.core.workspace.records.getCase(kase.id)!.version, customValues: { med_bills: 1 } });
    const writeArrived = () => t.smartadvocate.requests().slice(seen).some((r) => r.method === 'PUT' && r.path.endsWith('/udfs') && r.fault === 'slow');
    for (let i = 0; i < 300 && !writeArrived(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    t.smartadvocate.setFault(null);
    expect(t.core.sync.push.pusher('smartadvocate').state().running).toBe(true);
    for (const value of [2, 3, 4]) current = await t.core.api.cases.update({ id: kase.id, expectedVersion: current.version, customValues: { med_bills: value } });
    await t.idle();

    // One for the change that started it, one for the three made meanwhile (not three more).
    expect(udfWrites() - before).toBe(2);
    expect(t.smartadvocate.caseState(id)!.udfs['3003']).toBe(4);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);
  });

  it("an idle record's change goes at once, while another record's update is still on its way", async () => {
    const t = cleanup.use(await startPushTest());
    const slow = t.kayseCase(t.client('Ros'), { med_bills: 0 });
    const idle = t.kayseCase(t.client('Sid'), { med_bills: 0 });
    await t.idle();
    const [slowId, idleId] = t.smartadvocate.created();

    t.smartadvocate.setFault({ kind: 'slow', ms: 1_500 }, { times: 1 });
    await t.core.api.cases.update({ id: slow.id, expectedVersion: slow.version, customValues: { med_bills: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sentAt = Date.now();
    await t.core.api.cases.update({ id: idle.id, expectedVersion: idle.version, customValues: { med_bills: 2 } });
    for (let i = 0; i < 100 && t.smartadvocate.caseState(idleId!)!.udfs['3003'] !== 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(t.smartadvocate.caseState(idleId!)!.udfs['3003']).toBe(2);
    expect(Date.now() - sentAt).toBeLessThan(1_000);
    expect(t.smartadvocate.caseState(slowId!)!.udfs['3003']).toBe(0);
    await t.idle();
    expect(t.smartadvocate.caseState(slowId!)!.udfs['3003']).toBe(1);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);
  });

  it('selective sync: only the chosen case types and statuses are pushed', async () => {
    const t = cleanup.use(await startPushTest());
    const dogBite = await t.core.api.caseTypes.create({ name: 'Dog Bite', statuses: ['Open', 'Closed'] });
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', selective: { caseTypeIds: [dogBite.id], statusIds: [dogBite.statuses[0]!.id] } });

    const client = t.client('Nia');
    const auto = t.kayseCase(client);
    const bite = t.core.workspace.records.upsertCase({ name: 'Nia v. Rex', caseType: 'Dog Bite', status: 'Open', clientIds: [client.id] }, { origin: 'ingest' }).case;
    const closedBite = t.core.workspace.records.upsertCase({ name: 'Nia v. Fido', caseType: 'Dog Bite', status: 'Closed', clientIds: [client.id] }, { origin: 'ingest' }).case;
    await t.idle();

    const store = t.core.sync.push.store;
    expect(store.link('smartadvocate', bite.id)).toMatchObject({ crmCaseTypeId: '1251' }); // SmartAdvocate's Dog Bite
    expect(store.link('smartadvocate', auto.id)).toBeNull();
    expect(store.link('smartadvocate', closedBite.id)).toBeNull();
    expect(t.smartadvocate.created()).toHaveLength(1);
    expect(t.core.sync.pushStatus('smartadvocate')).toMatchObject({ pending: 0, errors: [] });

    // The Auto Accident case's status filter: chosen again, its next change goes.
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', selective: { caseTypeIds: [], statusIds: [statusId(t, 'Contacted')] } });
    await t.core.api.cases.setStatus({ id: auto.id, status: 'Contacted', expectedVersion: auto.version });
    await t.idle();
    expect(store.link('smartadvocate', auto.id)).not.toBeNull();
  });

  it('direction CRM → Kayse and Send off push nothing', async () => {
    const t = cleanup.use(await startPushTest());
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', direction: 'crm_to_kayse' });
    t.kayseCase(t.client('Oli'));
    await t.idle();
    expect(t.saWrites()).toEqual([]);

    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', direction: 'both' });
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { send: false } });
    t.kayseCase(t.client('Pia'));
    await t.idle();
    expect(t.saWrites()).toEqual([]);

    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { send: true, sendMapping: false } });
    t.kayseCase(t.client('Quin'));
    await t.idle();
    expect(t.saWrites()).toEqual([]);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);

    // Back on: the next Kayse change is sent.
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { sendMapping: true } });
    t.kayseCase(t.client('Rae'));
    await t.idle();
    expect(t.smartadvocate.created()).toHaveLength(1);
  });
});
