// The booking service voice agents reach through the ingest server (and the console through "Try it"): free slots
// in the company's timezone, bookings that a retried tool call never makes twice, cancel and reschedule, each
// within the time budget and each logged. The rules of a booking's Idempotency-Key are in book-with-key.ts.
import type { CalcomBooking } from '../../connectors';
import { createActivityLog, type ActivityOperation, type ActivityQuery, type SchedulingActivity } from './activity-log';
import { toBookingAnswer, toSpokenSlots, type Availability, type BookingAnswer, type BookResult } from './booking-answer';
import { bookingAgent, connectedClient, nextFreeSlots, trackActivity, type BookingServiceDeps } from './booking-context';
import { BookingError } from './booking-errors';
import { needsAlternatives, toBookingError } from './booking-failures';
import { availabilityInputSchema, bookingUidSchema, cancelInputSchema, parseInput, rescheduleInputSchema } from './booking-input';
import { createBookWithKey } from './book-with-key';
import { createIdempotencyStore } from './idempotency-store';
import { DEFAULT_TIME_BUDGET_MS, startDeadline, withinBudget } from './time-budget';

export interface BookingService {
  /** Free slots of the agent's event type between `from` and `to` (default: now and a week later). */
  availability(agentId: string, range?: { from?: string; to?: string }): Promise<Availability>;
  /** Books `input.start` for the agent; the same `idempotencyKey` again answers the same booking. */
  book(agentId: string, input: unknown, idempotencyKey: string | undefined): Promise<BookResult>;
  cancel(bookingUid: string, reason?: string): Promise<BookingAnswer>;
  reschedule(bookingUid: string, newStart: string, reason?: string): Promise<BookingAnswer>;
  /** The log behind Scheduling → Activity, newest first. */
  activity(query?: ActivityQuery): { rows: SchedulingActivity[]; total: number };
  /** A case's bookings, cancels and reschedules, newest first (its history). */
  caseAppointments(caseId: string): SchedulingActivity[];
  /** Logs a request refused before it reached the service (the routes' own checks of the query or body). */
  logRefusal(operation: ActivityOperation, subject: { agentId?: string; bookingUid?: string }, error: BookingError): void;
  readonly timeBudgetMs: number;
  /** Stops watching the company's timezone and pruning old keys (a booking still on its way settles on its own). */
  close(): void;
}

const WEEK_MS = 7 * 86_400_000;
/** How long a booked Idempotency-Key answers its booking (docs/scheduling-api.md says so). */
export const KEY_RETENTION_MS = 30 * 86_400_000;
const PRUNE_EVERY_MS = 60 * 60_000;

export function createBookingService(given: BookingServiceDeps): BookingService {
  const budgetMs = given.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  // The company's timezone, read once and again after the company changes: its read costs close to a millisecond,
  // and every call of a live call needs it.
  let timezone: string | undefined;
  const stopWatching = given.events.on('tables.changed', ({ tables }) => {
    if (tables.includes('company')) timezone = undefined;
  });
  const deps: BookingServiceDeps = { ...given, company: { get: () => ({ timezone: (timezone ??= given.company.get().timezone) }) } };
  const log = createActivityLog(deps.sqlite, deps.clock, deps.events);
  const keys = createIdempotencyStore(deps.sqlite, deps.clock, deps.events);
  const book = createBookWithKey({ deps, log, keys, budgetMs });
  keys.prune(KEY_RETENTION_MS);
  const pruning = setInterval(() => keys.prune(KEY_RETENTION_MS), PRUNE_EVERY_MS);
  pruning.unref();

  async function availability(agentId: string, range: { from?: string; to?: string } = {}): Promise<Availability> {
    const deadline = startDeadline(budgetMs);
    const track = trackActivity(log, 'availability', `slots ${range.from ?? 'now'} → ${range.to ?? 'a week later'}`, deadline);
    track.entry.agentId = typeof agentId === 'string' ? agentId.slice(0, 64) : null;
    let eventTypeId: number | null = null;
    try {
      const agent = bookingAgent(deps, agentId);
      eventTypeId = agent.eventTypeId;
      const r = parseInput(availabilityInputSchema, range, 'availability range');
      const client = await connectedClient(deps);
      const now = deps.clock.now();
      const from = r.from ? new Date(r.from) : now;
      const to = r.to ? new Date(r.to) : new Date(from.getTime() + WEEK_MS);
      const timeZone = deps.company.get().timezone;
      track.entry.request = `slots of event type ${agent.eventTypeId} ${from.toISOString()} → ${to.toISOString()} (${timeZone})`;
      const { value, attempts } = await withinBudget(
        deadline,
        (signal) => client.slots({ eventTypeId: agent.eventTypeId, start: from.toISOString(), end: to.toISOString(), timeZone }, { signal }),
        { abortAtDeadline: true },
      );
      track.entry.attempts = attempts;
      const slots = toSpokenSlots(value, timeZone, now);
      track.ok(`${slots.length} free slot(s)${slots[0] ? `, first ${slots[0].start}` : ''}`);
      return { agentId: agent.id, timeZone, from: from.toISOString(), to: to.toISOString(), slots };
    } catch (error) {
      const failure = toBookingError(error, { operation: 'list free slots', subject: 'event_type', eventTypeId, budgetMs });
      track.failed(failure);
      throw failure;
    }
  }

  /** Cancel or reschedule: the booking's agent and case come from the row that made it. */
  async function change(kind: 'cancel' | 'reschedule', rawUid: unknown, body: unknown): Promise<BookingAnswer> {
    const deadline = startDeadline(budgetMs);
    const track = trackActivity(log, kind, `${kind} booking ${String(rawUid).slice(0, 100)}`, deadline);
    const ctx = { operation: `${kind} the booking`, subject: 'booking' as const, bookingUid: String(rawUid), budgetMs };
    try {
      const uid = parseInput(bookingUidSchema, rawUid, 'booking id', 'uid');
      const made = log.bookingOf(uid);
      Object.assign(track.entry, { bookingUid: uid, agentId: made?.agentId ?? null, caseId: made?.caseId ?? null, clientId: made?.clientId ?? null });
      const input = kind === 'cancel' ? { ...parseInput(cancelInputSchema, body ?? {}, 'cancel request'), start: undefined } : parseInput(rescheduleInputSchema, body, 'reschedule request');
      const client = await connectedClient(deps);
      const timeZone = deps.company.get().timezone;
      if (input.start) track.entry.request = `reschedule booking ${uid} to ${new Date(input.start).toISOString()}`;
      let abandoned: Promise<CalcomBooking> | undefined;
      try {
        const { value, attempts } = await withinBudget(deadline, () => (kind === 'cancel' ? client.cancel(uid, input.reason) : client.reschedule(uid, input.start!, input.reason)), {
          onAbandoned: (late) => (abandoned = late),
        });
        const answer = toBookingAnswer(value, { timeZone, now: deps.clock.now(), agentId: made?.agentId ?? null, attendee: null, caseId: made?.caseId ?? null, clientId: made?.clientId ?? null });
        if (kind === 'reschedule') Object.assign(track.entry, { bookingUid: value.uid, previousBookingUid: uid, start: value.start });
        track.entry.attempts = attempts;
        track.ok(`${value.status} ${value.uid} at ${value.start}`);
        return answer;
      } catch (error) {
        if (abandoned) {
          // Cal.com is still working on it: the caller is told to try again; the row says what happened when it lands.
          const failure = toBookingError(error, ctx);
          const rowId = track.failed(failure);
          const late = { uid, kind };
          abandoned.then(
            (b) => log.settleLate(rowId, { outcome: 'late_ok', answer: `${b.status} ${b.uid} at ${b.start} (after the caller was answered)`, ...(late.kind === 'reschedule' ? { bookingUid: b.uid, previousBookingUid: late.uid, start: b.start } : {}) }),
            (e: unknown) => log.settleLate(rowId, { outcome: 'failed', answer: `after the caller was answered: ${e instanceof Error ? e.message : String(e)}` }),
          );
          throw failure;
        }
        const eventTypeId = made?.agentId ? (deps.agents.get(made.agentId)?.eventTypeId ?? null) : null;
        if (kind === 'reschedule' && needsAlternatives(error) && eventTypeId !== null) {
          const next = await nextFreeSlots(client, eventTypeId, new Date(input.start!), timeZone, deps.clock.now(), deadline);
          throw toBookingError(error, { ...ctx, alternatives: next.slots });
        }
        throw error;
      }
    } catch (error) {
      const failure = toBookingError(error, ctx);
      track.failed(failure);
      throw failure;
    }
  }

  return {
    timeBudgetMs: budgetMs,
    close() {
      stopWatching();
      clearInterval(pruning);
    },
    availability,
    book,
    cancel: (uid, reason) => change('cancel', uid, reason === undefined ? {} : { reason }),
    reschedule: (uid, start, reason) => change('reschedule', uid, reason === undefined ? { start } : { start, reason }),
    activity: (query) => log.list(query),
    caseAppointments: (caseId) => log.appointmentsOf(caseId),
    logRefusal(operation, subject, error) {
      const track = trackActivity(log, operation, `${operation} (refused before Cal.com was asked)`, startDeadline(budgetMs));
      Object.assign(track.entry, { agentId: subject.agentId?.slice(0, 64) ?? null, bookingUid: subject.bookingUid?.slice(0, 100) ?? null });
      track.failed(error);
    },
  };
}

export { BookingError };
