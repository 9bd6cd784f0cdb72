// Kayse → CRM updates decided against the CRM record, on a real core and the real simulators: a field changed in the
// CRM that the pull has not met yet, then changed in Kayse, is decided by the conflict rule when the push reads the
// record (CRM wins: Kayse takes the CRM's value and nothing is written to the CRM; Kayse wins: sent; most recent: by
// the times), logged with both values; the same for a LawRuler status whose webhook was not applied yet; a field only
// the CRM changed comes to Kayse and is not overwritten; with Receive off Kayse's change is sent as it is; a CRM value
// Kayse can't take is the record's error, waiting for a change. Also: a pull error of a CRM record from before the
// push linked it is cleared with the link.
import { describe, expect, it } from 'vitest';
import type { CrmConnector } from '../../connectors';
import { useCleanup } from '../../test-support/use-cleanup';
import { unlinkedKey } from './pull-store';
import { pushCase } from './push-record';
import { custom, statusId } from '../test-sync';
import { runKeychain, startPullTest, type PullTest } from './test-pull';

const cleanup = useCleanup();
const LR_WRITES = ['Create', 'Update', 'Note'];
const lrWrites = (t: PullTest) => t.lawruler.requests().filter((r) => LR_WRITES.includes(r.operation)).length;

/**
 * A linked case whose accident date SmartAdvocate changes to `crm` (no pull runs), then Kayse changes to `kayse`
 * (at `kayseAt` on the clock when given), and the push that follows. Returns the writes SmartAdvocate served for it.
 */
async function bothChanged(t: PullTest, kayse: string, crm: string, when: { kayseAt?: string } = {}) {
  const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01' });
  await t.editInCrm(crmId, { fields: { '3001': crm } });
  const writes = t.saWrites().length;
  const realNow = t.clock.now().toISOString();
  if (when.kayseAt) t.clock.set(when.kayseAt);
  await t.core.api.cases.update({ id: kase.id, expectedVersion: kase.version, customValues: { accident_date: kayse } });
  t.clock.set(realNow);
  await t.idle();
  return { kase, crmId, pushWrites: () => t.saWrites().slice(writes) };
}

const conflictsOf = (t: PullTest, caseId: string) => t.core.sync.pull.conflicts.ofCase('smartadvocate', caseId);

describe.skipIf(!runKeychain)('Kayse → CRM push: decided against the CRM record', () => {
  it("CRM wins: the push keeps SmartAdvocate's newer value, writes it to Kayse with SmartAdvocate as origin, sends nothing, logs the conflict", async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', conflict: { rule: 'crm_wins' } });
    const { kase, crmId, pushWrites } = await bothChanged(t, '2026-03-02', '2026-03-03');

    expect(pushWrites()).toEqual([]);
    expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-03/);
    expect(t.caseNow(kase.id).customValues.accident_date).toBe('2026-03-03');
    const history = t.core.workspace.records.history('case', kase.id, 1).changes[0]!;
    expect(history).toMatchObject({ origin: 'smartadvocate', changes: { customValues: { new: { accident_date: '2026-03-03' } } } });
    expect(conflictsOf(t, kase.id)).toEqual([
      expect.objectContaining({ crmRecordId: crmId, crmFieldId: '3001', kayseValue: '2026-03-02', crmValue: expect.stringMatching(/^2026-03-03/), rule: 'crm_wins', winner: 'crm', outcome: 'to_kayse' }),
    ]);
    expect(t.core.sync.push.store.snapshot('smartadvocate', kase.id)!.crmValues['3001']).toMatch(/^2026-03-03/);
    // Settled: the pull finds both sides equal, and the Kayse write (origin SmartAdvocate) is not pushed back.
    expect(await t.pull()).toMatchObject({ applied: 0, conflicts: 0, errors: 0 });
    await t.idle();
    expect(pushWrites()).toEqual([]);
    expect(t.core.sync.pushStatus('smartadvocate')).toMatchObject({ pending: 0, errors: [] });
    // The push's run counts the conflict it decided (Sync now writes the real-time window first).
    await t.core.api.sync.syncNow({ crm: 'smartadvocate' });
    const runs = t.core.sync.runs.store.page('smartadvocate', undefined, 10).runs;
    expect(runs.find((r) => r.trigger === 'realtime')).toMatchObject({ direction: 'to_crm', counts: { conflicts: 1 } });
    expect(runs.find((r) => r.trigger === 'manual')).toMatchObject({ counts: { conflicts: 0 } });
  });

  it("Kayse wins: the push sends Kayse's value over SmartAdvocate's and logs the conflict", async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', conflict: { rule: 'kayse_wins' } });
    const { kase, crmId, pushWrites } = await bothChanged(t, '2026-03-02', '2026-03-03');

    expect(pushWrites()).toEqual(['UpdateUDFs']);
    expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-02/);
    expect(t.caseNow(kase.id).customValues.accident_date).toBe('2026-03-02');
    expect(conflictsOf(t, kase.id)).toEqual([expect.objectContaining({ kayseValue: '2026-03-02', crmValue: expect.stringMatching(/^2026-03-03/), rule: 'kayse_wins', winner: 'kayse', outcome: 'to_crm' })]);
    expect(await t.pull()).toMatchObject({ applied: 0, conflicts: 0, errors: 0 });
  });

  it('most recent: the side that changed the field last wins, by the times of each change', async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', conflict: { rule: 'most_recent' } });
    // SmartAdvocate stamps its changes with the real time; Kayse's change is dated ten minutes after it, or before.
    const later = await bothChanged(t, '2026-04-02', '2026-04-03', { kayseAt: new Date(Date.now() + 600_000).toISOString() });
    const earlier = await bothChanged(t, '2026-05-02', '2026-05-03', { kayseAt: new Date(Date.now() - 600_000).toISOString() });

    expect(later.pushWrites()).toContain('UpdateUDFs');
    expect(t.smartadvocate.caseState(later.crmId)!.udfs['3001']).toMatch(/^2026-04-02/);
    expect(t.caseNow(later.kase.id).customValues.accident_date).toBe('2026-04-02');
    expect(conflictsOf(t, later.kase.id)).toEqual([expect.objectContaining({ rule: 'most_recent', winner: 'kayse', outcome: 'to_crm' })]);

    expect(earlier.pushWrites()).toEqual([]);
    expect(t.smartadvocate.caseState(earlier.crmId)!.udfs['3001']).toMatch(/^2026-05-03/);
    expect(t.caseNow(earlier.kase.id).customValues.accident_date).toBe('2026-05-03');
    expect(conflictsOf(t, earlier.kase.id)).toEqual([expect.objectContaining({ rule: 'most_recent', winner: 'crm', outcome: 'to_kayse' })]);
  });

  it('a field only SmartAdvocate changed comes to Kayse with the push of another field, and stays as SmartAdvocate has it', async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', conflict: { rule: 'kayse_wins' } });
    const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01', injury_type: 'Whiplash' });
    await t.editInCrm(crmId, { fields: { '3002': 'Fracture' } });
    await t.core.api.cases.update({ id: kase.id, expectedVersion: kase.version, customValues: { accident_date: '2026-03-09' } });
    await t.idle();

    expect(t.smartadvocate.caseState(crmId)!.udfs).toMatchObject({ '3001': expect.stringMatching(/^2026-03-09/), '3002': 'Fracture' });
    expect(t.caseNow(kase.id).customValues).toMatchObject({ accident_date: '2026-03-09', injury_type: 'Fracture' });
    expect(conflictsOf(t, kase.id)).toEqual([]);
    expect(await t.pull()).toMatchObject({ applied: 0, conflicts: 0, errors: 0 });
  });

  it("with Receive off nothing of SmartAdvocate's can win: Kayse's change is sent as it is", async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', conflict: { rule: 'crm_wins' } });
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { receive: false } });
    const { kase, crmId, pushWrites } = await bothChanged(t, '2026-03-02', '2026-03-03');

    expect(pushWrites()).toEqual(['UpdateUDFs']);
    expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-02/);
    expect(t.caseNow(kase.id).customValues.accident_date).toBe('2026-03-02');
    expect(conflictsOf(t, kase.id)).toEqual([]);
  });

  it("LawRuler: a lead status changed in LawRuler before its webhook was applied wins under CRM wins; nothing written", async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.sync.updateSettings({ crm: 'lawruler', conflict: { rule: 'crm_wins' } });
    await t.core.api.sync.saveFieldMappings({ crm: 'lawruler', crmCaseTypeId: '1', mappings: [{ kayseField: custom(t, 'accident_date'), crmFieldId: 'Custom1001', direction: 'both' }] });
    const pairs: [string, string][] = [['New', '11'], ['Contacted', '12'], ['Signed', '14']];
    await t.core.api.sync.saveStatusMappings({ crm: 'lawruler', kayseCaseTypeId: t.auto.id, mappings: pairs.map(([kayse, crm]) => ({ kayseStatusId: statusId(t, kayse), crmStatusId: crm, substatus: null })) });
    await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { syncStatuses: true } });
    const client = t.core.workspace.records.upsertClient({ externalSource: 'test', externalId: 'sam', firstName: 'Sam', lastName: 'Tate', phones: ['+1 555 0100'], emails: ['sam@example.com'] }, { origin: 'ingest' }).client;
    const kase = t.kayseCase(client, { accident_date: '2026-02-01' });
    await t.idle();
    const leadId = t.lawruler.created()[0]!;
    // LawRuler's webhook points nowhere here: the pull has not met this change.
    t.lawruler.changeStatus(leadId, '14');
    const writes = lrWrites(t);
    await t.core.api.cases.setStatus({ id: kase.id, status: 'Contacted', expectedVersion: t.caseNow(kase.id).version });
    await t.idle();

    expect(t.caseNow(kase.id).status).toBe('Signed');
    expect(t.core.workspace.records.history('case', kase.id, 1).changes[0]).toMatchObject({ origin: 'lawruler', changes: { status: { old: 'Contacted', new: 'Signed' } } });
    expect(t.lawruler.lead(leadId)).toMatchObject({ StatusID: 14 });
    expect(lrWrites(t)).toBe(writes);
    expect(t.core.sync.pull.conflicts.ofCase('lawruler', kase.id)).toEqual([
      expect.objectContaining({ crmFieldId: '$status', kayseValue: 'Contacted', crmValue: { statusId: '14', substatuses: [] }, rule: 'crm_wins', winner: 'crm', outcome: 'to_kayse' }),
    ]);
  });

  it("a CRM email Kayse refuses: the push's date still goes, the error says why and waits for a change", async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01' });
    const clientId = kase.clientIds[0]!;
    const email = t.core.workspace.records.getClient(clientId)!.emails[0];
    // SmartAdvocate takes any text as an email; Kayse does not.
    await t.editInCrm(crmId, { email: 'lou at example' });
    await t.core.api.cases.update({ id: kase.id, expectedVersion: t.caseNow(kase.id).version, customValues: { accident_date: '2026-03-09' } });
    await t.idle();

    expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-09/);
    expect(t.core.workspace.records.getClient(clientId)!.emails[0]).toBe(email);
    const error = t.core.sync.push.store.error('smartadvocate', kase.id);
    expect(error).toMatchObject({ kind: 'kayse_refused', nextTryAt: null });
    expect(error!.message).toMatch(/client\.email.*Not an email address/);
    // Not retried on a timer: nothing is due, whatever the time.
    t.clock.advance(3 * 3_600_000);
    expect(t.core.sync.push.store.dueErrors('smartadvocate', t.clock.now().toISOString())).toEqual([]);
  });

  it("a pull error of a CRM record from before the push linked it is cleared when the link is made", async () => {
    const t = cleanup.use(await startPullTest());
    // The push is driven by hand here: Enable off keeps the pusher away from the case.
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false } });
    const kase = t.kayseCase(t.client('Ivy'), { accident_date: '2026-03-01' });
    const ready = (await t.core.sync.push.depsFor('smartadvocate'))!;
    const pull = t.core.sync.pull.store;
    const real = ready.push.connector;
    // The case is in SmartAdvocate before its link is written; meanwhile the pull failed on the new record.
    const create: CrmConnector['create'] = async (input, marker) => {
      const record = await real.create(input, marker);
      const at = t.clock.now().toISOString();
      pull.recordError('smartadvocate', { key: unlinkedKey(record.id), kind: 'unavailable', message: 'SmartAdvocate did not answer', crmMessage: null, httpStatus: 503, field: null, lastAt: at, nextTryAt: at });
      return record;
    };
    const connector: CrmConnector = { ...real, create };

    expect(await pushCase({ ...ready.push, connector }, kase.id)).toBe('created');
    const crmId = t.core.sync.push.store.link('smartadvocate', kase.id)!.crmRecordId;
    expect(t.smartadvocate.created()).toEqual([crmId]);
    expect(pull.errors('smartadvocate')).toEqual([]);
    expect(pull.dueErrors('smartadvocate', t.clock.now().toISOString())).toEqual([]);
  });
});
