// The clients table's named query: a window of clients by last name, first name, with the total that matches.
// Without a search the window comes off the clients_name index (rowids only); a search scans once and its
// matches are remembered until the next write, so scrolling through them stays cheap.
import type Database from 'better-sqlite3';
import type { Client } from '../../../shared/domain/workspace';
import type { ClientListQuery } from '../../../shared/domain/workspace-views';
import { defineReadTransaction } from '../../db';
import { toClient, type ClientRow } from '../records/row-mappers';
import { createMatchCache } from './match-cache';
import type { UnreadableLog } from './unreadable-log';
import { containsPattern, digitsOnly, phoneDigitsPattern } from './search-pattern';

export type ClientListPage = { rows: Client[]; total: number };

const ORDER = 'cl.last_name, cl.first_name, cl.rowid';
const SEARCH = `(cl.first_name || ' ' || cl.last_name LIKE @like ESCAPE '\\' OR cl.last_name || ', ' || cl.first_name LIKE @like ESCAPE '\\'
  OR cl.emails LIKE @like ESCAPE '\\' OR cl.phones LIKE @like ESCAPE '\\' OR cl.external_id LIKE @like ESCAPE '\\'
  OR (@digits IS NOT NULL AND ${digitsOnly('cl.phones')} LIKE @digits))`;

/** The `clients.list` query over one database. */
export function createClientListQuery(sqlite: Database.Database, unreadable: UnreadableLog): (query: ClientListQuery) => ClientListPage {
  const page = sqlite.prepare(`SELECT cl.rowid FROM clients cl ORDER BY ${ORDER} LIMIT @limit OFFSET @offset`).pluck();
  const total = sqlite.prepare('SELECT count(*) FROM clients').pluck();
  // One scan in table order, sorted after: the unary + keeps SQLite off the name index for a full scan.
  const matches = sqlite.prepare(`SELECT cl.rowid FROM clients cl WHERE ${SEARCH} ORDER BY +${ORDER}`).pluck();
  const details = sqlite.prepare('SELECT rowid AS rid, * FROM clients WHERE rowid IN (SELECT value FROM json_each(?))');
  const searches = createMatchCache(sqlite);
  const readWindow = defineReadTransaction(sqlite, (query: ClientListQuery) => ({
    rids: page.all({ limit: query.limit, offset: query.offset }) as number[],
    total: total.get() as number,
  }));

  return (query) => {
    const like = containsPattern(query.search);
    let window: { rids: number[]; total: number };
    if (like) {
      const params = { like, digits: phoneDigitsPattern(query.search) ?? null };
      const all = searches.get(JSON.stringify(params), () => matches.all(params) as number[]);
      window = { rids: all.slice(query.offset, query.offset + query.limit), total: all.length };
    } else {
      window = readWindow(query);
    }
    if (window.rids.length === 0) return { rows: [], total: window.total };
    const byRid = new Map((details.all(JSON.stringify(window.rids)) as (ClientRow & { rid: number })[]).map((r) => [r.rid, r]));
    const rows = window.rids.flatMap((rid) => (byRid.has(rid) ? [toClient(byRid.get(rid)!)] : []));
    for (const row of rows) unreadable('client', row.id, row.unreadable);
    return { rows, total: window.total };
  };
}
