// Test kit: following the kernel's long tasks (imports, exports, bulk replays, bundle exports, demo seeding) through
// their `task.progress` events, with one bounded wait for a task's last event.
import type { ContractEvents } from '../../shared/contract';
import type { EventPayload, EventSubscriber } from '../../shared/rpc';

/** One `task.progress` event. */
export type TaskProgress = EventPayload<ContractEvents, 'task.progress'>;

/** What a watch has seen of the tasks since it began. */
export interface TaskWatch {
  /** Every `task.progress` event since the watch began, in order. */
  readonly seen: TaskProgress[];
  /** The events of one task. */
  of(taskId: string): TaskProgress[];
  /** Resolves with the task's events once its last one (finished) has arrived; rejects after `timeoutMs`. */
  finished(taskId: string, timeoutMs?: number): Promise<TaskProgress[]>;
  /** Stops recording. */
  stop(): void;
}

/** Records every `task.progress` event from now on (start watching before the task starts). */
export function watchTasks(events: EventSubscriber<ContractEvents>): TaskWatch {
  const seen: TaskProgress[] = [];
  const stop = events.on('task.progress', (p) => void seen.push(p));
  const of = (taskId: string) => seen.filter((p) => p.taskId === taskId);
  return {
    seen,
    of,
    stop,
    finished: (taskId, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!of(taskId).some((p) => p.finished)) return;
          clearTimeout(timer);
          off();
          resolve(of(taskId));
        };
        const timer = setTimeout(() => {
          off();
          reject(new Error(`task ${taskId} did not finish within ${timeoutMs} ms`));
        }, timeoutMs);
        // Checked on the next turn, so whatever the task does right after its last event (storing its result) is done.
        const off = events.on('task.progress', () => void setImmediate(check));
        check();
      }),
  };
}

/** Starts a task with `start` and waits until it has finished: what `start` returned plus the task's progress events. */
export async function waitForTask<T extends { taskId: string }>(
  events: EventSubscriber<ContractEvents>,
  start: () => Promise<T> | T,
  timeoutMs = 15_000,
): Promise<T & { progress: TaskProgress[] }> {
  const watch = watchTasks(events);
  try {
    const started = await start();
    return { ...started, progress: await watch.finished(started.taskId, timeoutMs) };
  } finally {
    watch.stop();
  }
}
