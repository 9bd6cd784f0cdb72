// The booking API's own records: every availability check and booking write a voice agent (or the console's
// "Try it") made, with what Cal.com answered and how long it took (the Scheduling → Activity view, a case's
// appointments), and the Idempotency-Key of each booking so that a retried tool call never books twice.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { isoTime } from './columns';

export const schedulingActivity = sqliteTable(
  'scheduling_activity',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: isoTime('at').notNull(),
    /** availability | book | cancel | reschedule */
    operation: text('operation').notNull(),
    agentId: text('agent_id'),
    caseId: text('case_id'),
    clientId: text('client_id'),
    /** The booking made, cancelled or moved (reschedule: the new booking). */
    bookingUid: text('booking_uid'),
    /** Reschedule: the booking it replaced. */
    previousBookingUid: text('previous_booking_uid'),
    /** The booked (or rescheduled-to) start, ISO UTC. */
    start: isoTime('start'),
    /** A one-line summary of what was asked ("slots 2026-12-08 → 2026-12-09 for event type 501"). */
    request: text('request').notNull(),
    /** A one-line summary of Cal.com's answer (its message when it refused). */
    answer: text('answer').notNull(),
    /** ok | replayed | slot_taken | refused | unavailable | timed_out | late_ok | failed */
    outcome: text('outcome').notNull(),
    /** Why it was refused or failed (a booking error reason), null when it went through. */
    reason: text('reason'),
    latencyMs: integer('latency_ms').notNull(),
    /** Calls made to Cal.com (retries of 5xx included). */
    attempts: integer('attempts').notNull(),
  },
  (t) => [index('scheduling_activity_at').on(t.at), index('scheduling_activity_case').on(t.caseId), index('scheduling_activity_booking').on(t.bookingUid)],
);

export const schedulingIdempotency = sqliteTable('scheduling_idempotency', {
  /** The Idempotency-Key the caller sent with the booking. */
  key: text('key').primaryKey(),
  /** sha256 of the agent and the request body: the same key with another request is refused. */
  requestHash: text('request_hash').notNull(),
  agentId: text('agent_id').notNull(),
  /** booked (`response` holds what was answered); a booking on its way holds its key in memory only. */
  state: text('state').notNull(),
  bookingUid: text('booking_uid'),
  /** The booking answer, replayed as is to a retried request. */
  response: text('response'),
  createdAt: isoTime('created_at').notNull(),
  updatedAt: isoTime('updated_at').notNull(),
});
