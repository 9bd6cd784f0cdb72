// Kayse → SmartAdvocate pushes when the CRM misbehaves, on the real simulator: a create whose answer is lost is
// found by its marker and never created twice; a value the CRM refuses becomes that record's error with the CRM's
// message while others still sync, and goes once the record changes; a 429 is waited out and the change delivered.
import { describe, expect, it, vi } from 'vitest';
import { refusal } from '../../test-support/api';
import { useCleanup } from '../../test-support/use-cleanup';
import { runKeychain, startPushTest } from './test-push';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('Kayse → CRM push, failures', () => {
  it('a create whose answer is lost is found by its marker: linked, its values sent, no second create', async () => {
    const t = cleanup.use(await startPushTest());
    t.smartadvocate.setFault({ kind: 'drop_write_answer' }, { times: 1 });
    const kase = t.kayseCase(t.client('Gil'), { injury_type: 'Fracture', med_bills: 300 });
    await t.idle();

    const creates = t.smartadvocate.requests().filter((r) => r.operation === 'CreateCase');
    expect(creates).toHaveLength(1);
    expect(creates[0]!.fault).toBe('drop_write_answer');
    expect(t.smartadvocate.created()).toHaveLength(1);
    const id = t.smartadvocate.created()[0]!;
    expect(t.core.sync.push.store.link('smartadvocate', kase.id)?.crmRecordId).toBe(id);
    // CreateCase stopped before the UDFs: the update after the look-up sent them.
    expect(t.smartadvocate.caseState(id)!.udfs).toEqual({ '3002': 'Fracture', '3003': 300 });
    expect(t.core.sync.pushStatus('smartadvocate').errors).toEqual([]);

    // A later change is an update of the same case, never another create.
    const current = t.core.workspace.records.getCase(kase.id)!;
    await t.core.api.cases.update({ id: kase.id, expectedVersion: current.version, customValues: { med_bills: 301 } });
    await t.idle();
    expect(t.smartadvocate.created()).toHaveLength(1);
    expect(t.smartadvocate.caseState(id)!.udfs['3003']).toBe(301);
  });

  it('an intent outlives a failed look-up: the next attempt looks the marker up again and never creates twice', async () => {
    const t = cleanup.use(await startPushTest());
    t.smartadvocate.deny(['CasesByDatePaged']);
    t.smartadvocate.setFault({ kind: 'drop_write_answer' }, { times: 1 });
    const kase = t.kayseCase(t.client('Uma'), { med_bills: 9 });
    await t.idle();
    expect(t.smartadvocate.created()).toHaveLength(1);
    const intent = t.core.sync.push.store.intent('smartadvocate', kase.id);
    expect(intent?.marker).toMatch(new RegExp(`^kayse-${kase.id}-`));
    expect(t.core.sync.push.store.link('smartadvocate', kase.id)).toBeNull();
    expect((await t.core.api.sync.status({ crm: 'smartadvocate' })).errors).toEqual([expect.objectContaining({ caseId: kase.id, kind: 'rejected', httpStatus: 403, attempts: 1, nextTryAt: null })]);

    // The permission granted, then Retry now.
    t.smartadvocate.deny([]);
    await t.core.api.sync.retryRecord({ crm: 'smartadvocate', caseId: kase.id });
    await t.idle();
    expect(t.smartadvocate.requests().filter((r) => r.operation === 'CreateCase')).toHaveLength(1);
    expect(t.core.sync.push.store.link('smartadvocate', kase.id)?.crmRecordId).toBe(t.smartadvocate.created()[0]);
    expect(t.smartadvocate.caseState(t.smartadvocate.created()[0]!)!.externalReference).toBe(intent!.marker);
    expect(t.core.sync.push.store.intent('smartadvocate', kase.id)).toBeNull();
    expect((await t.core.api.sync.status({ crm: 'smartadvocate' })).errors).toEqual([]);
  });

  it("a refused value is the record's error with the CRM's message, others still sync, and a change sends it again", async () => {
    const t = cleanup.use(await startPushTest());
    const nameless = t.client('Hal', '');
    const bad = t.kayseCase(nameless, { med_bills: 1 });
    const good = t.kayseCase(t.client('Ivy'), { med_bills: 2 });
    await t.idle();

    const [error, ...others] = t.core.sync.pushStatus('smartadvocate').errors;
    expect(others).toEqual([]);
    expect(error).toMatchObject({ caseId: bad.id, kind: 'rejected', httpStatus: 400, attempts: 1, nextTryAt: null });
    expect(error!.crmMessage).toMatch(/The lastName field is required/);
    expect(t.core.sync.push.store.link('smartadvocate', good.id)).not.toBeNull();
    expect(t.smartadvocate.created()).toHaveLength(1);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);

    // Rejected waits: another change elsewhere doesn't send it again.
    t.kayseCase(t.client('Jo'));
    await t.idle();
    expect(t.core.sync.pushStatus('smartadvocate').errors[0]).toMatchObject({ caseId: bad.id, attempts: 1 });

    // The client fixed: the record's change sends it, and the error is gone.
    t.core.workspace.records.upsertClient({ externalSource: 'test', externalId: nameless.externalId!, firstName: 'Hal', lastName: 'Moss', emails: nameless.emails }, { origin: 'ingest' });
    await t.idle();
    expect(t.core.sync.push.store.link('smartadvocate', bad.id)).not.toBeNull();
    expect(t.core.sync.pushStatus('smartadvocate').errors).toEqual([]);
    expect(t.smartadvocate.created()).toHaveLength(3);
  });

  it('"Retry now" sends a waiting record again', async () => {
    const t = cleanup.use(await startPushTest());
    const bad = t.kayseCase(t.client('Kim', ''));
    await t.idle();
    expect(t.core.sync.pushStatus('smartadvocate').errors).toHaveLength(1);
    await t.core.api.sync.retryRecord({ crm: 'smartadvocate', caseId: bad.id });
    await t.idle();
    const status = await t.core.api.sync.status({ crm: 'smartadvocate' });
    expect(status.errors).toEqual([expect.objectContaining({ caseId: bad.id, kind: 'rejected', attempts: 2 })]);
    expect(t.smartadvocate.requests().filter((r) => r.operation === 'CreateCase' && r.status === 400)).toHaveLength(2);
    expect(await refusal(t.core.api.raw.sync.retryRecord({ crm: 'smartadvocate', caseId: 'no-such-case' }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no error to retry/) });
  });

  it('a 429 with Retry-After is waited out, then the change is delivered', async () => {
    const t = cleanup.use(await startPushTest());
    t.smartadvocate.setFault({ kind: 'rate_limit', retryAfterSeconds: 1 }, { times: 1 });
    const started = Date.now();
    const kase = t.kayseCase(t.client('Lou'), { med_bills: 7 });
    await t.idle();
    expect(t.smartadvocate.requests().filter((r) => r.status === 429)).toHaveLength(1);
    expect(t.smartadvocate.created()).toEqual([]);
    expect(t.core.sync.pushStatus('smartadvocate')).toMatchObject({ pending: expect.any(Number), errors: [], waitingUntil: expect.any(String) });
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBeGreaterThan(0);

    await vi.waitFor(() => expect(t.core.sync.push.store.link('smartadvocate', kase.id)).not.toBeNull(), { timeout: 5_000, interval: 50 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(t.smartadvocate.created()).toHaveLength(1);
    expect(t.smartadvocate.caseState(t.smartadvocate.created()[0]!)!.udfs['3003']).toBe(7);
    await t.idle();
    expect(t.core.sync.pushStatus('smartadvocate')).toMatchObject({ pending: 0, waitingUntil: null });
  });
});
