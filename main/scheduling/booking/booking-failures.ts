// Cal.com's typed failures (and a spent time budget) as the booking API's refusals: each says what happened and
// what to do, in words a voice platform's developer (and the "Try it" panel) can act on.
import { isSchedulingError, type SchedulingError } from '../../connectors';
import { BookingError, type SpokenSlot } from './booking-errors';
import { BudgetExhausted } from './time-budget';

export interface FailureContext {
  /** "list free slots", "book", "cancel booking abc", … */
  operation: string;
  /** What the operation was about, for not_found: "event type 501 of agent Intake" or "booking abc". */
  subject: 'event_type' | 'booking';
  eventTypeId?: number | null;
  bookingUid?: string;
  budgetMs: number;
  /** For slot_taken and outside_window: the next free slots, already fetched. */
  alternatives?: SpokenSlot[];
}

const RECONNECT = 'An administrator connects a new key in Settings → Integrations → Scheduling.';
const offered = (alternatives: SpokenSlot[] | undefined) =>
  alternatives && alternatives.length > 0
    ? ` The next free slots: ${alternatives.map((a) => a.spoken).join('; ')}.`
    : ' No other free slot was found in the next two weeks.';

/** The BookingError for `error` (a BookingError as is; anything else not ours is returned unchanged). */
export function toBookingError(error: unknown, ctx: FailureContext): unknown {
  if (error instanceof BookingError) return error;
  if (error instanceof BudgetExhausted) {
    const last = error.lastError ? ` (last failure: ${error.lastError.message})` : '';
    return new BookingError(
      { reason: 'unavailable', retryAfterSeconds: 1 },
      `Cal.com did not ${ctx.operation} within the ${ctx.budgetMs} ms time budget after ${error.attempts} attempt(s)${last}. Try again shortly.`,
    );
  }
  if (!isSchedulingError(error)) return error;
  return fromScheduling(error, ctx);
}

function fromScheduling(error: SchedulingError, ctx: FailureContext): BookingError {
  const said = error.schedulingDetails.providerMessage;
  const provider = said ? { providerMessage: said } : {};
  switch (error.kind) {
    case 'invalid_key':
      return new BookingError(
        { reason: 'scheduling_key_refused', ...provider },
        `Cal.com refused the console's API key${error.schedulingDetails.expired ? ' (it has expired)' : ''} while trying to ${ctx.operation}; nothing was booked. ${RECONNECT}`,
      );
    case 'not_found':
      return ctx.subject === 'booking'
        ? new BookingError({ reason: 'booking_not_found', ...provider }, `Cal.com has no booking ${ctx.bookingUid ?? ''}: check the booking id (the uid the booking call answered).`)
        : new BookingError(
            { reason: 'event_type_not_found', ...provider },
            `Cal.com has no event type ${ctx.eventTypeId ?? ''} for this key: fix the agent's Event Type ID in Workspace → Agents (the number at the end of the event type's editor URL).`,
          );
    case 'slot_taken':
      return new BookingError(
        { reason: 'slot_taken', alternatives: ctx.alternatives ?? [], ...provider },
        `That slot is no longer free (it was booked since it was listed); nothing was booked.${offered(ctx.alternatives)}`,
      );
    case 'outside_window':
      return new BookingError(
        { reason: 'outside_window', alternatives: ctx.alternatives ?? [], ...provider },
        `That time is too soon (minimum notice) or too far ahead (the booking window) for this event type; nothing was booked.${offered(ctx.alternatives)}`,
      );
    case 'in_the_past':
      return new BookingError({ reason: 'in_the_past', alternatives: ctx.alternatives ?? [], ...provider }, `That time is in the past; nothing was booked.${offered(ctx.alternatives)}`);
    case 'rejected':
      return new BookingError({ reason: 'rejected', ...provider }, `Cal.com refused to ${ctx.operation}: ${said ?? error.message}`);
    case 'rate_limited': {
      const seconds = Math.max(1, Math.ceil((error.schedulingDetails.retryAfterMs ?? 60_000) / 1000));
      return new BookingError({ reason: 'unavailable', retryAfterSeconds: seconds }, `Cal.com is limiting requests for the console's key (120 a minute); try again in ${seconds} s.`);
    }
    case 'unknown_outcome':
      return new BookingError(
        { reason: 'unavailable', retryAfterSeconds: 1, ...provider },
        `Cal.com did not answer the request to ${ctx.operation}; it may have gone through. Try again shortly with the same Idempotency-Key: that never books twice (if the retry finds the slot taken, this request probably booked it: look in Cal.com before offering another time).`,
      );
    case 'unavailable':
    case 'bad_response':
      return new BookingError({ reason: 'unavailable', retryAfterSeconds: 1, ...provider }, `${error.message} Try again shortly.`.replace('shortly. Try again shortly.', 'shortly.'));
  }
}

/** Failures that come with the next free slots. */
export const needsAlternatives = (error: unknown) => isSchedulingError(error, 'slot_taken', 'outside_window', 'in_the_past');
