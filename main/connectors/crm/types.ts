// What the sync engine knows of a CRM: one interface, implemented once per CRM (connectors/lawruler,
// connectors/smartadvocate). Records, catalogs and changes are in our words; each connector translates its CRM's
// wire shapes to and from these, so the engine never sees a CRM's URL or field names (../shared/spec/sync.md).
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { CrmErrorKind } from './errors';
import type { CrmRequestPacer } from './crm-http';

/** One line of "Test connection": what was checked, whether it passed, what was found or what to do. */
export interface CrmCheck {
  /** e.g. "Signed in", "Can read records", "Can load fields and statuses". */
  name: string;
  ok: boolean;
  /** Passed: what was found ("as jane@firm.com"). Failed: what went wrong, in the CRM's words where it gave any. */
  detail: string;
  /** Failed: what the user can do about it. */
  fix?: string;
  /** Failed with a typed CRM error: its kind (the connection's Error state is read from the sign-in check's). */
  errorKind?: CrmErrorKind;
}

export const CRM_FIELD_TYPES = ['text', 'number', 'date', 'yes_no', 'single_select', 'multi_select'] as const;
export type CrmFieldType = (typeof CRM_FIELD_TYPES)[number];

export interface CrmCaseType {
  id: string;
  name: string;
}

/** A field of the CRM's records (LawRuler custom field `Custom1234`, SmartAdvocate UDF). */
export interface CrmField {
  id: string;
  name: string;
  /** SmartAdvocate's UDF short name, shown first by the mapping picker; null elsewhere. */
  shortName: string | null;
  type: CrmFieldType;
  /** Valid values of a select; empty for other types. */
  options: string[];
  /** Case types the field belongs to; null when it belongs to all. */
  caseTypeIds: string[] | null;
}

export interface CrmStatus {
  id: string;
  name: string;
  /** The case type whose list it is on; null when the CRM has one list for all. */
  caseTypeId: string | null;
}

/** SmartAdvocate's secondary status types: a case holds at most one status of each. */
export interface CrmSubstatusType {
  id: string;
  name: string;
  statuses: { id: string; name: string }[];
}

export interface CrmCatalog {
  caseTypes: CrmCaseType[];
  fields: CrmField[];
  statuses: CrmStatus[];
  /** Empty for CRMs without substatuses. */
  substatusTypes: CrmSubstatusType[];
}

/** One substatus of a record: the status it holds for one secondary status type. */
export interface CrmSubstatus {
  typeId: string;
  statusId: string;
}

/** A CRM record (LawRuler lead, SmartAdvocate case with its primary plaintiff), in our words. */
export interface CrmRecord {
  id: string;
  caseNumber: string | null;
  caseTypeId: string | null;
  statusId: string | null;
  substatuses: CrmSubstatus[];
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  /** Custom field values by field id: strings, numbers, booleans, `YYYY-MM-DD` dates, string arrays. */
  fields: Record<string, CrmValue>;
  /** The idempotency marker it was created with by this console, if the CRM kept it. */
  marker: string | null;
  createdAt: string;
  /** ISO time of the CRM's last change; the listing's cursor. */
  modifiedAt: string;
}

export type CrmValue = string | number | boolean | string[] | null;

/** What a create sends. Required by the CRMs: a name and a case type; LawRuler also wants a phone and an email. */
export interface CrmRecordInput {
  caseTypeId: string;
  statusId?: string;
  substatuses?: CrmSubstatus[];
  firstName: string;
  lastName: string;
  phone?: string;
  email?: string;
  summary?: string;
  fields?: Record<string, CrmValue>;
}

/** What an update changes; absent keys are left as they are. */
export interface CrmChanges {
  statusId?: string;
  substatuses?: CrmSubstatus[];
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  email?: string | null;
  fields?: Record<string, CrmValue>;
}

export interface CrmNote {
  subject: string;
  /** Plain text; connectors escape it for CRMs that store HTML. */
  text: string;
  /** When what the note records happened (ISO). */
  at: string;
}

/** Where a listing of changes stands: the last record processed (its modified time, then its id). */
export interface CrmCursor {
  modifiedAt: string;
  id: string;
}

export interface ChangedPage {
  /** Records changed after the cursor, oldest first (modified time, then id). */
  records: CrmRecord[];
  /** The cursor to pass next; equal to the one given when nothing changed. */
  next: CrmCursor | null;
  /** True when this page reached the end of what has changed so far. */
  caughtUp: boolean;
}

/** What a CRM can do, so the engine picks how to read and what to write. */
export interface CrmCapabilities {
  /** The CRM calls us on changes (LawRuler's status-change webhook). */
  webhook: boolean;
  /** `listChanged` is backed by a modified-since listing of the CRM (else it only re-reads known records). */
  modifiedSinceListing: boolean;
  substatuses: boolean;
  notes: boolean;
}

export interface CrmConnector {
  readonly id: CrmConnectorId;
  readonly capabilities: CrmCapabilities;
  /** Every check of "Test connection"; never throws for a failed check (it is a failed line). */
  testConnection(): Promise<CrmCheck[]>;
  /** The CRM's case types, fields, statuses and substatus types; a CrmError names the part that failed. */
  loadCatalog(): Promise<CrmCatalog>;
  /** Records changed after `cursor` (null: from the start), at most `pageSize`. */
  listChanged(cursor: CrmCursor | null, pageSize?: number): Promise<ChangedPage>;
  /** One record; `not_found` when the CRM has none with that id. */
  get(id: string): Promise<CrmRecord>;
  /** Creates a record carrying `marker` (so that `findExisting` finds it if the answer is lost). */
  create(record: CrmRecordInput, marker: string): Promise<CrmRecord>;
  update(id: string, changes: CrmChanges): Promise<CrmRecord>;
  addNote(id: string, note: CrmNote): Promise<void>;
  /** A record this console created with `marker`, else one matching by email, phone or case number; null if none. */
  findExisting(record: Pick<CrmRecordInput, 'email' | 'phone'> & { caseNumber?: string | null }, marker: string | null): Promise<CrmRecord | null>;
  /** Sends every later HTTP request through `pacer` (the integration's rate limiter); null: unpaced. */
  usePacer?(pacer: CrmRequestPacer | null): void;
  /** Frees connections; the connector is not used after. */
  close(): Promise<void>;
}
