// The booking API's refusals, each a typed AppError with a `reason` the voice platform (and the "Try it" panel)
// decides by, the HTTP status the booking routes answer with, and a message naming the problem and what to do.
import { AppError, type ErrorCode, type FieldIssue } from '../../../shared/result';

export const BOOKING_ERROR_REASONS = {
  /** A field of the request is missing or malformed: `issues` names each. */
  invalid_input: { code: 'INVALID_INPUT', status: 400 },
  /** No agent with that id in the workspace. */
  unknown_agent: { code: 'NOT_FOUND', status: 404 },
  /** The case or client named by the booking doesn't exist. */
  unknown_record: { code: 'UNPROCESSABLE', status: 422 },
  /** Cal.com doesn't know the booking (cancel, reschedule). */
  booking_not_found: { code: 'NOT_FOUND', status: 404 },
  /** The agent's Appointment Booking toggle is off (or it has no Event Type ID). */
  booking_off: { code: 'FORBIDDEN', status: 403 },
  /** No Cal.com key is connected. */
  scheduling_disconnected: { code: 'UNPROCESSABLE', status: 422 },
  /** Cal.com refused the stored key (revoked, expired). */
  scheduling_key_refused: { code: 'UNPROCESSABLE', status: 422 },
  /** Cal.com doesn't find the agent's event type. */
  event_type_not_found: { code: 'UNPROCESSABLE', status: 422 },
  /** The slot was taken since it was listed: `alternatives` holds the next free ones. */
  slot_taken: { code: 'CONFLICT', status: 409 },
  /** Too soon (minimum notice) or too far ahead (the booking window); `alternatives` too. */
  outside_window: { code: 'UNPROCESSABLE', status: 422 },
  in_the_past: { code: 'UNPROCESSABLE', status: 422 },
  /** Cal.com refused the request for another reason (its message is quoted). */
  rejected: { code: 'UNPROCESSABLE', status: 422 },
  /** The Idempotency-Key was used before for a different request. */
  idempotency_key_reused: { code: 'UNPROCESSABLE', status: 422 },
  /** A request with the same Idempotency-Key is still on its way: retry shortly with the same key. */
  idempotency_in_progress: { code: 'CONFLICT', status: 409 },
  /** Cal.com failed, was slow, or is limiting requests: try again shortly (Retry-After). */
  unavailable: { code: 'UPSTREAM_ERROR', status: 503 },
} as const satisfies Record<string, { code: ErrorCode; status: number }>;
export type BookingErrorReason = keyof typeof BOOKING_ERROR_REASONS;

/** A free slot as the voice agent hears it. */
export interface SpokenSlot {
  /** ISO time with the company timezone's offset ("2026-12-08T14:30:00.000-05:00"). */
  start: string;
  /** "Tuesday, December 8 at 2:30 PM" in the company timezone. */
  spoken: string;
}

export interface BookingErrorDetails {
  reason: BookingErrorReason;
  issues?: FieldIssue[];
  /** slot_taken / outside_window: the next free slots (at most three). */
  alternatives?: SpokenSlot[];
  /** unavailable / idempotency_in_progress: when to try again. */
  retryAfterSeconds?: number;
  /** Cal.com's own words, when it refused. */
  providerMessage?: string;
}

/** A refused or failed booking API call; `status` is its HTTP status. */
export class BookingError extends AppError {
  readonly reason: BookingErrorReason;
  readonly status: number;
  constructor(
    readonly bookingDetails: BookingErrorDetails,
    message: string,
  ) {
    super(BOOKING_ERROR_REASONS[bookingDetails.reason].code, message, bookingDetails);
    this.name = 'BookingError';
    this.reason = bookingDetails.reason;
    this.status = BOOKING_ERROR_REASONS[bookingDetails.reason].status;
  }
}

/** True for a BookingError of one of `reasons` (any when none given). */
export const isBookingError = (error: unknown, ...reasons: BookingErrorReason[]): error is BookingError =>
  error instanceof BookingError && (reasons.length === 0 || reasons.includes(error.reason));

/** 400 naming each bad field. */
export const invalidInput = (what: string, issues: FieldIssue[]) =>
  new BookingError({ reason: 'invalid_input', issues }, `Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}. Nothing was booked.`);
