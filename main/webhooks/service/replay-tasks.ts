// Bulk replay: queue a manual attempt for every failed delivery of a webhook in a time range, in chunks that
// yield to the event loop, reporting task.progress and stoppable by cancel (queued ones stay queued).
import { createTaskRegistry, type Clock, type EventBus, type IdGenerator } from '../../kernel';
import type { Logger } from '../../log';
import { AppError } from '../../../shared/result';
import type { TableName } from '../../../shared/domain/tables';
import type { DeliveryEngine } from '../engine/delivery-engine';
import type { DeliveryStore } from '../store/delivery-store';
import type { WebhookStore } from '../store/webhook-store';

const CHUNK = 500;

export interface ReplayTasks {
  replayFailed(webhookId: string, fromIso: string, toIso: string): { taskId: string; total: number };
  cancel(taskId: string): boolean;
  /** Stops every running replay (the core is closing). */
  close(): void;
}

export function createReplayTasks(deps: {
  deliveries: DeliveryStore;
  webhooks: WebhookStore;
  engine: DeliveryEngine;
  events: EventBus;
  clock: Clock;
  /** Task ids (default: ULIDs). */
  ids?: IdGenerator;
  logger: Logger;
  changed: (tables: TableName[]) => void;
}): ReplayTasks {
  const registry = createTaskRegistry<{ cancelled: boolean }>(deps.events, 'replay_', 10, deps.ids);
  const running = new Set<{ cancelled: boolean }>();

  return {
    replayFailed(webhookId, fromIso, toIso) {
      // Deleted webhooks keep their log but are never sent to again.
      deps.webhooks.get(webhookId);
      const from = new Date(fromIso).toISOString();
      const to = new Date(toIso).toISOString();
      if (from >= to) {
        throw new AppError('INVALID_INPUT', 'The time range is empty: "from" must be before "to".', { issues: [{ path: 'to', message: 'must be after from' }] });
      }
      const total = deps.deliveries.countFailedIn(webhookId, from, to);
      const state = { cancelled: false };
      const task = registry.start('webhooks.replay', state, total);
      running.add(state);
      let afterId = '';
      let done = 0;
      const step = () => {
        try {
          if (state.cancelled) {
            registry.fail(task, `Cancelled after ${done} of ${total} deliveries were queued again`);
            running.delete(state);
            return;
          }
          const ids = deps.deliveries.failedIn(webhookId, from, to, afterId, CHUNK);
          const nowMs = deps.clock.now().getTime();
          for (const id of ids) if (deps.deliveries.replay(id, nowMs)) done += 1;
          if (ids.length > 0) {
            afterId = ids[ids.length - 1]!;
            deps.changed(['webhook_deliveries']);
            deps.engine.wake();
          }
          if (ids.length < CHUNK) {
            registry.progress(task, 'queued', done, total);
            registry.finish(task);
            running.delete(state);
            return;
          }
          registry.progress(task, 'queueing', done, total);
          setImmediate(step);
        } catch (error) {
          deps.logger.error({ err: error, webhookId }, 'bulk replay failed');
          registry.fail(task, error instanceof Error ? error.message : String(error));
          running.delete(state);
        }
      };
      setImmediate(step);
      return { taskId: task.id, total };
    },
    cancel(taskId) {
      const task = registry.find(taskId);
      if (!task || task.status !== 'running') return false;
      task.state.cancelled = true;
      return true;
    },
    close() {
      for (const state of running) state.cancelled = true;
    },
  };
}
