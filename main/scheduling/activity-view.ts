// Scheduling → Activity and each agent's last booking, read from the booking service's log (scheduling_activity)
// with the agent's name and the case's label ("PI-1042 · Jane Doe") joined in one query, newest first, paged by
// offset as the screen pages.
import type Database from 'better-sqlite3';
import type { SchedulingActivityRow } from '../../shared/domain/scheduling';

interface Row {
  id: number;
  at: string;
  operation: string;
  agent_id: string | null;
  agent_name: string | null;
  case_id: string | null;
  case_number: string | null;
  first_name: string | null;
  last_name: string | null;
  booking_uid: string | null;
  request: string;
  answer: string;
  outcome: string;
  reason: string | null;
  latency_ms: number;
}

/** The booking service's operations as the screen names them. */
const KINDS: Record<string, SchedulingActivityRow['kind']> = { availability: 'availability', book: 'booking', cancel: 'cancel', reschedule: 'reschedule' };
/** Outcomes where the call went through (a replay answers a booking made before; late_ok landed after its caller gave up). */
const WENT_THROUGH = new Set(['ok', 'replayed', 'late_ok']);

export function createActivityView(sqlite: Database.Database) {
  const page = sqlite.prepare<{ agentId: string | null; limit: number; offset: number }, Row>(
    `SELECT s.id, s.at, s.operation, s.agent_id, a.name AS agent_name, s.case_id, c.case_number, cl.first_name, cl.last_name,
            s.booking_uid, s.request, s.answer, s.outcome, s.reason, s.latency_ms
       FROM scheduling_activity s
       LEFT JOIN agents a ON a.id = s.agent_id
       LEFT JOIN cases c ON c.id = s.case_id
       LEFT JOIN case_clients cc ON cc.case_id = s.case_id AND cc.is_primary = 1
       LEFT JOIN clients cl ON cl.id = cc.client_id
      WHERE (@agentId IS NULL OR s.agent_id = @agentId)
      ORDER BY s.id DESC LIMIT @limit OFFSET @offset`,
  );
  const count = sqlite.prepare<{ agentId: string | null }, { n: number }>('SELECT count(*) AS n FROM scheduling_activity WHERE (@agentId IS NULL OR agent_id = @agentId)');
  const lastBookings = sqlite.prepare<[], { agent_id: string; at: string }>(
    `SELECT agent_id, max(at) AS at FROM scheduling_activity
      WHERE agent_id IS NOT NULL AND operation IN ('book', 'reschedule') AND outcome IN ('ok', 'replayed', 'late_ok') GROUP BY agent_id`,
  );

  const caseLabel = (r: Row): string | null => {
    if (r.case_id === null) return null;
    if (r.case_number === null) return `${r.case_id} (no longer in the console)`;
    const client = `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim();
    return client ? `${r.case_number} · ${client}` : r.case_number;
  };

  return {
    list(query: { offset: number; limit: number; agentId?: string | undefined }): { rows: SchedulingActivityRow[]; total: number } {
      const agentId = query.agentId ?? null;
      const rows = page.all({ agentId, limit: query.limit, offset: query.offset }).map((r) => ({
        id: String(r.id),
        at: r.at,
        agentId: r.agent_id,
        agentName: r.agent_name,
        caseId: r.case_id,
        caseLabel: caseLabel(r),
        kind: KINDS[r.operation] ?? 'availability',
        request: r.request,
        answer: r.answer,
        ok: WENT_THROUGH.has(r.outcome),
        outcome: r.outcome,
        reason: r.reason,
        bookingUid: r.booking_uid,
        latencyMs: r.latency_ms,
      }));
      return { rows, total: count.get({ agentId })!.n };
    },
    /** Each agent's last booking that went through (ISO), by agent id. */
    lastBookings: (): Map<string, string> => new Map(lastBookings.all().map((r) => [r.agent_id, r.at])),
  };
}
