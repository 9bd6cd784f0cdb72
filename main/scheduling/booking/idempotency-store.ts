// Durable Idempotency-Keys of bookings (`scheduling_idempotency`): a key is stored with the booking it made, in the
// same transaction as the booking's activity row and before the caller is answered, so a retried tool call (even
// after a restart) finds it and gets the same booking back; the same key with another request is refused by its
// hash. While a booking is on its way its key is held in memory only (book-with-key.ts): nothing is booked yet,
// and after a crash Cal.com itself refuses a second booking of the slot (one booking per host and time).
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { announceChanged, type Clock, type EventBus } from '../../kernel';

export interface IdempotencyRow {
  key: string;
  requestHash: string;
  agentId: string;
  state: 'booked';
  bookingUid: string | null;
  response: string | null;
}

/** sha256 of a request's canonical JSON (keys sorted), so that key order doesn't make two requests differ. */
export function requestHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

export function createIdempotencyStore(sqlite: Database.Database, clock: Clock, events: EventBus) {
  const q = {
    get: sqlite.prepare(
      'SELECT key, request_hash AS requestHash, agent_id AS agentId, state, booking_uid AS bookingUid, response FROM scheduling_idempotency WHERE key = ?',
    ),
    insert: sqlite.prepare(
      "INSERT INTO scheduling_idempotency (key, request_hash, agent_id, state, booking_uid, response, created_at, updated_at) VALUES (?, ?, ?, 'booked', ?, ?, ?, ?)",
    ),
    prune: sqlite.prepare('DELETE FROM scheduling_idempotency WHERE created_at < ?'),
  };
  const get = (key: string) => q.get.get(key) as IdempotencyRow | undefined;

  return {
    get,
    /** Forgets keys older than `retentionMs` (a retry comes within minutes; the table must not grow forever). Returns how many. */
    prune(retentionMs: number): number {
      const { changes } = q.prune.run(new Date(clock.now().getTime() - retentionMs).toISOString());
      if (changes > 0) announceChanged(events, ['scheduling_idempotency']);
      return changes;
    },
    /** The booking `key` made: later requests with the key get `response`. Run it in the booking's write transaction. */
    saveBooked(key: string, hash: string, agentId: string, bookingUid: string, response: unknown): void {
      const now = clock.now().toISOString();
      q.insert.run(key, hash, agentId, bookingUid, JSON.stringify(response), now, now);
      announceChanged(events, ['scheduling_idempotency']);
    },
  };
}
export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
