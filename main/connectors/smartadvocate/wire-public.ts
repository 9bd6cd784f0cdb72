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
  const fast = fastUtcIso(text);
  if (fast !== null) return fast;
  const match = ISO_DATE_TIME.exec(text.trim());
  // Date.parse rolls a day that doesn't exist over (February 30 → March 2): refused instead.
  if (!match || !realDay(Number(match[1]!.slice(0, 4)), Number(match[1]!.slice(5, 7)), Number(match[1]!.slice(8, 10)))) return null;
  const fraction = match[3] ? match[3].slice(0, 4) : '';
  const ms = Date.parse(`${match[1]}T${match[2]}${fraction}${match[4] ?? 'Z'}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Where the digits of `YYYY-MM-DDTHH:MM:SS` are, and its separators (- - T : :). */
const DIGITS_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const SEPARATORS: [number, number][] = [
  [4, 45],
  [7, 45],
  [10, 84],
  [13, 58],
  [16, 58],
];
const isDigit = (code: number) => code >= 48 && code <= 57;
const twoDigits = (text: string, at: number) => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

/**
 * What SmartAdvocate writes nearly always, `YYYY-MM-DDTHH:MM:SS[.f{1,7}]Z` (a fraction's trailing zeros dropped:
 * "2021-08-03T20:22:58.41Z"), as `YYYY-MM-DDTHH:MM:SS.sssZ`; null for any other form (toUtcIso reads those). Read
 * character by character, since every date of every listed case comes here and a Date, or a regular expression's
 * match, costs several times more.
 */
function fastUtcIso(text: string): string | null {
  const length = text.length;
  if (length < 20 || length > 28 || text.charCodeAt(length - 1) !== 90 /* Z */) return null;
  for (const at of DIGITS_AT) if (!isDigit(text.charCodeAt(at))) return null;
  for (const [at, code] of SEPARATORS) if (text.charCodeAt(at) !== code) return null;
  let fraction = '';
  if (length > 20) {
    if (text.charCodeAt(19) !== 46 /* . */ || length === 21) return null;
    for (let at = 20; at < length - 1; at += 1) if (!isDigit(text.charCodeAt(at))) return null;
    fraction = text.slice(20, Math.min(23, length - 1));
  }
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  if (!validTime(year, twoDigits(text, 5), twoDigits(text, 8), twoDigits(text, 11), twoDigits(text, 14), twoDigits(text, 17))) return null;
  if (length === 24) return text;
  return `${text.slice(0, 19)}.${fraction.padEnd(3, '0')}Z`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day that exists (no February 29 outside leap years). */
export function realDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[mo - 1]! + (leap ? 1 : 0);
}

/** A real day and a time of day (hour 24 and leap seconds are left to Date.parse). */
const validTime = (y: number, mo: number, d: number, h: number, mi: number, sec: number) => h <= 23 && mi <= 59 && sec <= 59 && realDay(y, mo, d);

/**
 * A date-time property, normalised to UTC ISO. A check that replaces the value (as zod's own `.overwrite()` does)
 * rather than a `.transform()`: a listed page holds four dates a case, and a transform's per-value context made them
 * most of the cost of reading a page.
 */
export const wireDateTime = z.string().check((ctx) => {
  const iso = toUtcIso(ctx.value);
  if (iso === null) ctx.issues.push({ code: 'custom', message: `"${ctx.value.slice(0, 40)}" is not an ISO date-time`, input: ctx.value });
  else ctx.value = iso;
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
