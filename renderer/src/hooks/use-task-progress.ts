// Follows the `task.progress` events of background work (imports, exports) by task id.
import { useEffect, useState } from 'react';
import type { ContractEvents } from '../../../shared/contract';
import type { EventPayload } from '../../../shared/rpc';
import { useBridge } from '../api/client';

export type TaskProgress = EventPayload<ContractEvents, 'task.progress'>;

/** Tasks remembered at once: plenty for one screen, bounded however many other windows start work. */
const KEEP = 20;

/** A task by id; or, for work whose id comes back only when it is done (a dry run), the running task of a kind. */
export type TaskSelector = string | { running: string } | null;

/**
 * The latest progress of the selected task. It listens from mount rather than from when the id is known,
 * because a small import can report its first steps (or all of them) before the call that started it answers.
 * `{ running: kind }` picks the most recently updated unfinished task of that kind: with two windows checking
 * files at the same moment it may show the other one's, which is why it is only for work without an id.
 */
export function useTaskProgress(selector: TaskSelector): TaskProgress | undefined {
  const bridge = useBridge();
  const [latest, setLatest] = useState<ReadonlyMap<string, TaskProgress>>(() => new Map());
  useEffect(
    () =>
      bridge.events.on('task.progress', (progress) =>
        setLatest((previous) => {
          const next = new Map(previous);
          next.delete(progress.taskId);
          next.set(progress.taskId, progress);
          for (const id of next.keys()) {
            if (next.size <= KEEP) break;
            next.delete(id);
          }
          return next;
        }),
      ),
    [bridge],
  );
  if (selector === null) return undefined;
  if (typeof selector === 'string') return latest.get(selector);
  return [...latest.values()].reverse().find((p) => p.kind === selector.running && !p.finished);
}
