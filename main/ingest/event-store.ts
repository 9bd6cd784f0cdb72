// The events table: durable inserts with per-key idempotency, and the named reads the console and the
// webhook engine use.
import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3';
import type { EventListRow, EventSummary, EventType, StoredEvent } from '../../shared/domain/events';
import { ulidIds, type IdGenerator } from '../kernel';
import { commitDurably } from './durable-commit';

export interface NewEvent {
  type: EventType;
  occurredAt: string;
  campaignId: string | null;
  caseId: string | null;
  clientId: string | null;
  caseType: string | null;
  data: Record<string, unknown>;
  idempotencyKey: string | null;
  apiKeyId: string | null;
  isDemo: boolean;
}

export interface InsertOutcome {
  event: StoredEvent;
  /** True when an earlier event with the same idempotency key was found: nothing new was stored. */
  duplicate: boolean;
}

export interface EventFilter {
  type?: EventType;
  campaignId?: string;
  caseId?: string;
  /** Received at or after (UTC ISO). */
  from?: string;
  /** Received before (UTC ISO). */
  to?: string;
  offset: number;
  limit: number;
}

export interface EventStore {
  /** Stores the events in one durable transaction; throws IdempotencyConflictError (and stores nothing) on a reused key. */
  insert(events: NewEvent[], receivedAt: string): InsertOutcome[];
  get(id: string): StoredEvent | undefined;
  list(filter: EventFilter): { rows: EventListRow[]; total: number };
  /** Events stored after `afterId` (ids sort in the order they were stored), oldest first: for catching up. */
  after(afterId: string | null, limit: number): StoredEvent[];
}

/** An idempotency key that was already used for a different event. */
export class IdempotencyConflictError extends Error {
  constructor(readonly indices: number[]) {
    super('idempotency key reused for a different event');
    this.name = 'IdempotencyConflictError';
  }
}

/** An events table row as SQLite returns it. */
export interface EventRow {
  id: string;
  type: EventType;
  occurred_at: string;
  received_at: string;
  campaign_id: string | null;
  case_id: string | null;
  client_id: string | null;
  case_type: string | null;
  data: string;
  idempotency_key: string | null;
  api_key_id: string | null;
  is_demo: number;
}

const toSummary = (r: EventRow): EventSummary => ({
  id: r.id,
  type: r.type,
  occurredAt: r.occurred_at,
  receivedAt: r.received_at,
  campaignId: r.campaign_id,
  caseId: r.case_id,
  clientId: r.client_id,
  caseType: r.case_type,
  apiKeyId: r.api_key_id,
  isDemo: r.is_demo === 1,
});

/** A stored event row as the contract's record (with its data). */
export const toStored = (r: EventRow): StoredEvent => ({
  ...toSummary(r),
  data: JSON.parse(r.data) as Record<string, unknown>,
  idempotencyKey: r.idempotency_key,
});

const SUMMARY_COLUMNS = 'e.id, e.type, e.occurred_at, e.received_at, e.campaign_id, e.case_id, e.client_id, e.case_type, e.api_key_id, e.is_demo';
// The case's number and a client's name for the list: joins on primary keys (and case_clients' key) only, run for
// the page's rows, not the whole log.
const LIST_NAMES = `c.case_number,
  coalesce(ec.first_name || ' ' || ec.last_name, pc.first_name || ' ' || pc.last_name) AS client_name`;
const LIST_JOINS = `LEFT JOIN cases c ON c.id = e.case_id
  LEFT JOIN clients ec ON ec.id = e.client_id
  LEFT JOIN case_clients cc ON cc.case_id = e.case_id AND cc.is_primary = 1
  LEFT JOIN clients pc ON pc.id = cc.client_id`;

type ListRow = EventRow & { case_number: string | null; client_name: string | null };
const toListRow = (r: ListRow): EventListRow => ({ ...toSummary(r), caseNumber: r.case_number, clientName: r.client_name?.trim() || null });

export function createEventStore(sqlite: Database.Database, ids: IdGenerator = ulidIds): EventStore {
  const q = {
    insert: sqlite.prepare(
      `INSERT INTO events (id, type, occurred_at, received_at, campaign_id, case_id, client_id, case_type, data, idempotency_key, api_key_id, is_demo)
       VALUES (@id, @type, @occurred_at, @received_at, @campaign_id, @case_id, @client_id, @case_type, @data, @idempotency_key, @api_key_id, @is_demo)`,
    ),
    byKey: sqlite.prepare('SELECT * FROM events WHERE api_key_id IS ? AND idempotency_key = ?'),
    byId: sqlite.prepare('SELECT * FROM events WHERE id = ?'),
    after: sqlite.prepare('SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?'),
  };
  const listQueries = new Map<string, { rows: Database.Statement; count: Database.Statement }>();

  // A retry must describe the same event: a "retry" that moves it to another case, client or campaign is a
  // different event reusing the key, refused rather than silently answered with the old one.
  const sameEvent = (row: EventRow, e: NewEvent) =>
    row.type === e.type &&
    row.occurred_at === e.occurredAt &&
    row.case_id === e.caseId &&
    row.client_id === e.clientId &&
    row.campaign_id === e.campaignId &&
    isDeepStrictEqual(JSON.parse(row.data), e.data);

  return {
    insert(events, receivedAt) {
      return commitDurably(sqlite, () => {
        const outcomes: InsertOutcome[] = [];
        const conflicts: number[] = [];
        events.forEach((e, i) => {
          const earlier = e.idempotencyKey === null ? undefined : (q.byKey.get(e.apiKeyId, e.idempotencyKey) as EventRow | undefined);
          if (earlier) {
            if (!sameEvent(earlier, e)) conflicts.push(i);
            outcomes.push({ event: toStored(earlier), duplicate: true });
            return;
          }
          const row: EventRow = {
            id: ids.next('evt_'),
            type: e.type,
            occurred_at: e.occurredAt,
            received_at: receivedAt,
            campaign_id: e.campaignId,
            case_id: e.caseId,
            client_id: e.clientId,
            case_type: e.caseType,
            data: JSON.stringify(e.data),
            idempotency_key: e.idempotencyKey,
            api_key_id: e.apiKeyId,
            is_demo: e.isDemo ? 1 : 0,
          };
          q.insert.run(row);
          outcomes.push({ event: { ...toSummary(row), data: e.data, idempotencyKey: e.idempotencyKey }, duplicate: false });
        });
        // Thrown inside the transaction: the whole batch rolls back.
        if (conflicts.length > 0) throw new IdempotencyConflictError(conflicts);
        return outcomes;
      });
    },
    get(id) {
      const row = q.byId.get(id) as EventRow | undefined;
      return row ? toStored(row) : undefined;
    },
    list(filter) {
      const where: string[] = [];
      const params: string[] = [];
      const add = (clause: string, value: string | undefined) => {
        if (value === undefined) return;
        where.push(clause);
        params.push(value);
      };
      add('type = ?', filter.type);
      add('campaign_id = ?', filter.campaignId);
      add('case_id = ?', filter.caseId);
      add('received_at >= ?', filter.from);
      add('received_at < ?', filter.to);
      const key = where.join(' AND ');
      let stmts = listQueries.get(key);
      if (!stmts) {
        const clause = where.length ? `WHERE ${key}` : '';
        stmts = {
          // The page is chosen in the events table alone (its indexes), then joined to its names.
          rows: sqlite.prepare(
            `SELECT ${SUMMARY_COLUMNS}, ${LIST_NAMES} FROM (SELECT * FROM events ${clause} ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?) e
             ${LIST_JOINS} ORDER BY e.received_at DESC, e.id DESC`,
          ),
          count: sqlite.prepare(`SELECT count(*) AS n FROM events ${clause}`),
        };
        listQueries.set(key, stmts);
      }
      const rows = (stmts.rows.all(...params, filter.limit, filter.offset) as ListRow[]).map(toListRow);
      const total = (stmts.count.get(...params) as { n: number }).n;
      return { rows, total };
    },
    after(afterId, limit) {
      return (q.after.all(afterId ?? '', limit) as EventRow[]).map(toStored);
    },
  };
}
