// SQLite rows → contract records.
import type { Case, Client, RecordChange } from '../../../shared/domain/workspace';
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

export const toClient = (r: ClientRow): Client => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  phones: JSON.parse(r.phones) as string[],
  emails: JSON.parse(r.emails) as string[],
  optOuts: JSON.parse(r.opt_outs) as Client['optOuts'],
  externalSource: r.external_source,
  externalId: r.external_id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  isDemo: r.is_demo === 1,
});

/** The names of a stored case's type and status, or placeholders when they were deleted. */
export function caseTypeAndStatusNames(types: CaseTypeCatalog, caseTypeId: string, statusId: string): { caseType: string; status: string } {
  const type = types.get(caseTypeId);
  return { caseType: type?.name ?? '(deleted case type)', status: type?.statuses.find((s) => s.id === statusId)?.name ?? '(deleted status)' };
}

export function toCase(r: CaseRow, types: CaseTypeCatalog): Case {
  const { caseType, status } = caseTypeAndStatusNames(types, r.case_type_id, r.status_id);
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
    customValues: JSON.parse(r.custom_values) as Record<string, unknown>,
    externalSource: r.external_source,
    externalId: r.external_id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    isDemo: r.is_demo === 1,
  };
}

export const toChange = (r: ChangeRow): RecordChange => ({
  seq: r.seq,
  entity: r.entity,
  entityId: r.entity_id,
  version: r.version,
  kind: r.kind,
  changes: JSON.parse(r.changes) as RecordChange['changes'],
  origin: r.origin,
  at: r.at,
});
