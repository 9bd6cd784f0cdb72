// Deletes every demo row in one transaction: demo cases and clients with their links and change history
// (including changes the generator made through the ingest API), demo campaigns, agents, case types (with their
// statuses and fields), demo events and the demo ingest keys. A demo row that a real row still uses (a real case
// of a demo case type, a real agent on a demo campaign, a demo client on a real case) is kept, so that wiping
// never changes or breaks real data.
import type Database from 'better-sqlite3';
import type { DemoWipeResult } from '../../shared/contract/demo';
import { writeTransaction } from '../db';

/** Runs the wipe; `keyIds` are the demo ingest API keys (their events go too). */
export function wipeDemoRows(sqlite: Database.Database, keyIds: readonly string[]): Omit<DemoWipeResult, 'deleted'> & { deleted: Omit<DemoWipeResult['deleted'], 'webhooks'> } {
  const keys = JSON.stringify(keyIds);
  const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params).changes;
  const pluck = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
  return writeTransaction(sqlite, () => {
    // What real rows depend on stays.
    run('CREATE TEMP TABLE IF NOT EXISTS demo_wipe_keep (kind TEXT NOT NULL, id TEXT NOT NULL)');
    run('DELETE FROM demo_wipe_keep');
    run(`INSERT INTO demo_wipe_keep SELECT 'client', cc.client_id FROM case_clients cc JOIN cases c ON c.id = cc.case_id JOIN clients cl ON cl.id = cc.client_id
         WHERE c.is_demo = 0 AND cl.is_demo = 1`);
    run(`INSERT INTO demo_wipe_keep SELECT 'campaign', id FROM campaigns p WHERE p.is_demo = 1 AND (
           EXISTS (SELECT 1 FROM cases WHERE campaign_id = p.id AND is_demo = 0) OR EXISTS (SELECT 1 FROM agents WHERE campaign_id = p.id AND is_demo = 0))`);
    run(`INSERT INTO demo_wipe_keep SELECT 'case_type', id FROM case_types t WHERE t.is_demo = 1 AND (
           EXISTS (SELECT 1 FROM cases WHERE case_type_id = t.id AND is_demo = 0)
           OR EXISTS (SELECT 1 FROM campaigns p WHERE p.case_type_id = t.id AND (p.is_demo = 0 OR p.id IN (SELECT id FROM demo_wipe_keep WHERE kind = 'campaign'))))`);
    const kept = (kind: string) => `(SELECT id FROM demo_wipe_keep WHERE kind = '${kind}')`;

    const recordChanges = run(
      `DELETE FROM record_changes WHERE (entity = 'case' AND entity_id IN (SELECT id FROM cases WHERE is_demo = 1))
          OR (entity = 'client' AND entity_id IN (SELECT id FROM clients WHERE is_demo = 1 AND id NOT IN ${kept('client')}))`,
    );
    const caseClients =
      run('DELETE FROM case_clients WHERE case_id IN (SELECT id FROM cases WHERE is_demo = 1)') +
      run(`DELETE FROM case_clients WHERE client_id IN (SELECT id FROM clients WHERE is_demo = 1 AND id NOT IN ${kept('client')})`);
    const cases = run('DELETE FROM cases WHERE is_demo = 1');
    const clients = run(`DELETE FROM clients WHERE is_demo = 1 AND id NOT IN ${kept('client')}`);
    const agents = run('DELETE FROM agents WHERE is_demo = 1');
    const campaigns = run(`DELETE FROM campaigns WHERE is_demo = 1 AND id NOT IN ${kept('campaign')}`);
    const doomedTypes = `(SELECT id FROM case_types WHERE is_demo = 1 AND id NOT IN ${kept('case_type')})`;
    const caseStatuses = run(`DELETE FROM case_statuses WHERE case_type_id IN ${doomedTypes}`);
    const customFields = run(`DELETE FROM custom_fields WHERE case_type_id IN ${doomedTypes}`);
    const caseTypes = run(`DELETE FROM case_types WHERE is_demo = 1 AND id NOT IN ${kept('case_type')}`);
    const events = run('DELETE FROM events WHERE is_demo = 1 OR api_key_id IN (SELECT value FROM json_each(?))', keys);
    const ingestApiKeys = run('DELETE FROM ingest_api_keys WHERE id IN (SELECT value FROM json_each(?))', keys);
    const keptCounts = {
      caseTypes: pluck(`SELECT count(*) FROM demo_wipe_keep WHERE kind = 'case_type'`),
      campaigns: pluck(`SELECT count(*) FROM demo_wipe_keep WHERE kind = 'campaign'`),
      clients: pluck(`SELECT count(DISTINCT id) FROM demo_wipe_keep WHERE kind = 'client'`),
    };
    run('DELETE FROM demo_wipe_keep');
    return {
      deleted: { cases, clients, caseClients, recordChanges, campaigns, agents, caseTypes, caseStatuses, customFields, events, ingestApiKeys },
      kept: keptCounts,
    };
  });
}
