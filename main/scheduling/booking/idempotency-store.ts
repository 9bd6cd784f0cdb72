// Durable Idempotency-Keys of bookings (`scheduling_idempotency`): a key is claimed (pending) before Cal.com is
// asked, holds the answer once booked, and is released when the booking failed for good (so the caller may use it
// again for another slot). A retried tool call finds the booked row and gets the same booking back; the same key
// with another request is refused by its hash.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { writeTransaction } from '../../db';
import type { Clock } from '../../kernel';

export interface IdempotencyRow {
  key: string;
  requestHash: string;
  agentId: string;
  state: 'pending' | 'booked';
  bookingUid: string | null;
  response: string | null;
}

export type Claim = { kind: 'claimed' } | { kind: 'existing'; row: IdempotencyRow };

/** sha256 of a request's canonical JSON (keys sorted), so that key order doesn't make two requests differ. */
export function requestHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

export function createIdempotencyStore(sqlite: Database.Database, clock: Clock) {
  const q = {
    get: sqlite.prepare(
      'SELECT key, request_hash AS requestHash, agent_id AS agentId, state, booking_uid AS bookingUid, response FROM scheduling_idempotency WHERE key = ?',
    ),
    insert: sqlite.prepare(
      "INSERT INTO scheduling_idempotency (key, request_hash, agent_id, state, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?)",
    ),
    booked: sqlite.prepare("UPDATE scheduling_idempotency SET state = 'booked', booking_uid = ?, response = ?, updated_at = ? WHERE key = ?"),
    release: sqlite.prepare("DELETE FROM scheduling_idempotency WHERE key = ? AND state = 'pending'"),
  };
  const get = (key: string) => q.get.get(key) as IdempotencyRow | undefined;

  return {
    get,
    /** Claims `key` for a new booking, or returns the row already there (pending or booked). */
    claim(key: string, hash: string, agentId: string): Claim {
      return writeTransaction(sqlite, () => {
        const row = get(key);
        if (row) return { kind: 'existing', row };
        const now = clock.now().toISOString();
        q.insert.run(key, hash, agentId, now, now);
        return { kind: 'claimed' };
      });
    },
    /** The booking went through: later requests with the key get `response`. */
    markBooked(key: string, bookingUid: string, response: unknown): void {
      q.booked.run(bookingUid, JSON.stringify(response), clock.now().toISOString(), key);
    },
    /** The booking failed for good: the key is free again. */
    release(key: string): void {
      q.release.run(key);
    },
  };
}
export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
