// What a LawRuler call must carry: every required field (400 naming each one missing, by LawRuler's label) with a
// usable value (400 naming each bad one), as form data or JSON; anything else is refused in the ingest API's error
// shape, and nothing is stored by a refused call.
import { describe, expect, it } from 'vitest';
import { LAWRULER_STATUS_WEBHOOK_FIELDS } from '../../connectors';
import { useCleanup } from '../../test-support/use-cleanup';
import { FULL_CALL, startWebhookTest, webhookError } from './test-crm-webhook';

const cleanup = useCleanup();
const start = async () => cleanup.use(await startWebhookTest());
const without = (...labels: string[]) => Object.fromEntries(Object.entries(FULL_CALL).filter(([k]) => !labels.includes(k)));

describe("LawRuler's inbound webhook: required fields", () => {
  it('refuses a call missing fields with 400 naming each missing one, in the message and in details', async () => {
    const t = await start();
    const res = await t.postForm({ ...without('Case Type ID', 'Full Name', 'Primary Contact ID'), 'Last Name': '   ' });
    expect(res.status).toBe(400);
    const error = await webhookError(res);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details?.missing).toEqual(['Case Type ID', 'Full Name', 'Primary Contact ID', 'Last Name']);
    expect(error.details?.issues?.map((i) => i.path)).toEqual(['Case Type ID', 'Full Name', 'Primary Contact ID', 'Last Name']);
    expect(error.details?.issues?.[0]?.message).toMatch(/^required: add it to the webhook's fields in LawRuler \(Setup → Webhooks\)/);
    expect(error.message).toBe("LawRuler's webhook lacks required fields; nothing was stored: missing Case Type ID, Full Name, Primary Contact ID, Last Name.");
    expect(t.rows()).toEqual([]);
  });

  it('names all ten fields for an empty form, an empty JSON body and an empty JSON object', async () => {
    const t = await start();
    for (const res of [await t.postForm(''), await t.postJson(''), await t.postJson({})]) {
      expect(res.status).toBe(400);
      expect((await webhookError(res)).details?.missing).toEqual([...LAWRULER_STATUS_WEBHOOK_FIELDS]);
    }
    expect(t.rows()).toEqual([]);
  });

  it('names bad values by label (an id that is not an id, a date that is not a date) together with missing fields', async () => {
    const t = await start();
    const res = await t.postJson({ ...without('Status'), 'Lead ID': 'L-1042', 'Created Date': 'yesterday', 'Status ID': 14.5 });
    expect(res.status).toBe(400);
    const error = await webhookError(res);
    expect(error.details?.missing).toEqual(['Status']);
    expect(error.details?.issues).toEqual([
      { path: 'Status', message: expect.stringMatching(/^required/) },
      { path: 'Lead ID', message: `expected LawRuler's numeric id, e.g. 1042 (got "L-1042")` },
      { path: 'Status ID', message: `expected LawRuler's numeric id, e.g. 1042 (got "14.5")` },
      { path: 'Created Date', message: 'expected a date such as 2026-11-20T15:00:00Z or 11/20/2026 3:00 PM (got "yesterday")' },
    ]);
    expect(error.message).toContain('missing Status; Lead ID: expected');
    const tooLong = await t.postForm({ ...FULL_CALL, 'First Name': 'x'.repeat(151) });
    expect(await webhookError(tooLong)).toMatchObject({ details: { issues: [{ path: 'First Name', message: 'at most 150 characters' }] } });
    expect(t.rows()).toEqual([]);
  });

  it('takes US dates and fields that are objects count as missing; a body that is not an object is refused', async () => {
    const t = await start();
    expect((await t.postForm({ ...FULL_CALL, 'Created Date': '11/20/2026 3:00 PM' })).status).toBe(200);
    const nested = await t.postJson({ ...FULL_CALL, 'Lead ID': { id: 1042 } });
    expect((await webhookError(nested)).details?.missing).toEqual(['Lead ID']);
    const list = await t.postJson([FULL_CALL]);
    expect(list.status).toBe(400);
    expect(await webhookError(list)).toMatchObject({ details: { issues: [{ path: '(body)' }] }, message: expect.stringContaining('form data or a JSON object') });
    expect(t.rows()).toHaveLength(1);
  });

  it('refuses other content types (415), bodies that are not UTF-8 or are too large, and malformed JSON', async () => {
    const t = await start();
    const text = await t.postRaw(new URLSearchParams(FULL_CALL).toString(), 'text/plain');
    expect(text.status).toBe(415);
    expect((await webhookError(text)).message).toMatch(/^LawRuler's webhook takes form data or JSON: send it as application\/x-www-form-urlencoded, multipart\/form-data or application\/json \(got "text\/plain"\)/);
    const none = await t.postRaw(null, null);
    expect(none.status).toBe(415);
    expect((await webhookError(none)).message).toContain('send a Content-Type header');

    const latin1 = await t.postForm(`${new URLSearchParams(without('Last Name')).toString()}&Last+Name=Garc%EDa`);
    expect(latin1.status).toBe(400);
    expect(await webhookError(latin1)).toMatchObject({
      message: 'The form field "Last Name" is not UTF-8 text. Send the form encoded as UTF-8. Nothing was stored.',
      details: { issues: [{ path: 'Last Name', message: 'not readable text' }] },
    });

    const large = await t.postForm({ ...FULL_CALL, Notes: 'x'.repeat(70_000) });
    expect(large.status).toBe(413);
    expect((await webhookError(large)).message).toMatch(/larger than 64 KiB/);

    const broken = await t.postJson('{"Lead ID": 1042,');
    expect(broken.status).toBe(400);
    expect((await webhookError(broken)).message).toMatch(/not valid JSON/);
    expect(t.rows()).toEqual([]);
  });

  it('leaves the rest of the ingest API JSON-only and behind its API key', async () => {
    const t = await start();
    const form = await fetch(`${t.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': t.apiKey },
      body: new URLSearchParams(FULL_CALL).toString(),
    });
    expect(form.status).toBe(415);
    // The webhook secret opens nothing else.
    const withSecret = await fetch(`${t.url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kayse-webhook-secret': t.secret }, body: '{}' });
    expect(withSecret.status).toBe(401);
    const unknown = await fetch(`${t.url}/v1/crm/lawruler/other`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': t.apiKey }, body: '{}' });
    expect(unknown.status).toBe(404);
    expect((await webhookError(unknown)).message).toContain('POST /v1/crm/lawruler/webhook for LawRuler');
  });
});
