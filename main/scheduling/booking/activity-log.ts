// The booking API's log (`scheduling_activity`): one row per availability check, booking, cancel and reschedule,
// with the agent and case, what was asked, Cal.com's answer, the outcome and how long the caller waited. Read by
// the Scheduling → Activity view and by a case's appointments. Every write announces the table.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { announceChanged, type Clock, type EventBus } from '../../kernel';

export const ACTIVITY_OPERATIONS = ['availability', 'book', 'cancel', 'reschedule'] as const;
export type ActivityOperation = (typeof ACTIVITY_OPERATIONS)[number];

/** ok: done; replayed: a retried booking answered from its Idempotency-Key; late_ok: done after the caller was told to retry. */
export const ACTIVITY_OUTCOMES = ['ok', 'replayed', 'late_ok', 'refused', 'unavailable', 'timed_out', 'failed'] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];

export const schedulingActivitySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  operation: z.enum(ACTIVITY_OPERATIONS),
  agentId: z.string().nullable(),
  caseId: z.string().nullable(),
  clientId: z.string().nullable(),
  bookingUid: z.string().nullable(),
  previousBookingUid: z.string().nullable(),
  start: z.string().nullable(),
  request: z.string(),
  answer: z.string(),
  outcome: z.enum(ACTIVITY_OUTCOMES),
  reason: z.string().nullable(),
  latencyMs: z.number().int(),
  attempts: z.number().int(),
});
export type SchedulingActivity = z.infer<typeof schedulingActivitySchema>;

export const activityQuerySchema = z.strictObject({
  agentId: z.string().optional(),
  caseId: z.string().optional(),
  operation: z.enum(ACTIVITY_OPERATIONS).optional(),
  /** Only rows with an id below this (the next page of a newest-first list). */
  beforeId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ActivityQuery = z.input<typeof activityQuerySchema>;

export type ActivityEntry = Omit<SchedulingActivity, 'id' | 'at'>;

const COLUMNS = `id, at, operation, agent_id AS agentId, case_id AS caseId, client_id AS clientId, booking_uid AS bookingUid,
  previous_booking_uid AS previousBookingUid, start, request, answer, outcome, reason, latency_ms AS latencyMs, attempts`;

export function createActivityLog(sqlite: Database.Database, clock: Clock, events: EventBus) {
  const q = {
    insert: sqlite.prepare(
      `INSERT INTO scheduling_activity (at, operation, agent_id, case_id, client_id, booking_uid, previous_booking_uid, start, request, answer, outcome, reason, latency_ms, attempts)
       VALUES (@at, @operation, @agentId, @caseId, @clientId, @bookingUid, @previousBookingUid, @start, @request, @answer, @outcome, @reason, @latencyMs, @attempts)`,
    ),
    late: sqlite.prepare(
      `UPDATE scheduling_activity SET outcome = @outcome, answer = @answer, booking_uid = coalesce(@bookingUid, booking_uid),
         previous_booking_uid = coalesce(@previousBookingUid, previous_booking_uid), start = coalesce(@start, start) WHERE id = @id`,
    ),
    list: sqlite.prepare(
      `SELECT ${COLUMNS} FROM scheduling_activity
        WHERE (@agentId IS NULL OR agent_id = @agentId) AND (@caseId IS NULL OR case_id = @caseId)
          AND (@operation IS NULL OR operation = @operation) AND (@beforeId IS NULL OR id < @beforeId)
        ORDER BY id DESC LIMIT @limit`,
    ),
    count: sqlite.prepare(
      `SELECT count(*) AS n FROM scheduling_activity
        WHERE (@agentId IS NULL OR agent_id = @agentId) AND (@caseId IS NULL OR case_id = @caseId) AND (@operation IS NULL OR operation = @operation)`,
    ),
    bookingOf: sqlite.prepare(
      `SELECT ${COLUMNS} FROM scheduling_activity WHERE booking_uid = ? AND operation IN ('book', 'reschedule') AND outcome IN ('ok', 'late_ok') ORDER BY id DESC LIMIT 1`,
    ),
    appointments: sqlite.prepare(
      `SELECT ${COLUMNS} FROM scheduling_activity
        WHERE case_id = ? AND operation IN ('book', 'cancel', 'reschedule') AND outcome IN ('ok', 'late_ok') ORDER BY id DESC LIMIT ?`,
    ),
  };

  return {
    /** Appends a row; returns its id. */
    record(entry: ActivityEntry): number {
      const id = Number(q.insert.run({ ...entry, at: clock.now().toISOString() }).lastInsertRowid);
      announceChanged(events, ['scheduling_activity']);
      return id;
    },
    /** An abandoned call's answer arrived after the caller was answered. */
    settleLate(id: number, change: { outcome: ActivityOutcome; answer: string; bookingUid?: string; previousBookingUid?: string; start?: string }): void {
      q.late.run({ id, outcome: change.outcome, answer: change.answer, bookingUid: change.bookingUid ?? null, previousBookingUid: change.previousBookingUid ?? null, start: change.start ?? null });
      announceChanged(events, ['scheduling_activity']);
    },
    /** Newest first, with the count of every row matching the filters. */
    list(query: ActivityQuery = {}): { rows: SchedulingActivity[]; total: number } {
      const o = activityQuerySchema.parse(query);
      const filters = { agentId: o.agentId ?? null, caseId: o.caseId ?? null, operation: o.operation ?? null };
      return {
        rows: q.list.all({ ...filters, beforeId: o.beforeId ?? null, limit: o.limit }) as SchedulingActivity[],
        total: (q.count.get(filters) as { n: number }).n,
      };
    },
    /** The successful book/reschedule row that made `uid` (its agent, case and client). */
    bookingOf: (uid: string) => q.bookingOf.get(uid) as SchedulingActivity | undefined,
    /** A case's bookings, cancels and reschedules that went through, newest first. */
    appointmentsOf: (caseId: string, limit = 50) => q.appointments.all(caseId, limit) as SchedulingActivity[],
  };
}
export type ActivityLog = ReturnType<typeof createActivityLog>;
