import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { sampleEvent } from './sample-events';
import { errorOf, startIngest } from './test-ingest';

const cleanup = useCleanup();
async function start() {
  const t = cleanup.use(await startIngest());
  t.core.workspace.caseTypes.create({
    name: 'Personal Injury',
    statuses: ['New Lead', 'Qualified', 'Signed'],
    fields: [{ key: 'accident_date', label: 'Accident date', type: 'date' }],
  });
  return t;
}

const jane = { first_name: 'Jane', last_name: 'Doe', phones: ['+15551230001'], emails: ['jane@example.com'] };
const janeCase = { name: 'Doe v. Trucking Co', case_type: 'Personal Injury', status: 'New Lead', clients: [{ external_source: 'kayse', external_id: 'cl-1' }] };

describe('PUT /v1/clients and /v1/cases', () => {
  it('create, update and leave unchanged a client, logged with origin ingest', async () => {
    const t = await start();
    const created = await t.put('/v1/clients/kayse/cl-1', jane);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await (await t.put('/v1/clients/kayse/cl-1', jane)).json()).toEqual({ id, outcome: 'unchanged', version: 1 });
    const updated = await t.put('/v1/clients/kayse/cl-1', { ...jane, last_name: 'Doe-Smith' });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toEqual({ id, outcome: 'updated', version: 2 });
    expect(t.core.workspace.records.getClient(id)).toMatchObject({ lastName: 'Doe-Smith', externalSource: 'kayse', externalId: 'cl-1' });
    expect(t.core.workspace.records.history('client', id).changes.map((c) => c.origin)).toEqual(['ingest', 'ingest']);
  });

  it('upsert a case with its client by external reference, and let events point at both', async () => {
    const t = await start();
    await t.put('/v1/clients/kayse/cl-1', jane);
    const res = await t.put('/v1/cases/kayse/case-9', { ...janeCase, custom_values: { accident_date: '2026-11-19' } });
    expect(res.status).toBe(201);
    const saved = (await res.json()) as { id: string; case_number: string };
    expect(saved.case_number).toMatch(/^K-/);
    const stored = t.core.workspace.records.getCase(saved.id)!;
    expect(stored).toMatchObject({ caseType: 'Personal Injury', status: 'New Lead', customValues: { accident_date: '2026-11-19' } });
    const moved = await t.put('/v1/cases/kayse/case-9', { ...janeCase, status: 'qualified' });
    expect(await moved.json()).toMatchObject({ id: saved.id, outcome: 'updated', version: 2 });

    const posted = await t.post(sampleEvent('call_ended', { case_ref: { external_source: 'kayse', external_id: 'case-9' }, client_ref: { external_source: 'kayse', external_id: 'cl-1' } }));
    const event = t.core.ingest.store.get(((await posted.json()) as { id: string }).id)!;
    expect(event).toMatchObject({ caseId: saved.id, clientId: stored.clientIds[0], caseType: 'Personal Injury' });
  });

  it('refuse an unknown case type or status with 422 naming it and listing the valid ones', async () => {
    const t = await start();
    const badType = await t.put('/v1/cases/kayse/case-1', { ...janeCase, clients: undefined, case_type: 'Space Law' });
    expect(badType.status).toBe(422);
    expect(await errorOf(badType)).toMatchObject({
      code: 'UNPROCESSABLE',
      message: expect.stringContaining('case_type: unknown case type "Space Law" (valid: Personal Injury)'),
      details: { valid: ['Personal Injury'], issues: [{ path: 'case_type' }] },
    });
    const badStatus = await t.put('/v1/cases/kayse/case-1', { ...janeCase, clients: undefined, status: 'Settled' });
    expect(badStatus.status).toBe(422);
    expect(await errorOf(badStatus)).toMatchObject({ details: { valid: ['New Lead', 'Qualified', 'Signed'], issues: [{ path: 'status' }] } });
    const badField = await t.put('/v1/cases/kayse/case-1', { ...janeCase, clients: undefined, custom_values: { accident_date: 'last week' } });
    expect(badField.status).toBe(422);
    expect((await errorOf(badField)).details!.issues).toEqual([{ path: 'custom_values.accident_date', message: expect.stringContaining('YYYY-MM-DD') }]);
    expect(t.core.database.sqlite.prepare('SELECT count(*) AS n FROM cases').pluck().get()).toBe(0);
  });

  it('refuse malformed bodies with 400 naming each field, in snake_case', async () => {
    const t = await start();
    const res = await t.put('/v1/clients/kayse/cl-2', { last_name: 7, emails: ['not-an-email'], nickname: 'JJ' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details!.issues!.map((i) => i.path).sort()).toEqual(['emails[0]', 'first_name', 'last_name', 'nickname']);
    const email = await t.put('/v1/clients/kayse/cl-2', { first_name: 'Jo', emails: ['not-an-email'] });
    expect(email.status).toBe(400);
    expect((await errorOf(email)).details!.issues).toEqual([{ path: 'emails[0]', message: 'Not an email address' }]);
    expect(t.core.database.sqlite.prepare('SELECT count(*) AS n FROM clients').pluck().get()).toBe(0);
  });
});
