// The scheduling connection's row (at most one: Cal.com) and the event types looked up for agents. Never the key:
// the row names the keychain account that holds it (null for demo mode, whose key stays in memory).
import type Database from 'better-sqlite3';
import type { EventTypeSummary, SchedulingAccount } from '../../shared/domain/scheduling';

export interface ConnectionRow {
  baseUrl: string;
  account: SchedulingAccount;
  keyAccount: string | null;
  isDemo: boolean;
  connectedAt: string;
  error: { kind: 'key_refused' | 'key_missing'; message: string; since: string } | null;
}

interface RawRow {
  base_url: string;
  account_id: number;
  account_email: string;
  account_username: string | null;
  account_time_zone: string;
  key_account: string | null;
  is_demo: number;
  connected_at: string;
  error_kind: string | null;
  error_message: string | null;
  error_since: string | null;
}

const toRow = (r: RawRow): ConnectionRow => ({
  baseUrl: r.base_url,
  account: { id: r.account_id, email: r.account_email, username: r.account_username, timeZone: r.account_time_zone },
  keyAccount: r.key_account,
  isDemo: r.is_demo === 1,
  connectedAt: r.connected_at,
  error:
    r.error_kind && r.error_message && r.error_since
      ? { kind: r.error_kind === 'key_missing' ? 'key_missing' : 'key_refused', message: r.error_message, since: r.error_since }
      : null,
});

export interface ConnectionStore {
  get(): ConnectionRow | null;
  /** Replaces the connection (a new key, a new base URL or account); clears any error. */
  put(row: Omit<ConnectionRow, 'error'>): void;
  remove(): void;
  setError(error: ConnectionRow['error']): void;
  eventType(id: number): EventTypeSummary | null;
  putEventType(summary: EventTypeSummary, at: string): void;
  /** Every looked-up event type, by id. */
  eventTypes(): Map<number, EventTypeSummary>;
  /** Forgets every looked-up event type (they came from an account no longer connected: demo mode's). */
  clearEventTypes(): void;
}

export function createConnectionStore(sqlite: Database.Database): ConnectionStore {
  const q = {
    get: sqlite.prepare<[], RawRow>("SELECT * FROM scheduling_connection WHERE provider = 'calcom'"),
    put: sqlite.prepare(
      `INSERT INTO scheduling_connection (provider, base_url, account_id, account_email, account_username, account_time_zone, key_account, is_demo, connected_at)
       VALUES ('calcom', ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (provider) DO UPDATE SET base_url = excluded.base_url, account_id = excluded.account_id, account_email = excluded.account_email,
         account_username = excluded.account_username, account_time_zone = excluded.account_time_zone, key_account = excluded.key_account,
         is_demo = excluded.is_demo, connected_at = excluded.connected_at, error_kind = NULL, error_message = NULL, error_since = NULL`,
    ),
    remove: sqlite.prepare("DELETE FROM scheduling_connection WHERE provider = 'calcom'"),
    setError: sqlite.prepare("UPDATE scheduling_connection SET error_kind = ?, error_message = ?, error_since = ? WHERE provider = 'calcom'"),
    eventType: sqlite.prepare<[number], { id: number; title: string; slug: string; length_minutes: number }>('SELECT id, title, slug, length_minutes FROM scheduling_event_types WHERE id = ?'),
    eventTypes: sqlite.prepare<[], { id: number; title: string; slug: string; length_minutes: number }>('SELECT id, title, slug, length_minutes FROM scheduling_event_types'),
    clearEventTypes: sqlite.prepare('DELETE FROM scheduling_event_types'),
    putEventType: sqlite.prepare(
      `INSERT INTO scheduling_event_types (id, title, slug, length_minutes, looked_up_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, slug = excluded.slug, length_minutes = excluded.length_minutes, looked_up_at = excluded.looked_up_at`,
    ),
  };
  const toSummary = (r: { id: number; title: string; slug: string; length_minutes: number }): EventTypeSummary => ({ id: r.id, title: r.title, slug: r.slug, lengthMinutes: r.length_minutes });
  return {
    get() {
      const raw = q.get.get();
      return raw ? toRow(raw) : null;
    },
    put(row) {
      const a = row.account;
      q.put.run(row.baseUrl, a.id, a.email, a.username, a.timeZone, row.keyAccount, row.isDemo ? 1 : 0, row.connectedAt);
    },
    remove: () => void q.remove.run(),
    setError: (error) => void q.setError.run(error?.kind ?? null, error?.message ?? null, error?.since ?? null),
    eventType(id) {
      const raw = q.eventType.get(id);
      return raw ? toSummary(raw) : null;
    },
    putEventType: (s, at) => void q.putEventType.run(s.id, s.title, s.slug, s.lengthMinutes, at),
    eventTypes: () => new Map(q.eventTypes.all().map((r) => [r.id, toSummary(r)])),
    clearEventTypes: () => void q.clearEventTypes.run(),
  };
}
