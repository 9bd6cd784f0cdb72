// Per-record errors of the pull (direction from_crm): a webhook call about a lead LawRuler doesn't have is the record's
// error with LawRuler's answer while the next call is applied; a linked case whose client can't take the CRM's value
// (Kayse refuses it) gets its case fields and an error saying why, while another record's change still comes over;
// a client made in the console (no external reference) takes the CRM's name.
import { describe, expect, it, vi } from 'vitest';
import { FULL_CALL, SECRET_HEADER } from '../../ingest/crm-webhook/test-crm-webhook';
import { useCleanup } from '../../test-support/use-cleanup';
import { custom, statusId } from '../test-sync';
import { runKeychain, startPullTest } from './test-pull';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('CRM → Kayse: per-record errors', () => {
  it("a webhook call about a lead LawRuler doesn't have is that record's error; the next call is applied", async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.ingest.listen({ host: '127.0.0.1', port: 0 });
    const { url, headerName, secret } = await t.core.api.crm.rotateInboundSecret({ crm: 'lawruler' });
    expect(headerName.toLowerCase()).toBe(SECRET_HEADER);
    t.lawruler.setWebhook({ url: url!, headerName, headerValue: secret });
    await t.core.api.sync.saveFieldMappings({ crm: 'lawruler', crmCaseTypeId: '1', mappings: [{ kayseField: custom(t, 'accident_date'), crmFieldId: 'Custom1001', direction: 'both' }] });
    await t.core.api.sync.saveStatusMappings({
      crm: 'lawruler',
      kayseCaseTypeId: t.auto.id,
      mappings: [
        { kayseStatusId: statusId(t, 'New'), crmStatusId: '11', substatus: null },
        { kayseStatusId: statusId(t, 'Contacted'), crmStatusId: '12', substatus: null },
      ],
    });
    await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { syncStatuses: true, enabled: false } });
    const client = t.core.workspace.records.upsertClient({ externalSource: 'test', externalId: 'kim', firstName: 'Kim', lastName: 'Ode', phones: ['+1 555 0101'], emails: ['kim@example.com'] }, { origin: 'ingest' }).client;
    const kase = t.kayseCase(client, { accident_date: '2026-02-01' });
    await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { enabled: true } });
    await t.idle();
    const leadId = t.lawruler.created()[0]!;
    // Both calls wait (Enable off) so that one pass meets the bad one first.
    await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { enabled: false } });

    const res = await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', [headerName]: secret }, body: new URLSearchParams({ ...FULL_CALL, 'Lead ID': '99999' }).toString() });
    expect(res.status).toBe(200);
    t.lawruler.changeStatus(leadId, '12');
    await t.lawruler.flushWebhooks();
    await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { enabled: true } });

    await vi.waitFor(() => expect(t.caseNow(kase.id).status).toBe('Contacted'), { timeout: 5_000, interval: 20 });
    await t.core.sync.pull.idle();
    const errors = t.core.sync.pull.store.errors('lawruler');
    expect(errors).toEqual([expect.objectContaining({ key: 'crm:99999', kind: 'not_found', nextTryAt: null })]);
    expect(errors[0]!.message).toMatch(/99999/);
    const pending = t.core.database.sqlite.prepare("SELECT count(*) AS n FROM crm_inbound_events WHERE processed_at IS NULL").get() as { n: number };
    expect(pending.n).toBe(0);
  });

  it("a client value Kayse refuses: the case gets its other fields, the error says why; another record still syncs", async () => {
    const t = cleanup.use(await startPullTest());
    const { kase: stuck, crmId: stuckCrm } = await t.linkedCase({ accident_date: '2026-03-01' });
    const other = await t.linkedCase();
    const clientId = stuck.clientIds[0]!;
    const email = t.core.workspace.records.getClient(clientId)!.emails[0];

    // SmartAdvocate takes any text as an email; Kayse does not.
    await t.editInCrm(stuckCrm, { email: 'lou at example', fields: { '3001': '2026-03-09' } });
    await t.editInCrm(other.crmId, { fields: { '3001': '2026-03-10' } });
    expect(await t.pull()).toMatchObject({ applied: 1, errors: 1 });

    expect(t.caseNow(stuck.id).customValues.accident_date).toBe('2026-03-09');
    expect(t.core.workspace.records.getClient(clientId)!.emails[0]).toBe(email);
    expect(t.caseNow(other.kase.id).customValues.accident_date).toBe('2026-03-10');
    const errors = t.core.sync.pull.store.errors('smartadvocate');
    expect(errors).toEqual([expect.objectContaining({ key: stuck.id, kind: 'kayse_refused', nextTryAt: null })]);
    expect(errors[0]!.message).toMatch(/client\.email.*Not an email address.*Retry now/);
  });

  it('a client made in the console, without an external reference, takes the CRM name with the CRM as origin', async () => {
    const t = cleanup.use(await startPullTest());
    const bare = t.core.workspace.records.upsertClient({ firstName: 'Lou', lastName: 'Reed', emails: ['lou@example.com'] }, { origin: 'console' }).client;
    const kase = t.kayseCase(bare, { accident_date: '2026-03-01' });
    await t.idle();
    const crmId = t.core.sync.push.store.link('smartadvocate', kase.id)!.crmRecordId;

    await t.editInCrm(crmId, { firstName: 'Louis', email: 'louis@example.com' });
    expect(await t.pull()).toMatchObject({ applied: 1, errors: 0 });

    expect(t.core.workspace.records.getClient(bare.id)).toMatchObject({ firstName: 'Louis', lastName: 'Reed', emails: ['louis@example.com'], externalSource: null });
    const [change] = t.core.workspace.records.history('client', bare.id, 1).changes;
    expect(change).toMatchObject({ origin: 'smartadvocate' });
    expect(t.core.sync.pull.store.errors('smartadvocate')).toEqual([]);
  });
});
