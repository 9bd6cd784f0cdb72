// Long-running work (imports, exports, bulk replays, demo seeding) by task id, kept in memory until the console
// restarts; only the most recent finished ones are kept (each service says how many) so results don't pile up.
import { AppError } from '../../shared/result';
import type { EventBus } from './event-bus';
import { ulidIds, type IdGenerator } from './ids';

export interface Task<S> {
  id: string;
  kind: string;
  status: 'running' | 'finished' | 'failed';
  phase: string;
  done: number;
  total: number | null;
  error: string | null;
  state: S;
}

export interface TaskRegistry<S> {
  /** A new running task; its first progress event is emitted at once. */
  start(kind: string, state: S, total: number | null): Task<S>;
  /** Moves a task on and emits `task.progress`. */
  progress(task: Task<S>, phase: string, done: number, total?: number | null): void;
  finish(task: Task<S>): void;
  fail(task: Task<S>, error: string): void;
  /** The task, or NOT_FOUND naming what is kept. */
  get(id: string, what: string): Task<S>;
  /** The task, if it is kept. */
  find(id: string): Task<S> | undefined;
}

/**
 * A registry that reports progress on the event bus and keeps every running task plus the latest `keep` finished
 * or failed ones (the oldest is dropped when another one ends).
 */
export function createTaskRegistry<S>(events: EventBus, prefix: string, keep = 20, ids: IdGenerator = ulidIds): TaskRegistry<S> {
  const tasks = new Map<string, Task<S>>();
  const emit = (task: Task<S>) =>
    events.emit('task.progress', {
      taskId: task.id,
      kind: task.kind,
      phase: task.phase,
      done: task.done,
      total: task.total,
      finished: task.status !== 'running',
      error: task.error,
    });
  const prune = () => {
    let ended = 0;
    for (const task of tasks.values()) if (task.status !== 'running') ended += 1;
    for (const [id, task] of tasks) {
      if (ended <= keep) break;
      if (task.status === 'running') continue;
      tasks.delete(id);
      ended -= 1;
    }
  };
  return {
    start(kind, state, total) {
      const task: Task<S> = { id: ids.next(prefix), kind, status: 'running', phase: 'starting', done: 0, total, error: null, state };
      tasks.set(task.id, task);
      emit(task);
      return task;
    },
    progress(task, phase, done, total) {
      task.phase = phase;
      task.done = done;
      if (total !== undefined) task.total = total;
      emit(task);
    },
    finish(task) {
      task.status = 'finished';
      task.phase = 'done';
      prune();
      emit(task);
    },
    fail(task, error) {
      task.status = 'failed';
      task.phase = 'failed';
      task.error = error;
      prune();
      emit(task);
    },
    get(id, what) {
      const task = tasks.get(id);
      if (!task) {
        throw new AppError('NOT_FOUND', `No ${what} with task id "${id}". Results are kept in memory for the latest ${keep} ${what}s until the console restarts; run it again.`);
      }
      return task;
    },
    find: (id) => tasks.get(id),
  };
}
