// Test fixture for runs and frequency: the push test on a manual clock whose timers (slot timers, batch windows,
// waits) fire only when the test moves the clock and says so, and helpers to read the runs.
import type { SyncRun } from '../../../shared/domain/sync-runs';
import { manualClock, type ManualClock } from '../../test-support/clock';
import { startPushTest, type PushTest } from './test-push';

export { runKeychain } from './test-push';

export interface ManualTimers {
  schedule(ms: number, wake: () => void): () => void;
  /** Fires every timer due at the clock's time. */
  fire(): void;
}

export function manualTimers(clock: ManualClock): ManualTimers {
  let timers: { at: number; wake: () => void }[] = [];
  return {
    schedule(ms, wake) {
      const timer = { at: clock.now().getTime() + ms, wake };
      timers.push(timer);
      return () => void (timers = timers.filter((t) => t !== timer));
    },
    fire() {
      const due = timers.filter((t) => t.at <= clock.now().getTime());
      timers = timers.filter((t) => !due.includes(t));
      for (const t of due) t.wake();
    },
  };
}

export interface RunTest extends PushTest {
  clock: ManualClock;
  timers: ManualTimers;
  runs(): SyncRun[];
}

/** The push test at `startIso` on a manual clock and manual timers. */
export async function startRunTest(startIso = '2026-11-26T20:00:00.000Z'): Promise<RunTest> {
  const clock = manualClock(startIso);
  const timers = manualTimers(clock);
  const t = await startPushTest({ clock, sync: { schedule: timers.schedule } });
  return Object.assign(t, { clock, timers, runs: () => t.core.sync.runs.store.page('smartadvocate', undefined, 200).runs });
}
