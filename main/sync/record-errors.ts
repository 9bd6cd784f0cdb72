// The open record errors of one integration in both directions, newest first, for the Monitoring tab's errors
// table: the push's (Kayse → CRM, "Retry now") and the pull's (CRM → Kayse, tried again by the pull), each with the
// CRM record it concerns where known.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { RecordErrorRow } from '../../shared/domain/sync-case-links';

interface Row {
  caseId: string;
  direction: 'to_crm' | 'from_crm';
  kind: string;
  message: string;
  crmMessage: string | null;
  httpStatus: number | null;
  field: string | null;
  attempts: number;
  firstAt: string;
  lastAt: string;
  nextTryAt: string | null;
  crmRecordId: string | null;
}

/** The pull keeps an error about a CRM record no case is linked to under `crm:<record id>`. */
const UNLINKED = 'crm:';

export function createRecordErrors(sqlite: Database.Database) {
  const list = sqlite.prepare<[string], Row>(
    `SELECT e.case_id AS caseId, e.direction, e.kind, e.message, e.crm_message AS crmMessage, e.http_status AS httpStatus,
            e.field, e.attempts, e.first_at AS firstAt, e.last_at AS lastAt, e.next_try_at AS nextTryAt,
            l.crm_record_id AS crmRecordId
       FROM sync_record_errors e
       LEFT JOIN sync_links l ON l.crm = e.crm AND l.case_id = e.case_id
      WHERE e.crm = ?
      ORDER BY e.last_at DESC, e.case_id, e.direction`,
  );
  return {
    list(crm: CrmConnectorId): { crm: CrmConnectorId; errors: RecordErrorRow[] } {
      const errors = list.all(crm).map((r) => ({ ...r, crmRecordId: r.crmRecordId ?? (r.caseId.startsWith(UNLINKED) ? r.caseId.slice(UNLINKED.length) : null) }));
      return { crm, errors };
    },
  };
}
