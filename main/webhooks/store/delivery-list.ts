// The delivery log list: newest first (delivery ids are ULIDs), filtered, one page per opaque cursor. Filters are
// checked inside a covering index walked in id order, so no row is read until the page is known; a search that
// matches few deliveries is driven from its own indexes instead.
import type Database from 'better-sqlite3';
import type { DeliveryListInput, DeliverySummary } from '../../../shared/contract/webhooks';
import { AppError } from '../../../shared/result';
import { DELIVERY_COLUMNS, DELIVERY_JOIN, toDeliverySummary, type DeliveryRow } from './delivery-rows';

export interface DeliveryPage {
  rows: DeliverySummary[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** A search this long or longer also matches ids that start with it. */
export const SEARCH_PREFIX_MIN = 4;
/** Up to this many search matches, the page is read from the matches; more, and they filter the index walk. */
const SEARCH_DRIVE_MAX = 2000;
const CURSOR_PREFIX = 'c1.';
/** Sorts after every character an id uses: `s <= x < s + HIGH` is "x starts with s", as an index range. */
const HIGH = '\uffff';

/** The cursor that resumes the list after delivery `id`. */
export const encodeCursor = (id: string): string => CURSOR_PREFIX + Buffer.from(id, 'utf8').toString('base64url');

/** The delivery id a cursor resumes after; INVALID_INPUT (naming `cursor`) for anything this list did not give out. */
export function decodeCursor(cursor: string): string {
  const id = cursor.startsWith(CURSOR_PREFIX) ? Buffer.from(cursor.slice(CURSOR_PREFIX.length), 'base64url').toString('utf8') : '';
  if (!/^dlv_[0-9A-Za-z_]{1,80}$/.test(id) || encodeCursor(id) !== cursor) {
    const message = 'is not a cursor this list gave out (it may have been cut or edited): leave cursor out to start again from the first page';
    throw new AppError('INVALID_INPUT', `cursor ${message}.`, { issues: [{ path: 'cursor', message }] });
  }
  return id;
}

const STATUS_CLASSES: Record<string, [number, number]> = { '2xx': [200, 300], '3xx': [300, 400], '4xx': [400, 500], '5xx': [500, 600] };

/** Normalises an ISO time with any offset to the stored form (UTC, milliseconds), so text comparison is time order. */
const utc = (iso: string): string => new Date(iso).toISOString();

type Params = Record<string, string | number>;

/**
 * The conditions of the filters and the id bounds, on columns the covering indexes hold. `p` qualifies the
 * columns (`d.` when the rows are read directly).
 */
function filterClauses(input: DeliveryListInput, bounds: IdBounds, params: Params, p = ''): string[] {
  const where: string[] = [];
  const add = (clause: string, values: Params = {}) => {
    where.push(clause);
    Object.assign(params, values);
  };
  if (input.webhookId !== undefined) add(`${p}webhook_id = @webhookId`, { webhookId: input.webhookId });
  if (input.state === 'retrying') add(`${p}state = 'pending' AND ${p}attempts > 0`);
  else if (input.state !== undefined) add(`${p}state = @state`, { state: input.state });
  if (input.eventType !== undefined) add(`${p}event_type = @eventType`, { eventType: input.eventType });
  const status = input.httpStatus;
  if (typeof status === 'number') add(`${p}last_status = @status`, { status });
  else if (status === 'none') add(`${p}last_status IS NULL AND ${p}attempts > 0`);
  else if (status !== undefined) add(`${p}last_status >= @statusLo AND ${p}last_status < @statusHi`, { statusLo: STATUS_CLASSES[status]![0], statusHi: STATUS_CLASSES[status]![1] });
  if (input.from !== undefined) add(`${p}created_at >= @from`, { from: utc(input.from) });
  if (input.to !== undefined) add(`${p}created_at < @to`, { to: utc(input.to) });
  if (bounds.lo !== undefined) add(`${p}id >= @lo`, { lo: bounds.lo });
  if (bounds.hi !== undefined) add(`${p}id <= @hi`, { hi: bounds.hi });
  if (bounds.below !== undefined) add(`${p}id < @below`, { below: bounds.below });
  return where;
}

/** Where the id walk runs: `lo <= id <= hi` from the time range, `id < below` from the cursor (the tighter upper bound only). */
interface IdBounds {
  lo?: string;
  hi?: string;
  below?: string;
}

/** "column is the search", or "column starts with it" when it is long enough, as an index range. */
const matchClause = (column: string, search: string) =>
  search.length >= SEARCH_PREFIX_MIN ? `${column} >= @search AND ${column} < @searchEnd` : `${column} = @search`;
const searchParams = (search: string): Params => (search.length >= SEARCH_PREFIX_MIN ? { search, searchEnd: search + HIGH } : { search });
const SEARCHED = ['event_id', 'case_id', 'id'] as const;
type Searched = (typeof SEARCHED)[number];

/** The rowids of deliveries whose `columns` match the search. */
const searchUnion = (search: string, columns: readonly Searched[]) =>
  columns.map((c) => `SELECT rowid FROM webhook_deliveries WHERE ${matchClause(c, search)}`).join(' UNION ALL ');

/** How many deliveries match the search in each id index, each count stopping just past the drive limit. */
const searchProbe = (search: string) =>
  'SELECT ' +
  SEARCHED.map((c) => `(SELECT count(*) FROM (SELECT 1 FROM webhook_deliveries WHERE ${matchClause(c, search)} LIMIT ${SEARCH_DRIVE_MAX + 1})) AS ${c}`).join(', ');

/**
 * The search as a condition of the covering-index walk: the delivery id is in the index, so its range is checked
 * there; event and case id matches are collected once into a rowid set.
 */
function walkSearchClause(search: string, columns: readonly Searched[]): string {
  const parts = columns.includes('id') ? [`(${matchClause('id', search)})`] : [];
  const others = columns.filter((c) => c !== 'id');
  if (others.length > 0) parts.push(`rowid IN (${searchUnion(search, others)})`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/** The list query; statements are prepared once per filter shape. */
export function createDeliveryList(sqlite: Database.Database): (input: DeliveryListInput) => DeliveryPage {
  const cache = new Map<string, Database.Statement>();
  const prepare = <R>(sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
    return statement as Database.Statement<[Params], R>;
  };

  /** The exact id span of the deliveries created in the time range (from the created_at index), or null if none. */
  const idSpan = (input: DeliveryListInput): { lo: string; hi: string } | null => {
    const params: Params = {};
    const range: string[] = [];
    if (input.from !== undefined) {
      range.push('created_at >= @from');
      params.from = utc(input.from);
    }
    if (input.to !== undefined) {
      range.push('created_at < @to');
      params.to = utc(input.to);
    }
    const sql = `SELECT min(id) AS lo, max(id) AS hi FROM webhook_deliveries INDEXED BY deliveries_created WHERE ${range.join(' AND ')}`;
    const row = prepare<{ lo: string | null; hi: string | null }>(sql).get(params)!;
    return row.lo === null || row.hi === null ? null : { lo: row.lo, hi: row.hi };
  };

  return (input) => {
    const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    const bounds: IdBounds = {};
    if (input.from !== undefined || input.to !== undefined) {
      const span = idSpan(input);
      if (span === null) return { rows: [], nextCursor: null };
      bounds.lo = span.lo;
      if (after === undefined || after > span.hi) bounds.hi = span.hi;
    }
    if (after !== undefined && bounds.hi === undefined) bounds.below = after;

    const search = input.search?.trim() ?? '';
    const params: Params = { limit: input.limit + 1, ...(search === '' ? {} : searchParams(search)) };
    const matches = search === '' ? undefined : prepare<Record<Searched, number>>(searchProbe(search)).get(searchParams(search))!;
    const columns = matches === undefined ? [] : SEARCHED.filter((c) => matches[c] > 0);
    if (matches !== undefined && columns.length === 0) return { rows: [], nextCursor: null };
    let sql: string;
    if (matches !== undefined && columns.reduce((n, c) => n + matches[c], 0) <= SEARCH_DRIVE_MAX) {
      // Few matches: read those rows (by rowid, no index walk) and keep the ones that pass the filters.
      const where = filterClauses(input, bounds, params, 'd.');
      sql = `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d NOT INDEXED ${DELIVERY_JOIN}
        WHERE d.rowid IN (${searchUnion(search, columns)})${where.map((c) => ` AND ${c}`).join('')} ORDER BY d.id DESC LIMIT @limit`;
    } else {
      const where = filterClauses(input, bounds, params);
      if (matches !== undefined) where.push(walkSearchClause(search, columns));
      const index = input.webhookId === undefined ? 'deliveries_log' : 'deliveries_webhook';
      sql = `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d ${DELIVERY_JOIN}
        WHERE d.rowid IN (SELECT rowid FROM webhook_deliveries INDEXED BY ${index}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
          ORDER BY id DESC LIMIT @limit)
        ORDER BY d.id DESC`;
    }
    const rows = prepare<DeliveryRow>(sql).all(params);
    const more = rows.length > input.limit;
    const page = more ? rows.slice(0, input.limit) : rows;
    return { rows: page.map(toDeliverySummary), nextCursor: more ? encodeCursor(page[page.length - 1]!.id) : null };
  };
}
