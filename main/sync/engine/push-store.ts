// The push's rows in SQLite: the outbound cursor over record_changes, links, snapshots, create intents and
// per-record errors of each integration. Plain statements; the pusher decides when to write them, each write its
// own short transaction (a CRM call never runs inside one).
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import { sentRequestSchema, type SentRequest } from '../../../shared/domain/sync-monitoring';
import type { TableName } from '../../../shared/domain/tables';
import { writeTransaction } from '../../db';
import { announceChanged, type EventBus } from '../../kernel';
import { unlinkedKey } from './pull-store';

export interface LogChange {
  seq: number;
  entity: 'case' | 'client';
  entityId: string;
  origin: string;
}

export interface Link {
  caseId: string;
  crmRecordId: string;
  crmCaseTypeId: string;
  linkedAt: string;
}

export interface Snapshot {
  kayseValues: Record<string, unknown>;
  crmValues: Record<string, unknown>;
  syncedAt: string;
}

export interface Intent {
  marker: string;
  crmCaseTypeId: string;
  createdAt: string;
}

export interface RecordError {
  caseId: string;
  kind: string;
  message: string;
  crmMessage: string | null;
  httpStatus: number | null;
  field: string | null;
  attempts: number;
  firstAt: string;
  lastAt: string;
  nextTryAt: string | null;
}

type ErrorInput = Omit<RecordError, 'attempts' | 'firstAt'>;

/** A sync_record_errors row as SQLite gives it (both directions share the table). */
export interface ErrorRow {
  case_id: string;
  kind: string;
  message: string;
  crm_message: string | null;
  http_status: number | null;
  field: string | null;
  attempts: number;
  first_at: string;
  last_at: string;
  next_try_at: string | null;
}

export const toError = (r: ErrorRow): RecordError => ({
  caseId: r.case_id,
  kind: r.kind,
  message: r.message,
  crmMessage: r.crm_message,
  httpStatus: r.http_status,
  field: r.field,
  attempts: r.attempts,
  firstAt: r.first_at,
  lastAt: r.last_at,
  nextTryAt: r.next_try_at,
});

export function createPushStore(sqlite: Database.Database, events: EventBus) {
  const q = {
    cursor: sqlite.prepare<[string], { seq: number }>('SELECT seq FROM sync_outbound_cursors WHERE crm = ?'),
    setCursor: sqlite.prepare(
      'INSERT INTO sync_outbound_cursors (crm, seq, updated_at) VALUES (?, ?, ?) ON CONFLICT (crm) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at',
    ),
    maxSeq: sqlite.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM record_changes'),
    after: sqlite.prepare<[number, number], { seq: number; entity: 'case' | 'client'; entity_id: string; origin: string }>(
      'SELECT seq, entity, entity_id, origin FROM record_changes WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    pending: sqlite.prepare<[number, string], { n: number }>('SELECT count(*) AS n FROM record_changes WHERE seq > ? AND origin <> ?'),
    casesOfClient: sqlite.prepare<[string], { case_id: string }>('SELECT case_id FROM case_clients WHERE client_id = ? AND is_primary = 1'),
    link: sqlite.prepare<[string, string], { case_id: string; crm_record_id: string; crm_case_type_id: string; linked_at: string }>(
      'SELECT * FROM sync_links WHERE crm = ? AND case_id = ?',
    ),
    linkCount: sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM sync_links WHERE crm = ?'),
    insertLink: sqlite.prepare('INSERT INTO sync_links (crm, case_id, crm_record_id, crm_case_type_id, linked_at) VALUES (?, ?, ?, ?, ?)'),
    snapshot: sqlite.prepare<[string, string], { kayse_values: string; crm_values: string; synced_at: string }>(
      'SELECT kayse_values, crm_values, synced_at FROM sync_snapshots WHERE crm = ? AND case_id = ?',
    ),
    lastSynced: sqlite.prepare<[string], { at: string | null }>('SELECT max(synced_at) AS at FROM sync_snapshots WHERE crm = ?'),
    writeSnapshot: sqlite.prepare(
      `INSERT INTO sync_snapshots (crm, case_id, kayse_values, crm_values, synced_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (crm, case_id) DO UPDATE SET kayse_values = excluded.kayse_values, crm_values = excluded.crm_values, synced_at = excluded.synced_at`,
    ),
    intent: sqlite.prepare<[string, string], { marker: string; crm_case_type_id: string; created_at: string }>(
      'SELECT marker, crm_case_type_id, created_at FROM sync_create_intents WHERE crm = ? AND case_id = ?',
    ),
    insertIntent: sqlite.prepare('INSERT INTO sync_create_intents (crm, case_id, marker, crm_case_type_id, created_at) VALUES (?, ?, ?, ?, ?)'),
    deleteIntent: sqlite.prepare('DELETE FROM sync_create_intents WHERE crm = ? AND case_id = ?'),
    error: sqlite.prepare<[string, string], ErrorRow>("SELECT * FROM sync_record_errors WHERE crm = ? AND case_id = ? AND direction = 'to_crm'"),
    errors: sqlite.prepare<[string], ErrorRow>("SELECT * FROM sync_record_errors WHERE crm = ? AND direction = 'to_crm' ORDER BY last_at DESC, case_id"),
    dueErrors: sqlite.prepare<[string, string], { case_id: string }>(
      "SELECT case_id FROM sync_record_errors WHERE crm = ? AND direction = 'to_crm' AND next_try_at IS NOT NULL AND next_try_at <= ? ORDER BY next_try_at",
    ),
    nextTry: sqlite.prepare<[string], { at: string | null }>("SELECT min(next_try_at) AS at FROM sync_record_errors WHERE crm = ? AND direction = 'to_crm'"),
    // The sent request is the latest attempt's (null when it sent nothing): the row describes the last failure.
    upsertError: sqlite.prepare(
      `INSERT INTO sync_record_errors (crm, case_id, direction, kind, message, crm_message, http_status, field, attempts, first_at, last_at, next_try_at, sent_request)
       VALUES (@crm, @caseId, 'to_crm', @kind, @message, @crmMessage, @httpStatus, @field, 1, @lastAt, @lastAt, @nextTryAt, @sentRequest)
       ON CONFLICT (crm, case_id, direction) DO UPDATE SET kind = excluded.kind, message = excluded.message, crm_message = excluded.crm_message,
         http_status = excluded.http_status, field = excluded.field, attempts = attempts + 1, last_at = excluded.last_at, next_try_at = excluded.next_try_at,
         sent_request = excluded.sent_request`,
    ),
    sentRequest: sqlite.prepare<[string, string], { sent_request: string | null }>(
      "SELECT sent_request FROM sync_record_errors WHERE crm = ? AND case_id = ? AND direction = 'to_crm'",
    ),
    deleteError: sqlite.prepare("DELETE FROM sync_record_errors WHERE crm = ? AND case_id = ? AND direction = 'to_crm'"),
    deletePullError: sqlite.prepare("DELETE FROM sync_record_errors WHERE crm = ? AND case_id = ? AND direction = 'from_crm'"),
    retryError: sqlite.prepare("UPDATE sync_record_errors SET next_try_at = ? WHERE crm = ? AND case_id = ? AND direction = 'to_crm'"),
  };

  const write = <T>(tables: TableName[], work: () => T): T =>
    writeTransaction(sqlite, () => {
      const result = work();
      announceChanged(events, tables);
      return result;
    });

  return {
    cursor: (crm: CrmConnectorId): number | null => q.cursor.get(crm)?.seq ?? null,
    setCursor: (crm: CrmConnectorId, seq: number, now: string) => write(['sync_outbound_cursors'], () => void q.setCursor.run(crm, seq, now)),
    /**
     * Forgets everything the push kept for `crm` (demo mode's wipe of its simulator connection): the next connection
     * starts afresh, after the changes made before it, with no links to records of the simulator.
     */
    forget(crm: CrmConnectorId): void {
      const tables = ['sync_outbound_cursors', 'sync_links', 'sync_snapshots', 'sync_create_intents', 'sync_record_errors'] as const;
      write([...tables], () => {
        for (const table of tables) sqlite.prepare(`DELETE FROM ${table} WHERE crm = ?`).run(crm);
      });
    },
    /** Where a new integration starts: after every change made before it was connected (the initial sync brings those). */
    startCursor(crm: CrmConnectorId, now: string): void {
      write(['sync_outbound_cursors'], () => {
        if (!q.cursor.get(crm)) q.setCursor.run(crm, q.maxSeq.get()?.seq ?? 0, now);
      });
    },
    /** The last change in the log (0: none). */
    headSeq: (): number => q.maxSeq.get()?.seq ?? 0,
    changesAfter: (seq: number, limit: number): LogChange[] => q.after.all(seq, limit).map((r) => ({ seq: r.seq, entity: r.entity, entityId: r.entity_id, origin: r.origin })),
    pendingCount: (crm: CrmConnectorId, seq: number) => q.pending.get(seq, crm)?.n ?? 0,
    casesOfClient: (clientId: string) => q.casesOfClient.all(clientId).map((r) => r.case_id),
    link(crm: CrmConnectorId, caseId: string): Link | null {
      const r = q.link.get(crm, caseId);
      return r ? { caseId: r.case_id, crmRecordId: r.crm_record_id, crmCaseTypeId: r.crm_case_type_id, linkedAt: r.linked_at } : null;
    },
    linkCount: (crm: CrmConnectorId) => q.linkCount.get(crm)?.n ?? 0,
    snapshot(crm: CrmConnectorId, caseId: string): Snapshot | null {
      const r = q.snapshot.get(crm, caseId);
      return r ? { kayseValues: JSON.parse(r.kayse_values) as Snapshot['kayseValues'], crmValues: JSON.parse(r.crm_values) as Snapshot['crmValues'], syncedAt: r.synced_at } : null;
    },
    lastSynced: (crm: CrmConnectorId) => q.lastSynced.get(crm)?.at ?? null,
    intent(crm: CrmConnectorId, caseId: string): Intent | null {
      const r = q.intent.get(crm, caseId);
      return r ? { marker: r.marker, crmCaseTypeId: r.crm_case_type_id, createdAt: r.created_at } : null;
    },
    /** Written and committed before the create is sent: a crash after it leaves the marker to look up. */
    writeIntent: (crm: CrmConnectorId, caseId: string, intent: Intent) =>
      write(['sync_create_intents'], () => void q.insertIntent.run(crm, caseId, intent.marker, intent.crmCaseTypeId, intent.createdAt)),
    /**
     * The record is in the CRM: the link replaces the intent, with the snapshot of what was sent, and the error goes;
     * so does a pull's error of the CRM record while it had no case (`crm:<id>`), which nothing would clear once linked.
     */
    linkCreated(crm: CrmConnectorId, link: Link, snapshot: Snapshot): void {
      write(['sync_links', 'sync_create_intents', 'sync_snapshots', 'sync_record_errors'], () => {
        q.insertLink.run(crm, link.caseId, link.crmRecordId, link.crmCaseTypeId, link.linkedAt);
        q.deleteIntent.run(crm, link.caseId);
        q.writeSnapshot.run(crm, link.caseId, JSON.stringify(snapshot.kayseValues), JSON.stringify(snapshot.crmValues), snapshot.syncedAt);
        q.deleteError.run(crm, link.caseId);
        q.deletePullError.run(crm, unlinkedKey(link.crmRecordId));
      });
    },
    /** A successful update: the new snapshot, and whatever error the record had is gone. */
    synced(crm: CrmConnectorId, caseId: string, snapshot: Snapshot): void {
      write(['sync_snapshots', 'sync_record_errors'], () => {
        q.writeSnapshot.run(crm, caseId, JSON.stringify(snapshot.kayseValues), JSON.stringify(snapshot.crmValues), snapshot.syncedAt);
        q.deleteError.run(crm, caseId);
      });
    },
    error: (crm: CrmConnectorId, caseId: string): RecordError | null => {
      const r = q.error.get(crm, caseId);
      return r ? toError(r) : null;
    },
    errors: (crm: CrmConnectorId): RecordError[] => q.errors.all(crm).map(toError),
    /** `sent`: the call the failed attempt sent or was sending (null: none went out). */
    recordError: (crm: CrmConnectorId, e: ErrorInput, sent: SentRequest | null = null) =>
      write(['sync_record_errors'], () => void q.upsertError.run({ crm, ...e, sentRequest: sent ? JSON.stringify(sent) : null })),
    /** What the record's failed attempt sent; null when none was kept (or kept by a version whose shape this one can't read). */
    sentRequest(crm: CrmConnectorId, caseId: string): SentRequest | null {
      const raw = q.sentRequest.get(crm, caseId)?.sent_request;
      if (!raw) return null;
      try {
        const parsed = sentRequestSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : null;
      } catch {
        return null; // not JSON: shown as not kept rather than failing the whole error detail
      }
    },
    clearError: (crm: CrmConnectorId, caseId: string) => write(['sync_record_errors'], () => void q.deleteError.run(crm, caseId)),
    /** "Retry now": due at `now`; false when the record has no error. */
    retryNow: (crm: CrmConnectorId, caseId: string, now: string) => write(['sync_record_errors'], () => q.retryError.run(now, crm, caseId).changes > 0),
    dueErrors: (crm: CrmConnectorId, now: string) => q.dueErrors.all(crm, now).map((r) => r.case_id),
    nextTryAt: (crm: CrmConnectorId) => q.nextTry.get(crm)?.at ?? null,
  };
}

export type PushStore = ReturnType<typeof createPushStore>;
