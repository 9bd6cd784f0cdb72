// The typed failures of a scheduling connector (Cal.com): the booking API and the screens decide by kind (offer
// other slots when one was taken, say "try again shortly" when unavailable, ask for a new key when it is refused)
// and show the message: what happened, in Cal.com's words where it gave any, and what to do. CrmError's kinds
// don't fit (a slot taken, a booking window), so scheduling has its own beside them.
import { AppError } from '../../../shared/result';

export const SCHEDULING_ERROR_KINDS = [
  /** 401: the API key is unknown, revoked or expired (`expired` says which when Cal.com said so). */
  'invalid_key',
  /** 404: no such event type (or a team event type the key's owner doesn't own), or no such booking. */
  'not_found',
  /** The slot is no longer free (booked since it was listed, or outside the host's availability). */
  'slot_taken',
  /** Too soon (minimum notice) or too far ahead (the event type's booking window). */
  'outside_window',
  /** The start is in the past. */
  'in_the_past',
  /** Another 4xx: Cal.com refused the request; its message says why. */
  'rejected',
  /** 429: wait `retryAfterMs` (until Cal.com's reset). */
  'rate_limited',
  /** 5xx, timeout, refused or reset connection, TLS failure: try again shortly. */
  'unavailable',
  /** A booking write whose answer never came: it may have been made; look before booking again. */
  'unknown_outcome',
  /** Cal.com answered, but not in the shape we know: `path` names where. */
  'bad_response',
] as const;
export type SchedulingErrorKind = (typeof SCHEDULING_ERROR_KINDS)[number];

export interface SchedulingErrorDetails {
  provider: 'calcom';
  kind: SchedulingErrorKind;
  /** What was being done: "check the API key", "list free slots", "book", … */
  operation: string;
  status?: number;
  /** Cal.com's own message (its error envelope's `error.message`), when it gave one. */
  providerMessage?: string;
  /** rate_limited: how long until Cal.com accepts requests again. */
  retryAfterMs?: number;
  /** bad_response: where in the answer it broke (`data.start`, `(body)`, `(redirect)`). */
  path?: string;
  /** invalid_key: Cal.com said the key expired. */
  expired?: boolean;
}

/** A scheduling call that failed, by kind; an AppError so that it crosses the contract with its details. */
export class SchedulingError extends AppError {
  constructor(
    readonly schedulingDetails: SchedulingErrorDetails,
    message: string,
    cause?: unknown,
  ) {
    super('UPSTREAM_ERROR', message, schedulingDetails);
    this.name = 'SchedulingError';
    if (cause !== undefined) this.cause = cause;
  }

  get kind(): SchedulingErrorKind {
    return this.schedulingDetails.kind;
  }
}

/** True for a SchedulingError of one of `kinds` (any kind when none is given). */
export const isSchedulingError = (error: unknown, ...kinds: SchedulingErrorKind[]): error is SchedulingError =>
  error instanceof SchedulingError && (kinds.length === 0 || kinds.includes(error.kind));
