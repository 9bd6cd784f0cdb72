// SQLite rows → contract records. A JSON cell that can't be read marks its field unreadable (shown empty) instead
// of failing every list and detail that shows the row.
import { OPT_OUT_CHANNELS, type Case, type Client, type RecordChange } from '../../../shared/domain/workspace';
import type { CaseTypeCatalog } from './case-type-catalog';

export interface ClientRow {
  id: string;
  first_name: string;
  last_name: string;
  phones: string;
  emails: string;
  opt_outs: string;
  external_source: string | null;
  external_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  is_demo: number;
}

export interface CaseRow {
  id: string;
  case_number: string;
  name: string;
  case_type_id: string;
  status_id: string;
  campaign_id: string | null;
  custom_values: string;
  external_source: string | null;
  external_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  is_demo: number;
  /** Comma-separated client ids, primary first (from a GROUP_CONCAT). */
  client_ids: string | null;
}

export interface ChangeRow {
  seq: number;
  entity: 'case' | 'client';
  entity_id: string;
  version: number;
  kind: 'created' | 'updated' | 'deleted';
  changes: string;
  origin: RecordChange['origin'];
  at: string;
}

/**
 * A JSON cell's value when it parses and has the expected shape; undefined when the cell is damaged (a bad write
 * by another program, a disk fault), so that one bad cell marks one field instead of failing every read of it.
 */
function readJsonCell(text: string, fits: (value: unknown) => boolean): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return fits(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isOptOutList = (v: unknown): v is Client['optOuts'] => isTextList(v) && v.every((x) => (OPT_OUT_CHANNELS as readonly string[]).includes(x));
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isChangeMap = (v: unknown) => isPlainObject(v) && Object.values(v).every(isPlainObject);

/** Reads each JSON field of a row; an unreadable one gets `empty` and is listed in `unreadable`. */
function readFields<F extends string>(cells: { [K in F]: { text: string; fits: (v: unknown) => boolean; empty: unknown } }) {
  const values = {} as Record<F, unknown>;
  const unreadable: F[] = [];
  for (const field of Object.keys(cells) as F[]) {
    const { text, fits, empty } = cells[field];
    const value = readJsonCell(text, fits);
    if (value === undefined) unreadable.push(field);
    values[field] = value === undefined ? empty : value;
  }
  return { values, unreadable: unreadable.length > 0 ? { unreadable } : {} };
}

export const toClient = (r: ClientRow): Client => {
  const { values, unreadable } = readFields({
    phones: { text: r.phones, fits: isTextList, empty: [] },
    emails: { text: r.emails, fits: isTextList, empty: [] },
    optOuts: { text: r.opt_outs, fits: isOptOutList, empty: [] },
  });
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    phones: values.phones as string[],
    emails: values.emails as string[],
    optOuts: values.optOuts as Client['optOuts'],
    externalSource: r.external_source,
    externalId: r.external_id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    isDemo: r.is_demo === 1,
    ...unreadable,
  };
};

/** The names of a stored case's type and status, or placeholders when they were deleted. */
export function caseTypeAndStatusNames(types: CaseTypeCatalog, caseTypeId: string, statusId: string): { caseType: string; status: string } {
  const type = types.get(caseTypeId);
  return { caseType: type?.name ?? '(deleted case type)', status: type?.statuses.find((s) => s.id === statusId)?.name ?? '(deleted status)' };
}

export function toCase(r: CaseRow, types: CaseTypeCatalog): Case {
  const { caseType, status } = caseTypeAndStatusNames(types, r.case_type_id, r.status_id);
  const { values, unreadable } = readFields({ customValues: { text: r.custom_values, fits: isPlainObject, empty: {} } });
  return {
    id: r.id,
    caseNumber: r.case_number,
    name: r.name,
    caseTypeId: r.case_type_id,
    caseType,
    statusId: r.status_id,
    status,
    campaignId: r.campaign_id,
    clientIds: r.client_ids ? r.client_ids.split(',') : [],
    customValues: values.customValues as Record<string, unknown>,
    externalSource: r.external_source,
    externalId: r.external_id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    isDemo: r.is_demo === 1,
    ...unreadable,
  };
}

export const toChange = (r: ChangeRow): RecordChange => {
  const { values, unreadable } = readFields({ changes: { text: r.changes, fits: isChangeMap, empty: {} } });
  return {
    seq: r.seq,
    entity: r.entity,
    entityId: r.entity_id,
    version: r.version,
    kind: r.kind,
    changes: values.changes as RecordChange['changes'],
    origin: r.origin,
    at: r.at,
    ...unreadable,
  };
};
