// Background imports and exports by task id, kept in memory until the console restarts; only the most recent
// ones are kept so that finished exports don't pile up.
import { AppError } from '../../shared/result';
import type { EventBus } from '../core/event-bus';
import { newId } from '../workspace/records';

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
}

/** A registry that keeps the latest `keep` tasks and reports progress on the event bus. */
export function createTaskRegistry<S>(events: EventBus, prefix: string, keep = 20): TaskRegistry<S> {
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
    for (const [id, task] of tasks) {
      if (tasks.size <= keep) break;
      if (task.status !== 'running') tasks.delete(id);
    }
  };
  return {
    start(kind, state, total) {
      const task: Task<S> = { id: newId(prefix), kind, status: 'running', phase: 'starting', done: 0, total, error: null, state };
      tasks.set(task.id, task);
      prune();
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
      emit(task);
    },
    fail(task, error) {
      task.status = 'failed';
      task.phase = 'failed';
      task.error = error;
      emit(task);
    },
    get(id, what) {
      const task = tasks.get(id);
      if (!task) {
        throw new AppError('NOT_FOUND', `No ${what} with task id "${id}". Results are kept in memory for the latest ${keep} ${what}s until the console restarts; run it again.`);
      }
      return task;
    },
  };
}
