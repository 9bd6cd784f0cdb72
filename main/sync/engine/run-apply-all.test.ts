// "Apply to all records" on a real core and the SmartAdvocate simulator: after a new mapping, every linked case
// gets the newly mapped value as a task with progress and a recorded run; cancelled half way, it stops after the
// record on its way, the run says cancelled, and each case is either fully sent (CRM and snapshot agree) or untouched.
import { describe, expect, it, vi } from 'vitest';
import { watchTasks } from '../../test-support/tasks';
import { useCleanup } from '../../test-support/use-cleanup';
import { custom } from '../test-sync';
import { runKeychain, startPushTest, type PushTest } from './test-push';

const cleanup = useCleanup();

/** Six linked cases whose intake notes SmartAdvocate doesn't have yet (the field is not mapped). */
async function sixLinked(t: PushTest) {
  const cases = Array.from({ length: 6 }, (_, i) => t.kayseCase(t.client(`Pat${i}`), { notes: `intake ${i}`, med_bills: i }));
  await t.idle();
  const ids = cases.map((c) => t.core.sync.push.store.link('smartadvocate', c.id)!.crmRecordId);
  // The admin maps Intake summary → Intake Notes (UDF 3006), keeping the rest.
  const current = await t.core.api.sync.fieldMappings({ crm: 'smartadvocate' });
  const defaults = current.sets.find((s) => s.crmCaseTypeId === null)!.mappings.map((m) => ({ kayseField: m.kayseField, crmFieldId: m.crmFieldId, direction: m.direction }));
  await t.core.api.sync.saveFieldMappings({ crm: 'smartadvocate', crmCaseTypeId: null, mappings: [...defaults, { kayseField: custom(t, 'notes'), crmFieldId: '3006', direction: 'to_crm' }] });
  return { cases, ids };
}

describe.skipIf(!runKeychain)('sync apply to all records', () => {
  it('sends every linked case the newly mapped value, with progress, and records the run', async () => {
    const t = cleanup.use(await startPushTest());
    const { ids } = await sixLinked(t);
    expect(ids.map((id) => t.smartadvocate.caseState(id)!.udfs['3006'] ?? null)).toEqual([null, null, null, null, null, null]);

    const watch = watchTasks(t.core.events);
    cleanup.add(() => watch.stop());
    const task = await t.core.api.sync.applyAll({ crm: 'smartadvocate' });
    expect(task).toMatchObject({ status: 'running', total: 6, done: 0 });
    const events = await watch.finished(task.taskId);
    expect(events.at(-1)).toMatchObject({ kind: 'sync.applyAll', finished: true, done: 6, total: 6, error: null });
    expect(events.filter((e) => e.phase === 'sending').map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids.map((id) => t.smartadvocate.caseState(id)!.udfs['3006'])).toEqual(['intake 0', 'intake 1', 'intake 2', 'intake 3', 'intake 4', 'intake 5']);
    expect((await t.core.api.sync.runs({ crm: 'smartadvocate' })).runs[0]).toMatchObject({ trigger: 'apply_all', outcome: 'ok', counts: { read: 6, updated: 6, pushed: 6 } });
    expect((await t.core.api.sync.applyAllStatus({ crm: 'smartadvocate' })).task).toBeNull();
  });

  it('cancelled half way: stops after the record on its way, the run says cancelled, every case consistent', async () => {
    const t = cleanup.use(await startPushTest());
    const { cases, ids } = await sixLinked(t);
    t.smartadvocate.setFault({ kind: 'slow', ms: 150 });
    const task = await t.core.api.sync.applyAll({ crm: 'smartadvocate' });
    await vi.waitFor(() => expect(t.core.sync.applyAll.status('smartadvocate')!.done).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 20 });
    const cancelling = await t.core.api.sync.applyAllCancel({ crm: 'smartadvocate' });
    expect(cancelling.cancelled).toBe(true);
    await vi.waitFor(() => expect(t.core.sync.applyAll.status('smartadvocate')).toBeNull(), { timeout: 10_000, interval: 20 });
    t.smartadvocate.setFault(null);

    const run = (await t.core.api.sync.runs({ crm: 'smartadvocate' })).runs[0]!;
    expect(run).toMatchObject({ trigger: 'apply_all', outcome: 'cancelled' });
    const sent = ids.filter((id) => t.smartadvocate.caseState(id)!.udfs['3006'] !== undefined);
    expect(sent.length).toBe(run.counts.updated);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.length).toBeLessThan(6);
    expect(t.core.sync.applyAll.task(task.taskId)).toMatchObject({ status: 'finished', cancelled: true });
    // Each case: the CRM has the value exactly when the snapshot says it was sent.
    cases.forEach((c, i) => {
      const inCrm = t.smartadvocate.caseState(ids[i]!)!.udfs['3006'] ?? null;
      const inSnapshot = t.core.sync.push.store.snapshot('smartadvocate', c.id)!.crmValues['3006'] ?? null;
      expect(inCrm).toEqual(inSnapshot);
    });
    await expect(t.core.api.sync.applyAllCancel({ crm: 'smartadvocate' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is refused while nothing may be sent: Enable off, or Send mapping off', async () => {
    const t = cleanup.use(await startPushTest());
    await sixLinked(t);
    const writes = t.smartadvocate.requests().length;
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { sendMapping: false } });
    await expect(t.core.api.sync.applyAll({ crm: 'smartadvocate' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Send mapping is off/) });
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { sendMapping: true, enabled: false } });
    await expect(t.core.api.sync.applyAll({ crm: 'smartadvocate' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Enable integration is off/) });
    expect(t.smartadvocate.requests().length).toBe(writes);
  });
});
