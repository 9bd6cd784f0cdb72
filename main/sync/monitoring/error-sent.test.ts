// The call a failed Kayse → SmartAdvocate push sent, kept with the record's error and shown by errorDetail as `sent`,
// on a real core and the real simulator: a refused update (decided two-way, and sent one-way) keeps exactly the
// changed values it sent, which stay what they were when the case changes again and the next attempt's request moves
// on; a refused create keeps the create's values; a later successful push clears it with the error; a kept value
// that no longer reads shows as not kept.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { runKeychain, startPullTest, type PullTest } from '../engine/test-pull';

const cleanup = useCleanup();

const detailOf = (t: PullTest, caseId: string) => t.core.api.sync.errorDetail({ crm: 'smartadvocate', caseId });

/** A linked case whose medical bills go from 1 to 2 while SmartAdvocate refuses UDF updates. */
async function refusedUpdate(t: PullTest) {
  const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01', med_bills: 1 });
  t.smartadvocate.deny(['UpdateUDFs']);
  const sentAt = t.clock.now().toISOString();
  await t.core.api.cases.update({ id: kase.id, expectedVersion: t.caseNow(kase.id).version, customValues: { med_bills: 2 } });
  await t.idle();
  return { kase, crmId, sentAt };
}

describe.skipIf(!runKeychain)('errorDetail: the call that failed, as it was sent', () => {
  for (const mode of ['two-way', 'one-way'] as const) {
    it(`a refused update (${mode}) keeps the changed values it sent; the case changing again moves only the next request`, async () => {
      const t = cleanup.use(await startPullTest());
      if (mode === 'one-way') await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { receive: false } });
      const { kase, crmId, sentAt } = await refusedUpdate(t);
      expect(t.core.sync.pushStatus('smartadvocate').errors).toEqual([expect.objectContaining({ caseId: kase.id, kind: 'rejected', httpStatus: 403 })]);
      const first = await detailOf(t, kase.id);
      expect(first.sent).toEqual({ operation: 'update', crmRecordId: crmId, values: { '3003': 2 }, at: sentAt });

      // Paused so the change waits unsent: the next attempt would send 3, the failed call sent 2.
      await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false } });
      await t.core.api.cases.update({ id: kase.id, expectedVersion: t.caseNow(kase.id).version, customValues: { med_bills: 3 } });
      const later = await detailOf(t, kase.id);
      expect(later.request).toEqual({ operation: 'update', crmRecordId: crmId, values: { '3003': 3 } });
      expect(later.sent).toEqual({ operation: 'update', crmRecordId: crmId, values: { '3003': 2 }, at: sentAt });

      // Allowed again and retried: sent, and the error goes with what it kept.
      t.smartadvocate.deny([]);
      await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: true } });
      await t.core.api.sync.retryRecord({ crm: 'smartadvocate', caseId: kase.id });
      await t.idle();
      expect(t.smartadvocate.caseState(crmId)!.udfs['3003']).toBe(3);
      expect(t.core.sync.pushStatus('smartadvocate').errors).toEqual([]);
      expect(t.core.sync.push.store.sentRequest('smartadvocate', kase.id)).toBeNull();
    });
  }

  it("a refused create keeps the create's values; a kept value that no longer reads shows as not kept", async () => {
    const t = cleanup.use(await startPullTest());
    const hal = t.client('Hal', '');
    const sentAt = t.clock.now().toISOString();
    const kase = t.kayseCase(hal, { med_bills: 7, injury_type: 'Fracture' });
    await t.idle();

    const detail = await detailOf(t, kase.id);
    expect(detail.error).toMatchObject({ kind: 'rejected', httpStatus: 400 });
    expect(detail.sent).toEqual({
      operation: 'create',
      crmRecordId: null,
      values: { 'standard.first_name': 'Hal', 'standard.last_name': '', 'standard.email': hal.emails[0], '3002': 'Fracture', '3003': 7 },
      at: sentAt,
    });

    // Written by a later version in a shape this one can't read: the detail still opens, without the call.
    t.core.database.sqlite.prepare("UPDATE sync_record_errors SET sent_request = ? WHERE case_id = ? AND direction = 'to_crm'").run('{"operation":"upsert"}', kase.id);
    expect((await detailOf(t, kase.id)).sent).toBeNull();
    t.core.database.sqlite.prepare("UPDATE sync_record_errors SET sent_request = ? WHERE case_id = ? AND direction = 'to_crm'").run('not json', kase.id);
    expect((await detailOf(t, kase.id)).sent).toBeNull();
  });
});
