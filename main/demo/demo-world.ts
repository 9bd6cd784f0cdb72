// The demo records the generator talks about, read once when it starts: each demo case with its primary
// client's contact details and its case type's pipeline, the demo agents and campaigns.
import type Database from 'better-sqlite3';
import type { CaseTypeCatalog } from '../workspace';
import { DEMO_SOURCE } from './demo-catalog';

export interface DemoCaseRef {
  id: string;
  /** The id in PUT /v1/cases/demo/<externalId>. */
  externalId: string;
  name: string;
  caseType: string;
  /** The case type's statuses, in pipeline order. */
  statuses: string[];
  /** Current status (the generator keeps it up to date as it moves cases on). */
  status: string;
  campaignId: string | null;
  clientId: string | null;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
}

export interface DemoAgentRef {
  id: string;
  name: string;
  campaignId: string | null;
  eventTypeId: number | null;
}

export interface DemoWorld {
  cases: DemoCaseRef[];
  agents: DemoAgentRef[];
}

interface CaseRow {
  id: string;
  external_id: string;
  name: string;
  case_type_id: string;
  status_id: string;
  campaign_id: string | null;
  client_id: string | null;
  first_name: string | null;
  last_name: string | null;
  phones: string | null;
  emails: string | null;
}

/** Reads the demo world; empty lists when there is no demo data. */
export function loadDemoWorld(sqlite: Database.Database, caseTypes: CaseTypeCatalog): DemoWorld {
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.external_id, c.name, c.case_type_id, c.status_id, c.campaign_id,
              cl.id AS client_id, cl.first_name, cl.last_name, cl.phones, cl.emails
       FROM cases c
       LEFT JOIN case_clients cc ON cc.case_id = c.id AND cc.is_primary = 1
       LEFT JOIN clients cl ON cl.id = cc.client_id
       WHERE c.is_demo = 1 AND c.external_source = ? ORDER BY c.rowid`,
    )
    .all(DEMO_SOURCE) as CaseRow[];
  const cases: DemoCaseRef[] = [];
  for (const r of rows) {
    const type = caseTypes.get(r.case_type_id);
    const status = type?.statuses.find((s) => s.id === r.status_id);
    if (!type || !status) continue;
    cases.push({
      id: r.id,
      externalId: r.external_id,
      name: r.name,
      caseType: type.name,
      statuses: type.statuses.map((s) => s.name),
      status: status.name,
      campaignId: r.campaign_id,
      clientId: r.client_id,
      firstName: r.first_name ?? 'Caller',
      lastName: r.last_name ?? '',
      phone: r.phones ? ((JSON.parse(r.phones) as string[])[0] ?? null) : null,
      email: r.emails ? ((JSON.parse(r.emails) as string[])[0] ?? null) : null,
    });
  }
  const agents = (
    sqlite.prepare('SELECT id, name, campaign_id, event_type_id FROM agents WHERE is_demo = 1 ORDER BY rowid').all() as {
      id: string;
      name: string;
      campaign_id: string | null;
      event_type_id: number | null;
    }[]
  ).map((a) => ({ id: a.id, name: a.name, campaignId: a.campaign_id, eventTypeId: a.event_type_id }));
  return { cases, agents };
}
