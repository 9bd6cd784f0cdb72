// The pull's rows: the inbound cursor of each integration (the last processed CRM record: modified time and id),
// links looked up from the CRM side, snapshots merged field by field after an apply, links of cases created from
// the CRM, LawRuler's webhook calls waiting in crm_inbound_events, and per-record errors of direction from_crm.
// Each write is its own short transaction; a CRM call never runs inside one.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { TableName } from '../../../shared/domain/tables';
import type { CrmCursor } from '../../connectors';
import { writeTransaction } from '../../db';
import { announceChanged, type EventBus } from '../../kernel';
import { toError, type ErrorRow, type Link, type Snapshot } from './push-store';

export interface PullError {
  /** The linked case, or `crm:<record id>` for a CRM record not linked to a case. */
  key: string;
  kind: string;
  message: string;
  crmMessage: string | null;
  httpStatus: number | null;
  field: string | null;
  lastAt: string;
  nextTryAt: string | null;
}

export interface InboundCall {
  id: string;
  recordId: string;
}

/** The error key of a CRM record that has no case. */
export const unlinkedKey = (crmRecordId: string) => `crm:${crmRecordId}`;

export function createPullStore(sqlite: Database.Database, events: EventBus) {
  const q = {
    cursor: sqlite.prepare<[string], { modified_at: string; record_id: string }>('SELECT modified_at, record_id FROM sync_inbound_cursors WHERE crm = ?'),
    setCursor: sqlite.prepare(
      `INSERT INTO sync_inbound_cursors (crm, modified_at, record_id, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (crm) DO UPDATE SET modified_at = excluded.modified_at, record_id = excluded.record_id, updated_at = excluded.updated_at`,
    ),
    linkByRecord: sqlite.prepare<[string, string], { case_id: string; crm_record_id: string; crm_case_type_id: string; linked_at: string }>(
      'SELECT * FROM sync_links WHERE crm = ? AND crm_record_id = ?',
    ),
    linkByCase: sqlite.prepare<[string, string], { crm_record_id: string }>('SELECT crm_record_id FROM sync_links WHERE crm = ? AND case_id = ?'),
    insertLink: sqlite.prepare('INSERT INTO sync_links (crm, case_id, crm_record_id, crm_case_type_id, linked_at) VALUES (?, ?, ?, ?, ?)'),
    snapshot: sqlite.prepare<[string, string], { kayse_values: string; crm_values: string; synced_at: string }>(
      'SELECT kayse_values, crm_values, synced_at FROM sync_snapshots WHERE crm = ? AND case_id = ?',
    ),
    writeSnapshot: sqlite.prepare(
      `INSERT INTO sync_snapshots (crm, case_id, kayse_values, crm_values, synced_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (crm, case_id) DO UPDATE SET kayse_values = excluded.kayse_values, crm_values = excluded.crm_values, synced_at = excluded.synced_at`,
    ),
    recent: sqlite.prepare<[string, string, number], { changes: string; at: string }>(
      'SELECT changes, at FROM record_changes WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT ?',
    ),
    waiting: sqlite.prepare<[string, number], { id: string; record_id: string }>(
      'SELECT id, record_id FROM crm_inbound_events WHERE crm = ? AND processed_at IS NULL ORDER BY received_at, id LIMIT ?',
    ),
    waitingCount: sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM crm_inbound_events WHERE crm = ? AND processed_at IS NULL'),
    processed: sqlite.prepare('UPDATE crm_inbound_events SET processed_at = ? WHERE id = ? AND processed_at IS NULL'),
    upsertError: sqlite.prepare(
      `INSERT INTO sync_record_errors (crm, case_id, direction, kind, message, crm_message, http_status, field, attempts, first_at, last_at, next_try_at)
       VALUES (@crm, @key, 'from_crm', @kind, @message, @crmMessage, @httpStatus, @field, 1, @lastAt, @lastAt, @nextTryAt)
       ON CONFLICT (crm, case_id, direction) DO UPDATE SET kind = excluded.kind, message = excluded.message, crm_message = excluded.crm_message,
         http_status = excluded.http_status, field = excluded.field, attempts = attempts + 1, last_at = excluded.last_at, next_try_at = excluded.next_try_at`,
    ),
    error: sqlite.prepare<[string, string], { attempts: number }>("SELECT attempts FROM sync_record_errors WHERE crm = ? AND case_id = ? AND direction = 'from_crm'"),
    deleteError: sqlite.prepare("DELETE FROM sync_record_errors WHERE crm = ? AND case_id = ? AND direction = 'from_crm'"),
    errors: sqlite.prepare<[string], ErrorRow>("SELECT * FROM sync_record_errors WHERE crm = ? AND direction = 'from_crm' ORDER BY last_at DESC, case_id"),
    due: sqlite.prepare<[string, string], { case_id: string }>(
      "SELECT case_id FROM sync_record_errors WHERE crm = ? AND direction = 'from_crm' AND next_try_at IS NOT NULL AND next_try_at <= ? ORDER BY next_try_at LIMIT 100",
    ),
  };

  const write = <T>(tables: TableName[], work: () => T): T =>
    writeTransaction(sqlite, () => {
      const result = work();
      announceChanged(events, tables);
      return result;
    });

  const snapshot = (crm: CrmConnectorId, caseId: string): Snapshot | null => {
    const r = q.snapshot.get(crm, caseId);
    return r ? { kayseValues: JSON.parse(r.kayse_values) as Snapshot['kayseValues'], crmValues: JSON.parse(r.crm_values) as Snapshot['crmValues'], syncedAt: r.synced_at } : null;
  };

  return {
    cursor(crm: CrmConnectorId): CrmCursor | null {
      const r = q.cursor.get(crm);
      return r ? { modifiedAt: r.modified_at, id: r.record_id } : null;
    },
    setCursor: (crm: CrmConnectorId, cursor: CrmCursor, now: string) => write(['sync_inbound_cursors'], () => void q.setCursor.run(crm, cursor.modifiedAt, cursor.id, now)),
    /**
     * Forgets what the pull kept for `crm` (demo mode's wipe of its simulator connection): the inbound cursor, the
     * conflict log and the from_crm errors, so a CRM connected next starts from its own connection.
     */
    forget(crm: CrmConnectorId): void {
      write(['sync_inbound_cursors', 'sync_conflicts', 'sync_record_errors'], () => {
        sqlite.prepare('DELETE FROM sync_inbound_cursors WHERE crm = ?').run(crm);
        sqlite.prepare('DELETE FROM sync_conflicts WHERE crm = ?').run(crm);
        sqlite.prepare("DELETE FROM sync_record_errors WHERE crm = ? AND direction = 'from_crm'").run(crm);
      });
    },
    linkOfRecord(crm: CrmConnectorId, crmRecordId: string): Link | null {
      const r = q.linkByRecord.get(crm, crmRecordId);
      return r ? { caseId: r.case_id, crmRecordId: r.crm_record_id, crmCaseTypeId: r.crm_case_type_id, linkedAt: r.linked_at } : null;
    },
    /** The CRM record a case is linked to (a case linked to another record of this CRM can't be linked again). */
    recordOfCase: (crm: CrmConnectorId, caseId: string) => q.linkByCase.get(crm, caseId)?.crm_record_id ?? null,
    snapshot,
    /** Merges the fields synced into the snapshot (fields not given keep what they had, so a pending push still sees its change). */
    mergeSnapshot(crm: CrmConnectorId, caseId: string, fields: { kayse: Record<string, unknown>; crm: Record<string, unknown> }, syncedAt: string): void {
      write(['sync_snapshots'], () => {
        const now = snapshot(crm, caseId);
        const kayse = { ...now?.kayseValues, ...fields.kayse };
        const crmValues = { ...now?.crmValues, ...fields.crm };
        q.writeSnapshot.run(crm, caseId, JSON.stringify(kayse), JSON.stringify(crmValues), syncedAt);
      });
    },
    /** A case made from a CRM record: linked, with the snapshot of what both sides now hold. */
    linkNew(crm: CrmConnectorId, link: Link, snap: Snapshot): void {
      write(['sync_links', 'sync_snapshots'], () => {
        q.insertLink.run(crm, link.caseId, link.crmRecordId, link.crmCaseTypeId, link.linkedAt);
        q.writeSnapshot.run(crm, link.caseId, JSON.stringify(snap.kayseValues), JSON.stringify(snap.crmValues), snap.syncedAt);
      });
    },
    /** The newest changes of a Kayse record (field → old/new) with their times, newest first. */
    recentChanges(entity: 'case' | 'client', id: string, limit: number): { changes: Record<string, { old: unknown; new: unknown }>; at: string }[] {
      return q.recent.all(entity, id, limit).flatMap((r) => {
        try {
          return [{ changes: JSON.parse(r.changes) as Record<string, { old: unknown; new: unknown }>, at: r.at }];
        } catch {
          return [];
        }
      });
    },
    /** LawRuler webhook calls not yet applied, oldest first. */
    waitingCalls: (crm: CrmConnectorId, limit: number): InboundCall[] => q.waiting.all(crm, limit).map((r) => ({ id: r.id, recordId: r.record_id })),
    waitingCount: (crm: CrmConnectorId) => q.waitingCount.get(crm)?.n ?? 0,
    callDone: (id: string, now: string) => write(['crm_inbound_events'], () => void q.processed.run(now, id)),
    attempts: (crm: CrmConnectorId, key: string) => q.error.get(crm, key)?.attempts ?? 0,
    recordError: (crm: CrmConnectorId, e: PullError) => write(['sync_record_errors'], () => void q.upsertError.run({ crm, ...e })),
    clearError(crm: CrmConnectorId, key: string): void {
      if (q.error.get(crm, key)) write(['sync_record_errors'], () => void q.deleteError.run(crm, key));
    },
    errors: (crm: CrmConnectorId) => q.errors.all(crm).map(toPullError),
    /** Keys of records whose error is due again (a CRM record id for `crm:` keys, else a case id). */
    dueErrors: (crm: CrmConnectorId, now: string) => q.due.all(crm, now).map((r) => r.case_id),
  };
}

/** The pull's error of a record keyed by case id, or `crm:<record id>` when no case is linked to it yet. */
const toPullError = (r: ErrorRow) => {
  const { caseId, firstAt: _firstAt, ...rest } = toError(r);
  return { key: caseId, ...rest };
};

export type PullStore = ReturnType<typeof createPullStore>;
