// What every booking service call shares: its deps, the checks before Cal.com is asked (the agent exists, books,
// and a key is connected), the next free slots offered when a time can't be booked, and the activity row each
// call leaves behind (written whatever the outcome, with the time the caller waited).
import type Database from 'better-sqlite3';
import type { CalcomClient } from '../../connectors';
import type { Clock, EventBus } from '../../kernel';
import type { Logger } from '../../log';
import type { ActivityEntry, ActivityLog, ActivityOperation } from './activity-log';
import { toSpokenSlots } from './booking-answer';
import { BookingError, isBookingError, type SpokenSlot } from './booking-errors';
import { agentIdSchema, parseInput } from './booking-input';
import { withinBudget, type Deadline } from './time-budget';

export interface BookingServiceDeps {
  /** The Cal.com client for the connected key; null when scheduling is disconnected. */
  clientFor: () => Promise<CalcomClient | null>;
  agents: { get(id: string): { id: string; name: string; appointmentBooking: boolean; eventTypeId: number | null } | undefined };
  company: { get(): { timezone: string } };
  /** Bookings name a case or client by id: checked here when given (the workspace's record store). */
  records?: { getCase(id: string): unknown; getClient(id: string): unknown };
  clock: Clock;
  sqlite: Database.Database;
  events: EventBus;
  /** How long a call may take before it answers "try again shortly" (default 2500 ms). */
  timeBudgetMs?: number;
  /** Where a booking that failed after its caller was answered is reported. */
  logger?: Pick<Logger, 'warn'>;
}

export interface BookingAgent {
  id: string;
  name: string;
  eventTypeId: number;
}

/** The agent, checked: it exists and books (an Event Type ID set). */
export function bookingAgent(deps: BookingServiceDeps, rawId: unknown): BookingAgent {
  const id = parseInput(agentIdSchema, rawId, 'agent id', 'agentId');
  const agent = deps.agents.get(id);
  if (!agent) {
    throw new BookingError({ reason: 'unknown_agent' }, `No agent with id "${id}". Use the id of an agent in Workspace → Agents (Agent Builder).`);
  }
  if (!agent.appointmentBooking || agent.eventTypeId === null) {
    throw new BookingError(
      { reason: 'booking_off' },
      `Appointment booking is off for agent "${agent.name}" (${agent.id}). Turn on Appointment Booking and set its Event Type ID in Workspace → Agents.`,
    );
  }
  return { id: agent.id, name: agent.name, eventTypeId: agent.eventTypeId };
}

/** The Cal.com client, or scheduling_disconnected. */
export async function connectedClient(deps: BookingServiceDeps): Promise<CalcomClient> {
  const client = await deps.clientFor();
  if (!client) {
    throw new BookingError(
      { reason: 'scheduling_disconnected' },
      'Scheduling is disconnected: the console has no Cal.com API key, so it can\'t check availability or book. An administrator connects one in Settings → Integrations → Scheduling.',
    );
  }
  return client;
}

const TWO_WEEKS_MS = 14 * 86_400_000;

/** The next (at most three) free slots after `after`, in what is left of the budget; none when time is short or Cal.com fails. */
export async function nextFreeSlots(client: CalcomClient, eventTypeId: number, after: Date, timeZone: string, now: Date, deadline: Deadline): Promise<{ slots: SpokenSlot[]; attempts: number }> {
  const from = new Date(Math.max(after.getTime(), now.getTime()));
  try {
    const { value, attempts } = await withinBudget(
      deadline,
      (signal) => client.slots({ eventTypeId, start: from.toISOString(), end: new Date(from.getTime() + TWO_WEEKS_MS).toISOString(), timeZone }, { signal }),
      { abortAtDeadline: true },
    );
    const later = value.filter((s) => Date.parse(s.start) > after.getTime()).slice(0, 3);
    return { slots: toSpokenSlots(later, timeZone, now), attempts };
  } catch {
    return { slots: [], attempts: 1 };
  }
}

/** One call's activity row: filled as the call learns its agent, case and outcome; written once. */
export function trackActivity(log: ActivityLog, operation: ActivityOperation, request: string, deadline: Deadline) {
  const entry: ActivityEntry = {
    operation,
    agentId: null,
    caseId: null,
    clientId: null,
    bookingUid: null,
    previousBookingUid: null,
    start: null,
    request,
    answer: '',
    outcome: 'ok',
    reason: null,
    latencyMs: 0,
    attempts: 0,
  };
  let rowId: number | undefined;
  // Written once: a path that recorded its outcome early (a booking abandoned at the deadline) keeps that row.
  const write = () => (rowId ??= log.record({ ...entry, latencyMs: Math.round(deadline.elapsedMs()) }));
  return {
    entry,
    /** Records the call as done; returns the row id. */
    ok(answer: string, outcome: 'ok' | 'replayed' = 'ok'): number {
      Object.assign(entry, { answer, outcome });
      return write();
    },
    /** Records the failure (the BookingError it became, or a bug); returns the row id. */
    failed(error: unknown): number {
      if (rowId !== undefined) return rowId;
      const reason = isBookingError(error) ? error.reason : null;
      const outcome = reason === 'unavailable' ? (/time budget/.test((error as Error).message) ? 'timed_out' : 'unavailable') : reason ? 'refused' : 'failed';
      const said = isBookingError(error) ? error.bookingDetails.providerMessage : undefined;
      Object.assign(entry, { outcome, reason, answer: said ? `Cal.com: ${said}` : error instanceof Error ? error.message : String(error) });
      return write();
    },
  };
}
