// The named queries behind exports: for each kind, a count and pages in rowid order (keyset paging, so no
// statement stays open between pages and other work can use the connection while an export runs).
import type Database from 'better-sqlite3';

export type ExportKind = 'cases' | 'clients' | 'events';

/** Filter values as bound to the statements; the time bounds are ISO instants in UTC. */
export interface ExportBounds {
  caseTypeId?: string;
  statusId?: string;
  campaignId?: string;
  /** Events store the case type by name. */
  caseTypeName?: string;
  type?: string;
  from?: string;
  /** Upper bound; inclusive unless `toExclusive`. */
  to?: string;
  toExclusive?: boolean;
}

export interface ExportQuery {
  count(): number;
  /** Up to `limit` rows after the row with rowid `after`, each with its `rid`. */
  page(after: number, limit: number): ({ rid: number } & Record<string, unknown>)[];
}

const TIME_COLUMN: Record<ExportKind, string> = { cases: 'c.updated_at', clients: 'c.updated_at', events: 'c.received_at' };

const FROM: Record<ExportKind, string> = {
  // Names beside the ids (campaign, clients, case number) so a spreadsheet reads without look-ups; each a
  // sub-select on a primary key or case_clients' case index.
  cases: `SELECT c.rowid AS rid, c.*, (SELECT group_concat(client_id) FROM (SELECT client_id FROM case_clients WHERE case_id = c.id ORDER BY is_primary DESC, rowid)) AS client_ids,
            (SELECT name FROM campaigns WHERE id = c.campaign_id) AS campaign_name,
            (SELECT json_group_array(name) FROM (SELECT trim(cl.first_name || ' ' || cl.last_name) AS name FROM case_clients cc JOIN clients cl ON cl.id = cc.client_id
               WHERE cc.case_id = c.id ORDER BY cc.is_primary DESC, cc.rowid)) AS client_names
          FROM cases c`,
  clients: 'SELECT c.rowid AS rid, c.* FROM clients c',
  events: `SELECT c.rowid AS rid, c.*, (SELECT name FROM campaigns WHERE id = c.campaign_id) AS campaign_name,
             (SELECT case_number FROM cases WHERE id = c.case_id) AS case_number,
             (SELECT trim(first_name || ' ' || last_name) FROM clients WHERE id = c.client_id) AS client_name
           FROM events c`,
};

// Fixed fragments only: the statement text depends on which filters are present, never on their values.
const FILTERS: Record<ExportKind, Partial<Record<keyof ExportBounds, string>>> = {
  cases: { caseTypeId: 'c.case_type_id = @caseTypeId', statusId: 'c.status_id = @statusId', campaignId: 'c.campaign_id = @campaignId' },
  clients: {},
  events: { type: 'c.type = @type', caseTypeName: 'c.case_type = @caseTypeName', campaignId: 'c.campaign_id = @campaignId' },
};

/** The count and page statements of an export of `kind` with `bounds`. */
export function exportQuery(sqlite: Database.Database, kind: ExportKind, bounds: ExportBounds): ExportQuery {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  for (const [key, fragment] of Object.entries(FILTERS[kind])) {
    const value = bounds[key as keyof ExportBounds];
    if (typeof value === 'string') {
      conditions.push(fragment);
      params[key] = value;
    }
  }
  if (bounds.from) {
    conditions.push(`${TIME_COLUMN[kind]} >= @from`);
    params.from = bounds.from;
  }
  if (bounds.to) {
    conditions.push(`${TIME_COLUMN[kind]} ${bounds.toExclusive ? '<' : '<='} @to`);
    params.to = bounds.to;
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const count = sqlite.prepare(`SELECT count(*) FROM ${kind} c ${where}`).pluck();
  const page = sqlite.prepare(`${FROM[kind]} ${where ? `${where} AND` : 'WHERE'} c.rowid > @after ORDER BY c.rowid LIMIT @limit`);
  return {
    count: () => count.get(params) as number,
    page: (after, limit) => page.all({ ...params, after, limit }) as ({ rid: number } & Record<string, unknown>)[],
  };
}
