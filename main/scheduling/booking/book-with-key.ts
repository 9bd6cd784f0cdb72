// Booking with an Idempotency-Key: a voice platform retries a tool call that timed out, and the retry must never
// book a second time. A key that booked answers its stored booking (the same request) or is refused (another
// request); a key whose booking is still on its way (held in memory) makes the retry wait for it within the budget.
// A booking that failed for good leaves its key free. A booking still running at the deadline keeps its key: when
// it lands, the key answers with it. The booked key and the booking's activity row are one write transaction,
// committed before the caller is answered. (After a crash mid-booking, Cal.com holds one booking per host and
// time, so the retry can't book the slot twice: it is told the slot is taken.)
import { writeTransaction } from '../../db';
import type { ActivityLog } from './activity-log';
import { toBookingAnswer, type BookingAnswer, type BookResult } from './booking-answer';
import { bookingAgent, connectedClient, nextFreeSlots, trackActivity, type BookingServiceDeps } from './booking-context';
import { BookingError } from './booking-errors';
import { needsAlternatives, toBookingError } from './booking-failures';
import { bookingInputSchema, idempotencyKeySchema, parseInput } from './booking-input';
import { requestHash, type IdempotencyStore } from './idempotency-store';
import { startDeadline, withinBudget, type Deadline } from './time-budget';

interface Parts {
  deps: BookingServiceDeps;
  log: ActivityLog;
  keys: IdempotencyStore;
  budgetMs: number;
}

export function createBookWithKey({ deps, log, keys, budgetMs }: Parts) {
  /** Bookings on their way, by key: a retry arriving meanwhile waits for the first. */
  const inFlight = new Map<string, { hash: string; agentId: string; settled: Promise<BookingAnswer> }>();

  /** Waits (within the budget) for the booking of `key` already on its way. */
  async function awaitInFlight(key: string, running: Promise<BookingAnswer>, deadline: Deadline): Promise<BookingAnswer> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), deadline.remainingMs());
    });
    try {
      const outcome = await Promise.race([running, expired]);
      if (outcome !== 'expired') return outcome;
    } finally {
      clearTimeout(timer);
    }
    throw new BookingError(
      { reason: 'idempotency_in_progress', retryAfterSeconds: 1 },
      `The booking with Idempotency-Key "${key}" is still on its way to Cal.com. Try again shortly with the same key: it answers with that booking and never books twice.`,
    );
  }

  return async function book(agentId: string, rawInput: unknown, rawKey: string | undefined): Promise<BookResult> {
    const deadline = startDeadline(budgetMs);
    const track = trackActivity(log, 'book', 'book', deadline);
    track.entry.agentId = typeof agentId === 'string' ? agentId.slice(0, 64) : null;
    let eventTypeId: number | null = null;
    try {
      const agent = bookingAgent(deps, agentId);
      eventTypeId = agent.eventTypeId;
      const input = parseInput(bookingInputSchema, rawInput, 'booking');
      if (rawKey === undefined) {
        throw new BookingError(
          { reason: 'invalid_input', issues: [{ path: 'Idempotency-Key', message: 'required' }] },
          'Send an Idempotency-Key header with every booking (a UUID per booking attempt, the same one on a retry): without it a retried call could book twice. Nothing was booked.',
        );
      }
      const key = parseInput(idempotencyKeySchema, rawKey, 'Idempotency-Key', 'Idempotency-Key');
      Object.assign(track.entry, { caseId: input.caseId ?? null, clientId: input.clientId ?? null, start: new Date(input.start).toISOString() });
      track.entry.request = `book ${new Date(input.start).toISOString()} for ${input.attendee.name} (event type ${agent.eventTypeId}, key ${key})`;
      if (input.caseId && deps.records && !deps.records.getCase(input.caseId)) {
        throw new BookingError({ reason: 'unknown_record', issues: [{ path: 'case_id', message: 'no such case' }] }, `No case with id "${input.caseId}" in the console; nothing was booked. Send the case's Kayse id, or leave case_id out.`);
      }
      if (input.clientId && deps.records && !deps.records.getClient(input.clientId)) {
        throw new BookingError({ reason: 'unknown_record', issues: [{ path: 'client_id', message: 'no such client' }] }, `No client with id "${input.clientId}" in the console; nothing was booked. Send the client's Kayse id, or leave client_id out.`);
      }

      const hash = requestHash({ agentId: agent.id, ...input });
      const reused = (agentOfKey: string) =>
        new BookingError(
          { reason: 'idempotency_key_reused', issues: [{ path: 'Idempotency-Key', message: 'used before for another request' }] },
          `Idempotency-Key "${key}" was already used for a different booking request (agent ${agentOfKey}); nothing was booked. Use a new key for a new booking, and the same key only to retry the same request.`,
        );
      const stored = keys.get(key);
      if (stored && stored.requestHash !== hash) throw reused(stored.agentId);
      if (stored) {
        track.entry.bookingUid = stored.bookingUid;
        track.ok(`replayed booking ${stored.bookingUid}`, 'replayed');
        return { booking: JSON.parse(stored.response!) as BookingAnswer, replayed: true };
      }
      const running = inFlight.get(key);
      if (running && running.hash !== hash) throw reused(running.agentId);
      if (running) {
        const answer = await awaitInFlight(key, running.settled, deadline);
        track.entry.bookingUid = answer.uid;
        track.ok(`replayed booking ${answer.uid} (made by the first request with this key)`, 'replayed');
        return { booking: answer, replayed: true };
      }
      // Held before the first await: a retry arriving from now on waits for this booking.
      let settle!: { resolve: (a: BookingAnswer) => void; reject: (e: unknown) => void };
      const settled = new Promise<BookingAnswer>((resolve, reject) => (settle = { resolve, reject }));
      settled.catch(() => undefined);
      inFlight.set(key, { hash, agentId: agent.id, settled });

      let client;
      try {
        client = await connectedClient(deps);
      } catch (error) {
        inFlight.delete(key);
        settle.reject(error);
        throw error;
      }
      const timeZone = deps.company.get().timezone;
      const attendee = input.attendee;
      const metadata: Record<string, string> = { kayse_agent_id: agent.id, kayse_idempotency_key: key };
      if (input.caseId) metadata.kayse_case_id = input.caseId;
      if (input.clientId) metadata.kayse_client_id = input.clientId;
      const answerOf = (b: Parameters<typeof toBookingAnswer>[0]) =>
        toBookingAnswer(b, { timeZone, now: deps.clock.now(), agentId: agent.id, attendee, caseId: input.caseId ?? null, clientId: input.clientId ?? null });

      let abandoned: Promise<Parameters<typeof answerOf>[0]> | undefined;
      try {
        const { value, attempts } = await withinBudget(
          deadline,
          () => client.book({ eventTypeId: agent.eventTypeId, start: input.start, attendee: { name: attendee.name, timeZone, email: attendee.email, phoneNumber: attendee.phone }, metadata }),
          { onAbandoned: (late) => (abandoned = late) },
        );
        const answer = answerOf(value);
        Object.assign(track.entry, { attempts, bookingUid: value.uid });
        writeTransaction(deps.sqlite, () => {
          keys.saveBooked(key, hash, agent.id, value.uid, answer);
          track.ok(`${value.status} ${value.uid} at ${value.start}`);
        });
        inFlight.delete(key);
        settle.resolve(answer);
        return { booking: answer, replayed: false };
      } catch (error) {
        if (abandoned) {
          // Still on its way: the key stays claimed until Cal.com answers; the row is settled then.
          const failure = toBookingError(error, { operation: 'book', subject: 'event_type', eventTypeId, budgetMs });
          const rowId = track.failed(failure);
          abandoned.then(
            (b) => {
              const answer = answerOf(b);
              writeTransaction(deps.sqlite, () => {
                keys.saveBooked(key, hash, agent.id, b.uid, answer);
                log.settleLate(rowId, { outcome: 'late_ok', answer: `${b.status} ${b.uid} at ${b.start} (after the caller was answered)`, bookingUid: b.uid });
              });
              settle.resolve(answer);
            },
            (late: unknown) => {
              log.settleLate(rowId, { outcome: 'failed', answer: `after the caller was answered: ${late instanceof Error ? late.message : String(late)}` });
              deps.logger?.warn({ key, err: late }, 'a booking abandoned at the time budget failed');
              settle.reject(failure);
            },
          ).finally(() => inFlight.delete(key));
          throw failure;
        }
        inFlight.delete(key);
        let alternatives;
        if (needsAlternatives(error)) alternatives = (await nextFreeSlots(client, agent.eventTypeId, new Date(input.start), timeZone, deps.clock.now(), deadline)).slots;
        const failure = toBookingError(error, { operation: 'book', subject: 'event_type', eventTypeId, budgetMs, alternatives });
        settle.reject(failure);
        throw failure;
      }
    } catch (error) {
      const failure = toBookingError(error, { operation: 'book', subject: 'event_type', eventTypeId, budgetMs });
      track.failed(failure);
      throw failure;
    }
  };
}
