// A live call can wait only so long: each booking API call runs against one deadline (default 2.5 s). Cal.com's
// 5xx, timeouts and refused connections are tried again while time is left; at the deadline the call answers
// "try again shortly" instead of waiting. Real time, not the injected clock: the caller on the phone waits in real
// time, and the clock of tests stands still.
//
// At the deadline a read (free slots) is aborted: its request ends then. A write (book, cancel, reschedule) is left
// to finish instead, because aborting a request Cal.com has received undoes nothing there, it only loses the answer:
// the caller gets its answer at once, and `onAbandoned` receives the write so that what lands late is still recorded
// (a booking's Idempotency-Key then answers with it). The client's own timeout bounds it.
import { isSchedulingError, type SchedulingError } from '../../connectors';

export const DEFAULT_TIME_BUDGET_MS = 2_500;
/** No new attempt starts with less than this left: it could not finish. */
const MIN_ATTEMPT_MS = 100;
const BACKOFF_MS = [50, 100, 200, 400];

export interface Deadline {
  readonly budgetMs: number;
  remainingMs(): number;
  elapsedMs(): number;
}

/** A deadline `budgetMs` from now (real time). */
export function startDeadline(budgetMs: number): Deadline {
  const started = performance.now();
  return {
    budgetMs,
    elapsedMs: () => performance.now() - started,
    remainingMs: () => Math.max(0, budgetMs - (performance.now() - started)),
  };
}

/** Every attempt's time ran out: nothing answered in the budget. */
export class BudgetExhausted extends Error {
  constructor(
    readonly attempts: number,
    /** The last failure before the deadline, if an attempt failed rather than hung. */
    readonly lastError: SchedulingError | undefined,
  ) {
    super('no answer within the time budget');
    this.name = 'BudgetExhausted';
  }
}

export interface BudgetOptions<T> {
  /** Aborts an attempt still running at the deadline (reads); otherwise it is abandoned to `onAbandoned`. */
  abortAtDeadline?: boolean;
  /** An attempt still running at the deadline (its outcome arrives later). */
  onAbandoned?: (attempt: Promise<T>) => void;
  /** Whether a failure may be tried again (default: Cal.com unavailable: 5xx, timeout, refused). */
  retryable?: (error: unknown) => boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, fails for good, or the deadline passes (BudgetExhausted). */
export async function withinBudget<T>(deadline: Deadline, attempt: (signal: AbortSignal) => Promise<T>, options: BudgetOptions<T> = {}): Promise<{ value: T; attempts: number }> {
  const retryable = options.retryable ?? ((error: unknown) => isSchedulingError(error, 'unavailable'));
  let attempts = 0;
  let lastError: SchedulingError | undefined;
  for (;;) {
    if (attempts > 0 && deadline.remainingMs() < MIN_ATTEMPT_MS) throw new BudgetExhausted(attempts, lastError);
    attempts += 1;
    const controller = new AbortController();
    const running = attempt(controller.signal);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), deadline.remainingMs());
    });
    try {
      const outcome = await Promise.race([running.then((value) => ({ value })), expired]);
      if (outcome !== 'expired') return { value: outcome.value, attempts };
      running.catch(() => undefined);
      if (options.abortAtDeadline) controller.abort(new Error('the time budget is spent'));
      else options.onAbandoned?.(running);
      throw new BudgetExhausted(attempts, lastError);
    } catch (error) {
      if (error instanceof BudgetExhausted || !retryable(error)) throw error;
      lastError = error as SchedulingError;
      const pause = Math.min(BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]!, deadline.remainingMs() - MIN_ATTEMPT_MS);
      if (pause < 0) throw new BudgetExhausted(attempts, lastError);
      await sleep(pause);
    } finally {
      clearTimeout(timer);
    }
  }
}
