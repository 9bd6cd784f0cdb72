// The CRM links of one Kayse case (its detail screen shows them): read straight from the link table, with the
// snapshot's time and an open error of the record with each CRM; a CRM the case failed to reach before any link
// (its create refused) is listed too, with no record id. A case with neither has an empty list.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { CaseLink } from '../../shared/domain/sync-case-links';

interface LinkRow {
  crm: CrmConnectorId;
  crmRecordId: string | null;
  linkedAt: string | null;
  lastSyncedAt: string | null;
  errorDirection: 'to_crm' | 'from_crm' | null;
  errorMessage: string | null;
}

export function createCaseLinks(sqlite: Database.Database) {
  // One row per CRM the case is linked with or failing with; of two open errors (both directions) the latest is shown.
  const links = sqlite.prepare<{ caseId: string }, LinkRow>(
    `WITH crms AS (SELECT crm FROM sync_links WHERE case_id = @caseId UNION SELECT crm FROM sync_record_errors WHERE case_id = @caseId)
     SELECT c.crm, l.crm_record_id AS crmRecordId, l.linked_at AS linkedAt, s.synced_at AS lastSyncedAt,
            e.direction AS errorDirection, e.message AS errorMessage
       FROM crms c
       LEFT JOIN sync_links l ON l.crm = c.crm AND l.case_id = @caseId
       LEFT JOIN sync_snapshots s ON s.crm = c.crm AND s.case_id = @caseId
       LEFT JOIN sync_record_errors e ON e.crm = c.crm AND e.case_id = @caseId
            AND e.last_at = (SELECT max(last_at) FROM sync_record_errors x WHERE x.crm = c.crm AND x.case_id = @caseId)
      GROUP BY c.crm
      ORDER BY c.crm`,
  );
  return {
    /** The case's links, one per CRM it is linked with (or failed to reach before a link). */
    ofCase(caseId: string): { caseId: string; links: CaseLink[] } {
      return {
        caseId,
        links: links.all({ caseId }).map((r) => ({
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
