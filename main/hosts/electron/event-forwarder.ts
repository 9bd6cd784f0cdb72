// Pushes core events to the window, holding them until the renderer says it has subscribed (a window that is
// still loading would otherwise miss them).
import type { WebContents } from 'electron';
import { IPC_EVENT } from '../../../shared/ipc-channels';
import type { EventBus } from '../../core';

const MAX_HELD = 500;

export interface EventForwarder {
  /** The window's renderer subscribed: flush what was held and send live from now on. */
  ready(contents: WebContents): void;
  /** The window went away or reloads: hold again. */
  reset(): void;
  dispose(): void;
}

export function forwardEvents(bus: EventBus): EventForwarder {
  let target: WebContents | undefined;
  const held: [string, unknown][] = [];
  const unsubscribe = bus.onAny((name, payload) => {
    if (target && !target.isDestroyed()) target.send(IPC_EVENT, name, payload);
    else {
      held.push([name, payload]);
      if (held.length > MAX_HELD) held.shift();
    }
  });
  return {
    ready(contents) {
      target = contents;
      for (const [name, payload] of held.splice(0)) contents.send(IPC_EVENT, name, payload);
    },
    reset() {
      target = undefined;
    },
    dispose: unsubscribe,
  };
}
