// A case's CRM links through the contract on a real core and the SmartAdvocate simulator: none before the push,
// then SmartAdvocate with the record id the simulator gave and the last sync's time; a case refused on create listed
// without a record id, with why; an open error of a linked record shown beside its link.
import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support/api';
import { useCleanup } from '../test-support/use-cleanup';
import { runKeychain, startRunTest, type RunTest } from './engine/test-runs';

const cleanup = useCleanup();

async function endWindow(t: RunTest) {
  await t.idle();
  t.clock.advance(61_000);
  t.timers.fire();
  await t.idle();
}

describe.skipIf(!runKeychain)('sync.linksOfCase', () => {
  it("lists a case's CRM link with the CRM's record id, its last sync and an open error", async () => {
    const t = cleanup.use(await startRunTest('2026-11-26T20:00:00.000Z'));
    const ana = t.kayseCase(t.client('Ana'));
    const hal = t.kayseCase(t.client('Hal', ''));
    expect(await t.core.api.sync.linksOfCase({ caseId: ana.id })).toEqual({ caseId: ana.id, links: [] });

    await endWindow(t);
    const linked = await t.core.api.sync.linksOfCase({ caseId: ana.id });
    const link = linked.links.find((l) => l.crm === 'smartadvocate')!;
    const recordId = t.core.sync.push.store.link('smartadvocate', ana.id)?.crmRecordId;
    expect(recordId).toBeTruthy();
    expect(link).toMatchObject({ crm: 'smartadvocate', crmRecordId: recordId, error: null });
    expect(link.lastSyncedAt).not.toBeNull();
    // Refused on create (no last name): no record id, and why.
    expect((await t.core.api.sync.linksOfCase({ caseId: hal.id })).links.find((l) => l.crm === 'smartadvocate')).toEqual({
      crm: 'smartadvocate',
      crmRecordId: null,
      linkedAt: null,
      lastSyncedAt: null,
      error: { direction: 'to_crm', message: expect.stringMatching(/required/) },
    });
    // LawRuler is connected too but has no case type for it: listed the same way, never as a link.
    expect(linked.links.find((l) => l.crm === 'lawruler')).toMatchObject({ crmRecordId: null, error: { direction: 'to_crm' } });

    // The CRM is down for the next update: the error is shown on the link.
    t.smartadvocate.setFault({ kind: 'server_error' });
    await t.core.api.cases.update({ id: ana.id, expectedVersion: t.core.workspace.records.getCase(ana.id)!.version, customValues: { med_bills: 301 } });
    await endWindow(t);
    const failing = await t.core.api.sync.linksOfCase({ caseId: ana.id });
    expect(failing.links.find((l) => l.crm === 'smartadvocate')).toMatchObject({ crm: 'smartadvocate', crmRecordId: recordId, error: { direction: 'to_crm' } });

    expect(await refusal(t.core.api.raw.sync.linksOfCase({ caseId: '' }))).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
