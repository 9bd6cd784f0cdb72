// How many demo rows of each kind there are (events: flagged demo, or posted with a demo ingest key).
import type Database from 'better-sqlite3';
import type { DemoCounts } from '../../shared/contract/demo';

/** A counter over one database; `keyIds` are the demo ingest keys. */
export function createDemoCounter(sqlite: Database.Database): (keyIds: readonly string[]) => DemoCounts {
  const counts = sqlite.prepare(
    `SELECT (SELECT count(*) FROM case_types WHERE is_demo = 1) AS caseTypes,
            (SELECT count(*) FROM campaigns WHERE is_demo = 1) AS campaigns,
            (SELECT count(*) FROM agents WHERE is_demo = 1) AS agents,
            (SELECT count(*) FROM clients WHERE is_demo = 1) AS clients,
            (SELECT count(*) FROM cases WHERE is_demo = 1) AS cases,
            (SELECT count(*) FROM events WHERE is_demo = 1 OR api_key_id IN (SELECT value FROM json_each(?))) AS events`,
  );
  return (keyIds) => counts.get(JSON.stringify(keyIds)) as DemoCounts;
}
