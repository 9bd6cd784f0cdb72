// LawRuler's status-change webhook (public: form data, a static custom header for auth, no HMAC; fired when a lead's
// status changes, filtered in LawRuler under Setup → Webhooks). The fields Kayse requires in it are listed here once,
// for the inbound endpoint that reads it and for the simulator that sends it. ASSUMED: the form keys are these
// labels; keys are matched ignoring case, spaces and punctuation ("LeadID", "lead_id"), since a firm names them
// in LawRuler's webhook editor.

/** The fields a status-change webhook must carry; a request missing any is refused (400 naming each). */
export const LAWRULER_STATUS_WEBHOOK_FIELDS = [
  'Lead ID',
  'Case Type ID',
  'Case Type',
  'Status ID',
  'Status',
  'Full Name',
  'Created Date',
  'Primary Contact ID',
  'First Name',
  'Last Name',
] as const;
export type LawRulerStatusWebhookField = (typeof LAWRULER_STATUS_WEBHOOK_FIELDS)[number];

/** One status change, as the webhook told it (text as sent; ids as LawRuler's digit strings). */
export interface LawRulerStatusChange {
  leadId: string;
  caseTypeId: string;
  caseType: string;
  statusId: string;
  status: string;
  fullName: string;
  createdDate: string;
  primaryContactId: string;
  firstName: string;
  lastName: string;
}

const PROPERTY: Record<LawRulerStatusWebhookField, keyof LawRulerStatusChange> = {
  'Lead ID': 'leadId',
  'Case Type ID': 'caseTypeId',
  'Case Type': 'caseType',
  'Status ID': 'statusId',
  Status: 'status',
  'Full Name': 'fullName',
  'Created Date': 'createdDate',
  'Primary Contact ID': 'primaryContactId',
  'First Name': 'firstName',
  'Last Name': 'lastName',
};

const squash = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The status change a webhook's fields (form or JSON, values as text or numbers) describe, or the required fields it lacks. */
export function readStatusWebhook(fields: Record<string, unknown>): { ok: true; value: LawRulerStatusChange } | { ok: false; missing: LawRulerStatusWebhookField[] } {
  const byKey = new Map<string, string>();
  for (const [key, raw] of Object.entries(fields)) {
    const value = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
    if (value !== '') byKey.set(squash(key), value);
  }
  const missing: LawRulerStatusWebhookField[] = [];
  const value: Partial<LawRulerStatusChange> = {};
  for (const field of LAWRULER_STATUS_WEBHOOK_FIELDS) {
    const found = byKey.get(squash(field));
    if (found === undefined) missing.push(field);
    else value[PROPERTY[field]] = found;
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, value: value as LawRulerStatusChange };
}
