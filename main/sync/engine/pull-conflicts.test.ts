// CRM → Kayse decisions on a real core and the real SmartAdvocate simulator: a field both sides changed since the last
// sync, decided by each conflict rule and logged with both values; an empty value that does not overwrite a filled
// one until the setting says so. Kayse's change is kept from the push (Send off while it is made) so that both sides
// have changed when the pull reads the CRM.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { applyCrmRecord } from './pull-apply';
import { runKeychain, startPullTest, type PullTest } from './test-pull';

const cleanup = useCleanup();

/** A linked case whose accident date was changed on both sides: to `kayse` in Kayse, then to `crm` in SmartAdvocate. */
async function bothChanged(t: PullTest, kayse: string, crm: string, when: { kayseAt?: string } = {}) {
  const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01' });
  await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { send: false } });
  const realNow = new Date().toISOString();
  if (when.kayseAt) t.clock.set(when.kayseAt);
  await t.core.api.cases.update({ id: kase.id, expectedVersion: kase.version, customValues: { accident_date: kayse } });
  t.clock.set(realNow);
  await t.idle();
  await t.editInCrm(crmId, { fields: { '3001': crm } });
  await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { send: true } });
  await t.idle();
  return { kase, crmId };
}

describe.skipIf(!runKeychain)('CRM → Kayse: conflicts', () => {
  it('CRM wins: the CRM value is written to Kayse with SmartAdvocate as origin, and the conflict is logged with both values', async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', conflict: { rule: 'crm_wins' } });
    const { kase, crmId } = await bothChanged(t, '2026-03-02', '2026-03-03');

    const counts = await t.pull();
    expect(counts).toMatchObject({ applied: 1, conflicts: 1, errors: 0 });
    expect(t.caseNow(kase.id).customValues.accident_date).toBe('2026-03-03');
    expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-03/);
    const history = t.core.workspace.records.history('case', kase.id, 1).changes[0]!;
    expect(history).toMatchObject({ origin: 'smartadvocate', changes: { customValues: { new: { accident_date: '2026-03-03' } } } });
    expect(t.core.sync.pull.conflicts.list('smartadvocate')).toEqual([
      expect.objectContaining({ caseId: kase.id, crmRecordId: crmId, kayseField: expect.stringMatching(/\.accident_date$/), crmFieldId: '3001', kayseValue: '2026-03-02', crmValue: '2026-03-03', rule: 'crm_wins', winner: 'crm', outcome: 'to_kayse' }),
    ]);
    // The same log through the contract.
    expect(await t.core.api.sync.conflicts({ crm: 'smartadvocate' })).toEqual(t.core.sync.pull.conflicts.list('smartadvocate'));
  });

  it('Kayse wins: the Kayse value is sent to SmartAdvocate, Kayse keeps it, the conflict is logged', async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', conflict: { rule: 'kayse_wins' } });
    const { kase, crmId } = await bothChanged(t, '2026-03-02', '2026-03-03');

    const counts = await t.pull();
    expect(counts).toMatchObject({ applied: 1, conflicts: 1, errors: 0 });
    expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-02/);
    expect(t.caseNow(kase.id).customValues.accident_date).toBe('2026-03-02');
    expect(t.core.sync.pull.conflicts.list('smartadvocate')[0]).toMatchObject({ kayseValue: '2026-03-02', crmValue: '2026-03-03', rule: 'kayse_wins', winner: 'kayse', outcome: 'to_crm' });
    // Decided once: the next pass finds both sides equal and writes nothing more.
    const writes = t.saWrites().length;
    expect(await t.pull()).toMatchObject({ applied: 0, conflicts: 0 });
    expect(t.saWrites().length).toBe(writes);
  });

  it('most recent wins, by the time each side changed', async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', conflict: { rule: 'most_recent' } });
    // Kayse's change is dated ten minutes after SmartAdvocate's; the other case's ten minutes before it.
    const later = await bothChanged(t, '2026-04-02', '2026-04-03', { kayseAt: new Date(Date.now() + 600_000).toISOString() });
    const earlier = await bothChanged(t, '2026-05-02', '2026-05-03', { kayseAt: new Date(Date.now() - 600_000).toISOString() });

    const counts = await t.pull();
    expect(counts).toMatchObject({ applied: 2, conflicts: 2, errors: 0 });
    expect(t.smartadvocate.caseState(later.crmId)!.udfs['3001']).toMatch(/^2026-04-02/);
    expect(t.caseNow(later.kase.id).customValues.accident_date).toBe('2026-04-02');
    expect(t.caseNow(earlier.kase.id).customValues.accident_date).toBe('2026-05-03');
    const log = t.core.sync.pull.conflicts.list('smartadvocate');
    expect(log.find((c) => c.caseId === later.kase.id)).toMatchObject({ rule: 'most_recent', winner: 'kayse', outcome: 'to_crm' });
    expect(log.find((c) => c.caseId === earlier.kase.id)).toMatchObject({ rule: 'most_recent', winner: 'crm', outcome: 'to_kayse' });
  });

  it("most recent compares the field's own change, not the case's last change", async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01' });
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { send: false } });
    const realNow = Date.now();
    // Kayse's date changed ten minutes before SmartAdvocate's, an unmapped field of the case ten minutes after.
    t.clock.set(new Date(realNow - 600_000).toISOString());
    const edited = await t.core.api.cases.update({ id: kase.id, expectedVersion: kase.version, customValues: { accident_date: '2026-08-02' } });
    t.clock.set(new Date(realNow + 600_000).toISOString());
    await t.core.api.cases.update({ id: kase.id, expectedVersion: edited.version, customValues: { notes: 'called back' } });
    t.clock.set(new Date(realNow).toISOString());
    await t.editInCrm(crmId, { fields: { '3001': '2026-08-03' } });
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { send: true } });
    await t.idle();

    expect(await t.pull()).toMatchObject({ applied: 1, conflicts: 1 });
    expect(t.caseNow(kase.id).customValues).toMatchObject({ accident_date: '2026-08-03', notes: 'called back' });
    expect(t.core.sync.pull.conflicts.list('smartadvocate')[0]).toMatchObject({ rule: 'most_recent', winner: 'crm', kayseChangedAt: new Date(realNow - 600_000).toISOString() });
  });

  it('an empty CRM value never overwrites a filled Kayse value, unless the setting says so', async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01', injury_type: 'Whiplash' });
    await t.editInCrm(crmId, { fields: { '3001': null, '3002': 'Fracture' } });

    // The other field still comes over.
    expect(await t.pull()).toMatchObject({ applied: 1, errors: 0 });
    expect(t.caseNow(kase.id).customValues).toMatchObject({ accident_date: '2026-03-01', injury_type: 'Fracture' });

    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', conflict: { emptyOverwritesFilled: true } });
    t.smartadvocate.editRecord(crmId, 'Anabel');
    expect(await t.pull()).toMatchObject({ applied: 1, errors: 0 });
    expect(t.caseNow(kase.id).customValues.accident_date).toBeUndefined();
  });

  it('a console edit made while the pull is applying a record is kept: the record is decided again', async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01' });
    // Kayse's date waits to be sent (Send off while it changed); SmartAdvocate's injury type changed.
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { send: false } });
    const edited = await t.core.api.cases.update({ id: kase.id, expectedVersion: kase.version, customValues: { accident_date: '2026-03-02' } });
    await t.idle();
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { send: true } });
    await t.editInCrm(crmId, { fields: { '3002': 'Fracture' } });

    // The pull's update of the date is held until the case has been renamed in the console.
    const deps = (await t.core.sync.pull.applyDepsFor('smartadvocate'))!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const connector = { get: deps.connector.get.bind(deps.connector), update: async (...args: Parameters<typeof deps.connector.update>) => (await held, deps.connector.update(...args)) };
    const applying = applyCrmRecord({ ...deps, connector }, await connector.get(crmId));
    await t.core.api.cases.update({ id: kase.id, expectedVersion: edited.version, name: 'Renamed meanwhile' });
    release();
    // The rename's push reads SmartAdvocate and decides the record too (sending the date, bringing the injury type);
    // whichever goes first, the pull's apply ends on this case with nothing left over.
    expect(await applying).toMatchObject({ kind: expect.stringMatching(/^(applied|unchanged)$/), caseId: kase.id });
    await t.idle();

    expect(t.caseNow(kase.id)).toMatchObject({ name: 'Renamed meanwhile', customValues: { accident_date: '2026-03-02', injury_type: 'Fracture' } });
    expect(t.smartadvocate.caseState(crmId)!.udfs['3001']).toMatch(/^2026-03-02/);
  });
});
