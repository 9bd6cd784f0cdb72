// What a LawRuler status-change call must carry, checked before anything is stored: every required field
// (readStatusWebhook matches the keys as LawRuler's editor may spell them), then each value's shape. Problems are
// named by LawRuler's own labels ("Lead ID"), all of them in one answer.
import { z } from 'zod';
import type { FieldIssue } from '../../../shared/result';
import { readStatusWebhook, type LawRulerStatusChange, type LawRulerStatusWebhookField } from '../../connectors';

// ASSUMED (external-apis.md has no sample call): ids are LawRuler's numeric ids, dates ISO 8601 or US
// month/day/year with an optional time. A capture from a real portal corrects these.
const ID = /^\d{1,19}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?)?$/i;

function isDate(text: string): boolean {
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  if (!iso && !us) return false;
  const [month, day] = iso ? [Number(iso[2]), Number(iso[3])] : [Number(us![1]), Number(us![2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const shown = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
const id = z.string().refine((v) => ID.test(v), { error: (issue) => `expected LawRuler's numeric id, e.g. 1042 (got ${shown(String(issue.input))})` });
const text = (max: number) => z.string().max(max, `at most ${max} characters`);

const changeSchema = z.object({
  leadId: id,
  caseTypeId: id,
  caseType: text(200),
  statusId: id,
  status: text(200),
  fullName: text(300),
  createdDate: z.string().refine(isDate, { error: (issue) => `expected a date such as 2026-11-20T15:00:00Z or 11/20/2026 3:00 PM (got ${shown(String(issue.input))})` }),
  primaryContactId: id,
  firstName: text(150),
  lastName: text(150),
}) satisfies z.ZodType<LawRulerStatusChange>;

const LABEL: Record<keyof LawRulerStatusChange, LawRulerStatusWebhookField> = {
  leadId: 'Lead ID',
  caseTypeId: 'Case Type ID',
  caseType: 'Case Type',
  statusId: 'Status ID',
  status: 'Status',
  fullName: 'Full Name',
  createdDate: 'Created Date',
  primaryContactId: 'Primary Contact ID',
  firstName: 'First Name',
  lastName: 'Last Name',
};

export type WebhookReading =
  | { ok: true; value: LawRulerStatusChange }
  | { ok: false; issues: FieldIssue[]; missing: LawRulerStatusWebhookField[]; message: string };

const MISSING = "required: add it to the webhook's fields in LawRuler (Setup → Webhooks), as text";

/** The status change a call describes, or every problem with it. */
export function readLawRulerWebhook(body: unknown): WebhookReading {
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (!fields) {
    const issues = [{ path: '(body)', message: 'expected the fields of the status change, as form data or a JSON object' }];
    return { ok: false, issues, missing: [], message: "LawRuler's webhook body must be form data or a JSON object of fields; nothing was stored." };
  }
  const read = readStatusWebhook(fields);
  const missing = read.ok ? [] : read.missing;
  // The fields that are there are checked too, so that one answer names every problem: the missing ones stand in
  // as a placeholder whose own issues are dropped.
  const complete = read.ok ? read : readStatusWebhook({ ...fields, ...Object.fromEntries(missing.map((label) => [label, '0'])) });
  if (!complete.ok) throw new Error('readStatusWebhook lacks a field it was given');
  const checked = changeSchema.safeParse(complete.value);
  if (checked.success && missing.length === 0) return { ok: true, value: checked.data };
  const bad = (checked.success ? [] : checked.error.issues)
    .map((issue) => ({ path: LABEL[issue.path[0] as keyof LawRulerStatusChange], message: issue.message }))
    .filter((issue) => !missing.includes(issue.path));
  const issues = [...missing.map((label) => ({ path: label, message: MISSING })), ...bad];
  const parts = [
    ...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []),
    ...bad.map((i) => `${i.path}: ${i.message}`),
  ];
  const lead = missing.length > 0 ? "LawRuler's webhook lacks required fields" : "LawRuler's webhook has values the console can't use";
  return { ok: false, issues, missing, message: `${lead}; nothing was stored: ${parts.join('; ')}.` };
}
