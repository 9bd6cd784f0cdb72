// The workspace counts behind the empty state and the demo offer.
import type Database from 'better-sqlite3';
import type { WorkspaceSummary } from '../../../shared/domain/workspace-views';

/** The `workspace.summary` query: one statement, one snapshot. */
export function createWorkspaceSummaryQuery(sqlite: Database.Database): () => WorkspaceSummary {
  const counts = sqlite.prepare(
    `SELECT (SELECT count(*) FROM case_types) AS caseTypes,
            (SELECT count(*) FROM campaigns) AS campaigns,
            (SELECT count(*) FROM agents) AS agents,
            (SELECT count(*) FROM clients) AS clients,
            (SELECT count(*) FROM cases) AS cases,
            (SELECT count(*) FROM case_types WHERE is_demo = 1) + (SELECT count(*) FROM campaigns WHERE is_demo = 1)
              + (SELECT count(*) FROM agents WHERE is_demo = 1) + (SELECT count(*) FROM clients WHERE is_demo = 1)
              + (SELECT count(*) FROM cases WHERE is_demo = 1) AS demoRecords`,
  );
  return () => counts.get() as WorkspaceSummary;
}
