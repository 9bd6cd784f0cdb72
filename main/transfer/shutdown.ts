// Stopping background imports and exports when the console closes: `close()` marks them cancelled (they check
// between chunks or pages and stop, failing their task) and waits for them, so that the database is closed only
// once nothing of theirs still runs. What an import committed before it stopped stays committed.
import { AppError } from '../../shared/result';

export const SHUTDOWN_MESSAGE = 'stopped: the console is shutting down';

export interface TransferShutdown {
  /** Aborted, with an Error saying SHUTDOWN_MESSAGE as its reason, once `close()` is called. */
  readonly signal: AbortSignal;
  /** True when `error` is the stop this shutdown asked for (not a fault). */
  isStop(error: unknown): boolean;
  /** Refuses to start `what` once closing. */
  assertOpen(what: string): void;
  /** Keeps `work` until it settles, for `close()` to wait for; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Stops everything tracked and resolves once all of it has settled (never rejects). */
  close(): Promise<void>;
}

export function createTransferShutdown(): TransferShutdown {
  const controller = new AbortController();
  const running = new Set<Promise<unknown>>();
  return {
    signal: controller.signal,
    isStop: (error) => controller.signal.aborted && error === controller.signal.reason,
    assertOpen(what) {
      if (controller.signal.aborted) throw new AppError('CONFLICT', `The console is shutting down; no new ${what} can start.`);
    },
    track(work) {
      running.add(work);
      const forget = () => void running.delete(work);
      work.then(forget, forget);
      return work;
    },
    async close() {
      if (!controller.signal.aborted) controller.abort(new Error(SHUTDOWN_MESSAGE));
      await Promise.allSettled([...running]);
    },
  };
}
