// SmartAdvocate's answers as its public documentation shows them (CaseSync API, Postman documentation; see
// README.md and ../shared/spec/external-apis.md). Unknown properties are dropped; a missing or mistyped one is a
// bad_response naming its path. Date-times come back as ISO texts, with or without a zone.
import { z } from 'zod';

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO date-time as UTC `…Z`, or null. A time without a zone is read as UTC, never as this computer's local
 * time (Date.parse would do that); fractions past milliseconds (.NET writes seven digits) are cut.
 */
export function toUtcIso(text: string): string | null {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return null;
  const fraction = match[3] ? match[3].slice(0, 4) : '';
  const ms = Date.parse(`${match[1]}T${match[2]}${fraction}${match[4] ?? 'Z'}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** A date-time property, normalised to UTC ISO. */
export const wireDateTime = z.string().transform((text, ctx) => {
  const iso = toUtcIso(text);
  if (iso === null) {
    ctx.addIssue({ code: 'custom', message: `"${text.slice(0, 40)}" is not an ISO date-time` });
    return z.NEVER;
  }
  return iso;
});

const id = z.number().int();

/** `POST /Users/authenticate` → who signed in and the bearer token (a JWT, about two hours). */
export const authenticateAnswerSchema = z.object({
  username: z.string(),
  userID: id,
  token: z.string().min(1),
});

export const plaintiffSchema = z.object({
  id,
  /** "Last, First". */
  name: z.string(),
  role: z.string().nullish(),
  contactID: id,
  primary: z.boolean(),
  primaryContact: z.boolean().optional(),
});

/** A case's status of one secondary status type. The answer names the type, it does not give its id. */
export const secondStatusSchema = z.object({
  statusID: id,
  fromDate: wireDateTime.nullish(),
  statusTypeName: z.string(),
  statusName: z.string(),
});

/** One case of `GET /case/CaseInfo?Casenumber=` (an array, as `%` is a wildcard). */
export const caseInfoSchema = z.object({
  caseID: id,
  caseNumber: z.string(),
  caseTypeID: id,
  caseType: z.string(),
  caseStatusID: id.nullable(),
  caseStatus: z.string().nullable(),
  caseStatusFrom: wireDateTime.nullable(),
  officeID: id.nullable(),
  officeName: z.string().nullable(),
  plaintiffs: z.array(plaintiffSchema),
  secondStatuses: z.array(secondStatusSchema),
  createdDate: wireDateTime,
  modifiedDate: wireDateTime,
});
export type WireCaseInfo = z.output<typeof caseInfoSchema>;

export const caseInfoListSchema = z.array(caseInfoSchema);

/** A case note (`GET /case/{caseID}/notes`); `noteText` is HTML. */
export const noteSchema = z.object({
  noteID: id,
  caseID: id.optional(),
  noteTypeID: id.nullable(),
  noteTypeName: z.string().nullable(),
  noteText: z.string(),
  uniqueContactId: id.nullish(),
  priority: z.string().nullable(),
  userID: id.nullable(),
  noteDate: wireDateTime,
  subject: z.string().nullable(),
});
export const noteListSchema = z.array(noteSchema);

/** One operation of a JSON Patch (contacts are updated with these). */
export interface JsonPatchOperation {
  op: 'replace' | 'add' | 'remove';
  path: string;
  value?: string | null;
}
