// The simulator's cases as SmartAdvocate answers them: CaseInfo exactly as documented, and the ASSUMED case record
// (CaseInfo + external reference, primary contact, UDF values) the listing and `GET /case/{id}` answer.
// Date-times are written like SmartAdvocate's ("2021-08-03T20:22:58.41Z": trailing zeros of the fraction dropped).
import type { SimCatalog } from './sim-catalog';
import type { SimCase, SimNote } from './sim-cases';

/** `2021-08-03T20:22:58.41Z`, `2021-02-17T21:14:00Z`. */
export const saDateTime = (ms: number) => new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');

export interface WireLookups {
  caseTypeName: Map<number, string>;
  statusName: Map<number, string>;
  officeName: Map<number, string>;
  /** Secondary status id → its type name and status name. */
  secondary: Map<number, { typeName: string; statusName: string }>;
  udfIds: Set<number>;
}

/** Name look-ups, rebuilt when the catalog changes (a renamed or deleted UDF). */
export function lookupsOf(catalog: SimCatalog): WireLookups {
  const secondary = new Map<number, { typeName: string; statusName: string }>();
  for (const type of catalog.secondaryStatusTypes) for (const s of type.statuses) secondary.set(s.statusID, { typeName: type.statusTypeName, statusName: s.statusName });
  return {
    caseTypeName: new Map(catalog.caseTypes.map((t) => [t.caseTypeID, t.caseTypeName])),
    statusName: new Map(catalog.statuses.map((s) => [s.statusID, s.statusName])),
    officeName: new Map(catalog.offices.map((o) => [o.officeID, o.officeName])),
    secondary,
    udfIds: new Set(catalog.udfs.map((u) => u.udfID)),
  };
}

export function caseInfoOf(c: SimCase, l: WireLookups) {
  return {
    caseID: c.caseID,
    caseNumber: c.caseNumber,
    caseTypeID: c.caseTypeID,
    caseType: l.caseTypeName.get(c.caseTypeID) ?? '',
    caseStatusID: c.statusID,
    caseStatus: c.statusID === null ? null : (l.statusName.get(c.statusID) ?? null),
    caseStatusFrom: c.statusID === null ? null : saDateTime(c.statusFromMs),
    officeID: c.officeID,
    officeName: l.officeName.get(c.officeID) ?? null,
    plaintiffs: [
      {
        id: c.plaintiffID,
        name: `${c.contact.lastName}, ${c.contact.firstName}`,
        role: '(P)-Point of Contact',
        contactID: c.contact.contactID,
        primary: true,
        primaryContact: true,
      },
    ],
    secondStatuses: c.secondStatuses.map((s) => ({
      statusID: s.statusID,
      fromDate: saDateTime(s.fromMs),
      statusTypeName: l.secondary.get(s.statusID)?.typeName ?? '',
      statusName: l.secondary.get(s.statusID)?.statusName ?? '',
    })),
    createdDate: saDateTime(c.createdMs),
    modifiedDate: saDateTime(c.modifiedMs),
  };
}

export function caseRecordOf(c: SimCase, l: WireLookups) {
  const udfs = [];
  // Values of a deleted UDF are gone with it.
  for (const [udfID, value] of c.udfs) if (l.udfIds.has(udfID)) udfs.push({ udfID, value });
  return { ...caseInfoOf(c, l), externalReference: c.externalReference, primaryContact: { ...c.contact }, udfs };
}

export function noteOf(note: SimNote, c: SimCase) {
  return {
    noteID: note.noteID,
    caseID: c.caseID,
    caseNumber: c.caseNumber,
    noteTypeID: null,
    noteTypeName: null,
    noteText: note.noteText,
    uniqueContactId: c.contact.contactID,
    uniqueContactName: `${c.contact.lastName}, ${c.contact.firstName}`,
    priority: note.priority,
    userID: note.userID,
    noteDate: note.noteDate,
    subject: note.subject,
  };
}

/** What a person reads in a note: tags dropped, <br> as line breaks, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
