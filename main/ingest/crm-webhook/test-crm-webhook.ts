// Test fixture: a real core with its ingest server on 127.0.0.1 and (unless told otherwise) a LawRuler webhook
// secret generated through the contract, plus helpers that post LawRuler's call as form data or JSON and read back
// crm_inbound_events. Only tests import this.
import { startIngest, type IngestTestOptions } from '../test-ingest';

/** A complete status-change call, as LawRuler's editor labels the fields. */
export const FULL_CALL: Record<string, string> = {
  'Lead ID': '1042',
  'Case Type ID': '1',
  'Case Type': 'Motor Vehicle Accident',
  'Status ID': '14',
  Status: 'Signed',
  'Full Name': 'Ana Garcia',
  'Created Date': '2026-11-20T15:00:00.000Z',
  'Primary Contact ID': '501042',
  'First Name': 'Ana',
  'Last Name': 'Garcia',
};

export const WEBHOOK_PATH = '/v1/crm/lawruler/webhook';
export const SECRET_HEADER = 'x-kayse-webhook-secret';

export interface InboundRow {
  id: string;
  crm: string;
  received_at: string;
  record_id: string;
  payload: Record<string, string>;
  processed_at: string | null;
}

/** Starts the core and its ingest server; `generateSecret: false` leaves the webhook without a secret. */
export async function startWebhookTest(options: IngestTestOptions & { generateSecret?: boolean } = {}) {
  const { generateSecret = true, ...ingestOptions } = options;
  const t = await startIngest(ingestOptions);
  const secret = generateSecret ? (await t.core.api.crm.rotateInboundSecret({ crm: 'lawruler' })).secret : '';
  const webhookUrl = `${t.url}${WEBHOOK_PATH}`;
  const headersWith = (contentType: string | null, headers: Record<string, string>) => ({
    ...(contentType ? { 'content-type': contentType } : {}),
    ...(secret ? { [SECRET_HEADER]: secret } : {}),
    ...headers,
  });
  return {
    ...t,
    secret,
    webhookUrl,
    /** POSTs `fields` form-encoded with the secret (override or drop it through `headers`). */
    postForm: (fields: Record<string, string> | string, headers: Record<string, string> = {}) =>
      fetch(webhookUrl, {
        method: 'POST',
        headers: headersWith('application/x-www-form-urlencoded', headers),
        body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(),
      }),
    postJson: (body: unknown, headers: Record<string, string> = {}) =>
      fetch(webhookUrl, { method: 'POST', headers: headersWith('application/json', headers), body: typeof body === 'string' ? body : JSON.stringify(body) }),
    postRaw: (body: RequestInit['body'], contentType: string | null, headers: Record<string, string> = {}) =>
      fetch(webhookUrl, { method: 'POST', headers: headersWith(contentType, headers), body }),
    /** crm_inbound_events as stored, oldest first. */
    rows: (): InboundRow[] =>
      (t.core.database.sqlite.prepare('SELECT * FROM crm_inbound_events ORDER BY received_at, id').all() as (Omit<InboundRow, 'payload'> & { payload: string })[]).map(
        (r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, string> }),
      ),
  };
}

export type WebhookTest = Awaited<ReturnType<typeof startWebhookTest>>;

/** The `{error}` body of a refused webhook call. */
export async function webhookError(res: Response) {
  const body = (await res.json()) as {
    error: { code: string; message: string; details?: { issues?: { path: string; message: string }[]; missing?: string[]; reason?: string } };
  };
  return body.error;
}
