// LawRuler's webhook path end to end: the simulator changes a lead's status and POSTs its status-change webhook to the
// console's ingest route (with the secret the console generated); the call is queued in crm_inbound_events, the pull
// reads the lead and sets the linked Kayse case's status through the reverse status mapping, with LawRuler as origin in
// the case history, marks the call done and writes nothing back. A call stored while Enable is off waits across a
// restart and is applied once the integration is enabled.
import { describe, expect, it, vi } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { custom, statusId } from '../test-sync';
import { runKeychain, startPullTest, type PullTest } from './test-pull';

const cleanup = useCleanup();
const LR_WRITES = ['Create', 'Update', 'Note'];

/** LawRuler set up to sync statuses of Auto Accident cases (New ↔ New Lead, Signed ↔ Signed), its webhook pointed at the console. */
async function lawRulerLinked(t: PullTest) {
  await t.core.ingest.listen({ host: '127.0.0.1', port: 0 });
  const { url, headerName, secret } = await t.core.api.crm.rotateInboundSecret({ crm: 'lawruler' });
  t.lawruler.setWebhook({ url: url!, headerName, headerValue: secret });
  await t.core.api.sync.saveFieldMappings({ crm: 'lawruler', crmCaseTypeId: '1', mappings: [{ kayseField: custom(t, 'accident_date'), crmFieldId: 'Custom1001', direction: 'both' }] });
  await t.core.api.sync.saveStatusMappings({
    crm: 'lawruler',
    kayseCaseTypeId: t.auto.id,
    mappings: [
      { kayseStatusId: statusId(t, 'New'), crmStatusId: '11', substatus: null },
      { kayseStatusId: statusId(t, 'Signed'), crmStatusId: '14', substatus: null },
    ],
  });
  await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { syncStatuses: true } });
  const client = t.core.workspace.records.upsertClient({ externalSource: 'test', externalId: 'sam', firstName: 'Sam', lastName: 'Tate', phones: ['+1 555 0100'], emails: ['sam@example.com'] }, { origin: 'ingest' }).client;
  const kase = t.kayseCase(client, { accident_date: '2026-02-01' });
  await t.idle();
  const leadId = t.lawruler.created()[0]!;
  expect(t.lawruler.lead(leadId)).toMatchObject({ StatusID: 11 });
  return { kase, leadId };
}

const lrWrites = (t: PullTest) => t.lawruler.requests().filter((r) => LR_WRITES.includes(r.operation)).length;
const inbound = (t: PullTest) => t.core.database.sqlite.prepare("SELECT record_id, processed_at FROM crm_inbound_events WHERE crm = 'lawruler'").all() as { record_id: string; processed_at: string | null }[];

describe.skipIf(!runKeychain)("CRM → Kayse: LawRuler's webhook", () => {
  it('a status changed in LawRuler reaches the Kayse case through the webhook queue, with LawRuler as origin', async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, leadId } = await lawRulerLinked(t);
    const writes = lrWrites(t);

    t.lawruler.changeStatus(leadId, '14');
    await t.lawruler.flushWebhooks();
    expect(t.lawruler.webhookDeliveries()).toEqual([{ leadId, statusId: '14', outcome: 200 }]);
    await vi.waitFor(() => expect(t.caseNow(kase.id).status).toBe('Signed'), { timeout: 5_000, interval: 20 });
    await t.core.sync.pull.idle();
    await t.idle();

    expect(t.core.workspace.records.history('case', kase.id, 1).changes[0]).toMatchObject({ origin: 'lawruler', changes: { status: { old: 'New', new: 'Signed' } } });
    expect(inbound(t)).toEqual([{ record_id: leadId, processed_at: expect.any(String) }]);
    expect(lrWrites(t)).toBe(writes);
  });

  it('a call stored while Enable is off waits, across a restart, and is applied once enabled', async () => {
    const t = cleanup.use(await startPullTest());
    const { kase, leadId } = await lawRulerLinked(t);
    await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { enabled: false } });

    t.lawruler.changeStatus(leadId, '14');
    await t.lawruler.flushWebhooks();
    await t.core.sync.pull.idle();
    expect(inbound(t)).toEqual([{ record_id: leadId, processed_at: null }]);
    expect(t.caseNow(kase.id).status).toBe('New');

    await t.restart();
    expect(inbound(t)).toEqual([{ record_id: leadId, processed_at: null }]);
    await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { enabled: true } });
    await vi.waitFor(() => expect(t.caseNow(kase.id).status).toBe('Signed'), { timeout: 5_000, interval: 20 });
    await t.core.sync.pull.idle();
    expect(inbound(t)).toEqual([{ record_id: leadId, processed_at: expect.any(String) }]);
  });
});
