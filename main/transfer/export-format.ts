// Exported rows as the contract's records (JSON) or flattened into CSV cells: custom values become
// `custom.<key>` columns, lists become ";"-joined cells, and nested data becomes JSON text.
import type { StoredEvent } from '../../shared/domain/events';
import type { Case, Client } from '../../shared/domain/workspace';
import { toStored, type EventRow } from '../ingest';
import { toCase, toClient, type CaseRow, type CaseTypeCatalog, type ClientRow } from '../workspace';
import type { ExportKind } from './export-queries';

/** Names exported beside the ids they stand for (not part of the contract records, which carry ids only). */
interface NamedCase extends Case {
  campaignName: string | null;
  clientNames: string[];
}
interface NamedEvent extends StoredEvent {
  campaignName: string | null;
  caseNumber: string | null;
  clientName: string | null;
}
type ExportRecord = NamedCase | Client | NamedEvent;

export interface ExportFormat {
  /** CSV header cells. */
  header: string[];
  /** A database row as the contract record. */
  toRecord(row: Record<string, unknown>): ExportRecord;
  /** A record as CSV cells, aligned with `header`. */
  toCells(record: ExportRecord): string[];
}


/** One CSV cell: lists joined by ";", objects as JSON, null as empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const CASE_COLUMNS = ['id', 'caseNumber', 'name', 'caseTypeId', 'caseType', 'statusId', 'status', 'campaignId', 'campaignName', 'clientIds', 'clientNames', 'externalSource', 'externalId', 'version', 'createdAt', 'updatedAt', 'isDemo'] as const;
const CLIENT_COLUMNS = ['id', 'firstName', 'lastName', 'phones', 'emails', 'optOuts', 'externalSource', 'externalId', 'version', 'createdAt', 'updatedAt', 'isDemo'] as const;
const EVENT_COLUMNS = ['id', 'type', 'occurredAt', 'receivedAt', 'campaignId', 'campaignName', 'caseId', 'caseNumber', 'clientId', 'clientName', 'caseType', 'apiKeyId', 'idempotencyKey', 'isDemo', 'data'] as const;


const pick = (columns: readonly string[]) => (record: ExportRecord) => columns.map((c) => cellText((record as Record<string, unknown>)[c]));

/** How rows of `kind` are exported; case exports get a `custom.<key>` column per custom field of every case type (or of `caseTypeId`'s only). */
export function exportFormat(kind: ExportKind, types: CaseTypeCatalog, caseTypeId?: string): ExportFormat {
  if (kind === 'clients') return { header: [...CLIENT_COLUMNS], toRecord: (r) => toClient(r as unknown as ClientRow), toCells: pick(CLIENT_COLUMNS) };
  if (kind === 'events') {
    const toRecord = (r: Record<string, unknown>): NamedEvent => ({
      ...toStored(r as unknown as EventRow),
      campaignName: (r.campaign_name as string | null) ?? null,
      caseNumber: (r.case_number as string | null) ?? null,
      clientName: (r.client_name as string | null) ?? null,
    });
    return { header: [...EVENT_COLUMNS], toRecord, toCells: pick(EVENT_COLUMNS) };
  }
  const keys: string[] = [];
  for (const type of caseTypeId ? types.list().filter((t) => t.id === caseTypeId) : types.list()) {
    for (const field of type.fields) if (!keys.includes(field.key)) keys.push(field.key);
  }
  const base = pick(CASE_COLUMNS);
  return {
    header: [...CASE_COLUMNS, ...keys.map((k) => `custom.${k}`)],
    toRecord: (r): NamedCase => ({
      ...toCase(r as unknown as CaseRow, types),
      campaignName: (r.campaign_name as string | null) ?? null,
      clientNames: JSON.parse((r.client_names as string | null) ?? '[]') as string[],
    }),
    toCells: (record) => [...base(record), ...keys.map((k) => cellText((record as Case).customValues[k]))],
  };
}
