// The CRM links of one Kayse case (its detail screen shows them): read straight from the link table, with the
// snapshot's time and an open error of the record with each CRM. A case with no link has an empty list.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { CaseLink } from '../../shared/domain/sync-case-links';

interface LinkRow {
  crm: CrmConnectorId;
  crmRecordId: string;
  linkedAt: string;
  lastSyncedAt: string | null;
  errorDirection: 'to_crm' | 'from_crm' | null;
  errorMessage: string | null;
}

export function createCaseLinks(sqlite: Database.Database) {
  // One row per link; of two open errors (both directions) the latest is shown.
  const links = sqlite.prepare<[string], LinkRow>(
    `SELECT l.crm, l.crm_record_id AS crmRecordId, l.linked_at AS linkedAt, s.synced_at AS lastSyncedAt,
            e.direction AS errorDirection, e.message AS errorMessage
       FROM sync_links l
       LEFT JOIN sync_snapshots s ON s.crm = l.crm AND s.case_id = l.case_id
       LEFT JOIN sync_record_errors e ON e.crm = l.crm AND e.case_id = l.case_id
            AND e.last_at = (SELECT max(last_at) FROM sync_record_errors x WHERE x.crm = l.crm AND x.case_id = l.case_id)
      WHERE l.case_id = ?
      GROUP BY l.crm
      ORDER BY l.crm`,
  );
  return {
    /** The case's links, one per CRM it is linked with. */
    ofCase(caseId: string): { caseId: string; links: CaseLink[] } {
      return {
        caseId,
        links: links.all(caseId).map((r) => ({
          crm: r.crm,
          crmRecordId: r.crmRecordId,
          linkedAt: r.linkedAt,
          lastSyncedAt: r.lastSyncedAt,
          error: r.errorDirection && r.errorMessage !== null ? { direction: r.errorDirection, message: r.errorMessage } : null,
        })),
      };
    },
  };
}
