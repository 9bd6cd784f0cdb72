// "Retry now" for a CRM → Kayse error through the contract (sync.retryRecord, direction from_crm), on the
// SmartAdvocate simulator: the CRM record is read and applied at once, without a pull pass (the inbound cursor
// stays); while Kayse still refuses it the error stays with the refusal, one attempt more; once the CRM record is
// fixed it is applied and the error is gone.
import { describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/api';
import { useCleanup } from '../../test-support/use-cleanup';
import { runKeychain, SA_WRITES, startPullTest } from './test-pull';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('CRM → Kayse: Retry now', () => {
  it('re-applies a refused SmartAdvocate case at once: kept with the refusal, then cleared once fixed', async () => {
    const t = cleanup.use(await startPullTest());
    // SmartAdvocate takes any text as an email; Kayse refuses it.
    const { kase, crmId } = await t.linkedCase({ accident_date: '2026-03-01' });
    await t.editInCrm(crmId, { email: 'lou at example' });
    expect(await t.pull()).toMatchObject({ errors: 1 });
    const pulled = async () => (await t.core.api.sync.recordErrors({ crm: 'smartadvocate' })).errors.filter((e) => e.direction === 'from_crm');
    expect(await pulled()).toEqual([expect.objectContaining({ caseId: kase.id, kind: 'kayse_refused', attempts: 1, nextTryAt: null })]);
    const cursor = t.core.sync.pull.store.cursor('smartadvocate');
    const reads = () => t.smartadvocate.requests().filter((r) => !SA_WRITES.includes(r.operation)).length;

    // Still refused: read again at once, the error kept with Kayse's refusal, one attempt more.
    const before = reads();
    await t.core.api.sync.retryRecord({ crm: 'smartadvocate', caseId: kase.id, direction: 'from_crm' });
    expect(reads()).toBeGreaterThan(before);
    const kept = await pulled();
    expect(kept).toEqual([expect.objectContaining({ caseId: kase.id, kind: 'kayse_refused', attempts: 2 })]);
    expect(kept[0]!.message).toMatch(/client\.email/);

    // Fixed in SmartAdvocate (an email, a new accident date): Retry now applies it and the error is gone.
    await t.editInCrm(crmId, { email: 'lou@example.com', fields: { '3001': '2026-03-20' } });
    await t.core.api.sync.retryRecord({ crm: 'smartadvocate', caseId: kase.id, direction: 'from_crm' });
    expect(t.caseNow(kase.id).customValues.accident_date).toBe('2026-03-20');
    expect(t.core.workspace.records.getClient(kase.clientIds[0]!)!.emails[0]).toBe('lou@example.com');
    expect(await pulled()).toEqual([]);
    // No pull pass did it: the inbound cursor is where the last pass left it.
    expect(t.core.sync.pull.store.cursor('smartadvocate')).toEqual(cursor);

    // Nothing to retry: said so.
    expect(await refusal(t.core.api.raw.sync.retryRecord({ crm: 'smartadvocate', caseId: 'crm:nope', direction: 'from_crm' }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no error/) });
  });
});
