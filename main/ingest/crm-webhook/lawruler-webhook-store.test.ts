// Accepted LawRuler calls are in crm_inbound_events before the 200 (form, multipart or JSON, keys as LawRuler's
// editor may spell them), announced, counted in the view; a retry of a call still waiting is not stored twice.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BUSY_RETRY_AFTER_SECONDS } from '../../db';
import { manualClock } from '../../test-support/clock';
import { startTestCore } from '../../test-support/test-core';
import { useCleanup } from '../../test-support/use-cleanup';
import { FULL_CALL, startWebhookTest, webhookError } from './test-crm-webhook';

const cleanup = useCleanup();

const STORED_FULL = {
  leadId: '1042',
  caseTypeId: '1',
  caseType: 'Motor Vehicle Accident',
  statusId: '14',
  status: 'Signed',
  fullName: 'Ana Garcia',
  createdDate: '2026-11-20T15:00:00.000Z',
  primaryContactId: '501042',
  firstName: 'Ana',
  lastName: 'Garcia',
};

describe("LawRuler's inbound webhook: accepted calls", () => {
  it('stores a form call before answering 200 with its id, and announces crm_inbound_events', async () => {
    const clock = manualClock('2026-11-26T20:00:00.000Z');
    const t = cleanup.use(await startWebhookTest({ clock }));
    const changed: string[][] = [];
    t.core.events.on('tables.changed', ({ tables }) => changed.push(tables));

    const res = await t.postForm(FULL_CALL);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; duplicate: boolean };
    // Read the moment the answer arrived: the row is already there.
    expect(t.rows()).toEqual([{ id: body.id, crm: 'lawruler', received_at: '2026-11-26T20:00:00.000Z', record_id: '1042', payload: STORED_FULL, processed_at: null }]);
    expect(body).toEqual({ id: expect.stringMatching(/^inb_/), duplicate: false });
    expect(changed).toContainEqual(['crm_inbound_events']);
  });

  it('takes JSON with numbers and keys spelled other ways, and multipart form data', async () => {
    const t = cleanup.use(await startWebhookTest());
    const json = { LeadID: 2001, case_type_id: 2, CaseType: 'Slip and Fall', StatusId: 12, status: 'Contacted', FULLNAME: 'Bo Lee', createdDate: '2026-10-01', 'primary-contact-id': 9, firstname: 'Bo', LastName: 'Lee', Extra: 'ignored' };
    expect((await t.postJson(json)).status).toBe(200);
    const multipart = new FormData();
    for (const [key, value] of Object.entries({ ...FULL_CALL, 'Lead ID': '3003' })) multipart.append(key, value);
    expect((await t.postRaw(multipart, null)).status).toBe(200);

    const [fromJson, fromMultipart] = t.rows();
    expect(fromJson!.payload).toEqual({ leadId: '2001', caseTypeId: '2', caseType: 'Slip and Fall', statusId: '12', status: 'Contacted', fullName: 'Bo Lee', createdDate: '2026-10-01', primaryContactId: '9', firstName: 'Bo', lastName: 'Lee' });
    expect(fromMultipart).toMatchObject({ record_id: '3003', payload: { ...STORED_FULL, leadId: '3003' } });
  });

  it('answers a retry of a call still waiting for the engine with the same id; once processed, the same call is new', async () => {
    const t = cleanup.use(await startWebhookTest());
    const first = (await (await t.postForm(FULL_CALL)).json()) as { id: string };
    const retry = await t.postForm(FULL_CALL);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ id: first.id, duplicate: true });
    // A different status of the same lead is another change.
    const next = (await (await t.postForm({ ...FULL_CALL, 'Status ID': '15', Status: 'Rejected' })).json()) as { id: string; duplicate: boolean };
    expect(next.duplicate).toBe(false);
    expect(t.rows()).toHaveLength(2);

    t.core.database.sqlite.prepare('UPDATE crm_inbound_events SET processed_at = ?').run('2026-11-26T20:05:00.000Z');
    const again = (await (await t.postForm(FULL_CALL)).json()) as { id: string; duplicate: boolean };
    expect(again.duplicate).toBe(false);
    expect(again.id).not.toBe(first.id);
    expect(t.rows()).toHaveLength(3);
  });

  it('answers 503 with Retry-After and stores nothing while another program holds the write lock; the retry is stored', async () => {
    const t = cleanup.use(await startWebhookTest({ busyTimeoutMs: 100, logLevel: 'silent' }));
    const other = cleanup.use(new Database(t.core.database.sqlite.name));
    other.exec('BEGIN IMMEDIATE');
    const refused = await t.postForm(FULL_CALL);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe(String(BUSY_RETRY_AFTER_SECONDS));
    expect(await webhookError(refused)).toEqual({ code: 'DATABASE_ERROR', message: `The database is busy; nothing was stored. Send the call again in ${BUSY_RETRY_AFTER_SECONDS} seconds.` });
    other.exec('ROLLBACK');
    expect(t.rows()).toEqual([]);
    expect((await t.postForm(FULL_CALL)).status).toBe(200);
    expect(t.rows()).toHaveLength(1);
  });

  it('counts what arrived in the view, with the URL under the ingest server address', async () => {
    const clock = manualClock('2026-11-26T20:00:00.000Z');
    const t = cleanup.use(await startWebhookTest({ clock }));
    expect(await t.core.api.crm.inboundWebhook({ crm: 'lawruler' })).toMatchObject({ url: t.webhookUrl, received: 0, lastReceivedAt: null, secretCreatedAt: '2026-11-26T20:00:00.000Z' });
    await t.postForm(FULL_CALL);
    clock.advance(60_000);
    await t.postForm({ ...FULL_CALL, 'Lead ID': '1043' });
    await t.postForm({ ...FULL_CALL, 'Lead ID': '1043' });
    expect(await t.core.api.crm.inboundWebhook({ crm: 'lawruler' })).toMatchObject({ received: 2, lastReceivedAt: '2026-11-26T20:01:00.000Z' });
  });
});

describe("LawRuler's inbound webhook: the view", () => {
  it('has no URL while the ingest server is off, and the steps of Setup → Webhooks once it listens', async () => {
    const core = cleanup.use(startTestCore({ fileSecrets: true }));
    const off = await core.api.crm.inboundWebhook({ crm: 'lawruler' });
    expect(off).toMatchObject({ crm: 'lawruler', url: null, headerName: 'X-Kayse-Webhook-Secret', configured: false, secretCreatedAt: null, received: 0 });
    expect(off.steps[1]).toMatch(/ingest server is not running/);

    const status = await core.ingest.listen({ host: '127.0.0.1', port: 0 });
    const { secret, ...on } = await core.api.crm.rotateInboundSecret({ crm: 'lawruler' });
    expect(secret).toMatch(/^lrwh_/);
    expect(on).toMatchObject({ url: `${status.url}/v1/crm/lawruler/webhook`, configured: true });
    expect(on.steps).toEqual([
      expect.stringMatching(/^In LawRuler, open Setup → Webhooks and add a webhook that fires when a lead’s status changes/),
      expect.stringMatching(new RegExp(`^URL: ${status.url!.replace(/\./g, '\\.')}/v1/crm/lawruler/webhook\\. This address only works on this computer`)),
      'Method: POST.',
      expect.stringMatching(/^Custom header: name X-Kayse-Webhook-Secret, value the secret shown when it was generated/),
      expect.stringContaining('Lead ID, Case Type ID, Case Type, Status ID, Status, Full Name, Created Date, Primary Contact ID, First Name, Last Name.'),
      expect.stringMatching(/^Save the webhook, then change a lead’s status/),
    ]);
  });
});
