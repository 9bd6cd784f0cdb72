// sync.recordErrors through the contract on a real core: a case SmartAdvocate refuses (Kayse → CRM, no record yet)
// and a LawRuler webhook call about a lead LawRuler doesn't have (CRM → Kayse, the lead's id as its record), each
// listed under its own integration with its direction; a linked case's error carries its SmartAdvocate id; the
// list empties as the errors clear.
import { describe, expect, it, vi } from 'vitest';
import { refusal } from '../test-support/api';
import { useCleanup } from '../test-support/use-cleanup';
import { FULL_CALL } from '../ingest/crm-webhook/test-crm-webhook';
import { runKeychain, startPullTest } from './engine/test-pull';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('sync.recordErrors', () => {
  it('lists the open errors of both directions with the CRM record they concern', async () => {
    const t = cleanup.use(await startPullTest());
    expect(await t.core.api.sync.recordErrors({ crm: 'smartadvocate' })).toEqual({ crm: 'smartadvocate', errors: [] });

    // Kayse → SmartAdvocate: no last name, refused on create.
    const hal = t.kayseCase(t.client('Hal', ''));
    await t.idle();
    const refused = (await t.core.api.sync.recordErrors({ crm: 'smartadvocate' })).errors;
    expect(refused).toEqual([expect.objectContaining({ caseId: hal.id, direction: 'to_crm', kind: 'rejected', httpStatus: 400, crmRecordId: null, nextTryAt: null })]);

    // A linked case SmartAdvocate can't be reached for: its record id is given.
    const { kase, crmId } = await t.linkedCase();
    t.smartadvocate.setFault({ kind: 'server_error' });
    await t.core.api.cases.update({ id: kase.id, expectedVersion: t.caseNow(kase.id).version, customValues: { accident_date: '2026-04-01' } });
    await t.idle();
    const both = (await t.core.api.sync.recordErrors({ crm: 'smartadvocate' })).errors;
    expect(both.find((e) => e.caseId === kase.id)).toMatchObject({ direction: 'to_crm', kind: 'unavailable', crmRecordId: crmId });
    expect(both).toHaveLength(2);

    // LawRuler → Kayse: a status call about lead 99999, which LawRuler doesn't have.
    await t.core.ingest.listen({ host: '127.0.0.1', port: 0 });
    const { url, headerName, secret } = await t.core.api.crm.rotateInboundSecret({ crm: 'lawruler' });
    const body = new URLSearchParams({ ...FULL_CALL, 'Lead ID': '99999' }).toString();
    expect((await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', [headerName]: secret }, body })).status).toBe(200);
    const pulled = async () => (await t.core.api.sync.recordErrors({ crm: 'lawruler' })).errors.filter((e) => e.direction === 'from_crm');
    await vi.waitFor(async () => expect(await pulled()).toHaveLength(1), { timeout: 5_000, interval: 20 });
    expect((await pulled())[0]).toMatchObject({ caseId: 'crm:99999', kind: 'not_found', crmRecordId: '99999' });
    // Each integration lists only its own.
    expect((await t.core.api.sync.recordErrors({ crm: 'smartadvocate' })).errors).toHaveLength(2);

    // SmartAdvocate is back: Retry now clears the linked case's error.
    t.smartadvocate.setFault(null);
    await t.core.api.sync.retryRecord({ crm: 'smartadvocate', caseId: kase.id });
    await t.idle();
    expect((await t.core.api.sync.recordErrors({ crm: 'smartadvocate' })).errors.map((e) => e.caseId)).toEqual([hal.id]);

    expect(await refusal(t.core.api.raw.sync.recordErrors({ crm: 'salesforce' } as never))).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
