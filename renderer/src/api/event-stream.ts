// The headless host's event stream (SSE on /events), with its connection state for the screens: live,
// reconnecting (dropped, trying again), lost (still down after a while, or refused). It reconnects by itself:
// the browser retries a dropped stream, and when the browser gives up (an error answer) a new one is opened with
// a growing pause, so the console comes back on its own once the host does.
import { events, type ContractEvents } from '../../../shared/contract';
import type { EventSubscriber } from '../../../shared/rpc';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'lost';

/** How the screens follow the stream's state. */
export interface LiveConnection {
  state(): LiveState;
  /** Called on every change of state; returns the unsubscribe function. */
  onChange(listener: (state: LiveState) => void): () => void;
}

/** Reconnecting for longer than this reads as lost (the retries go on). */
export const LOST_AFTER_MS = 8_000;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 15_000;

/** A connection that never drops: Electron's IPC lives as long as the window. */
export const alwaysLive: LiveConnection = { state: () => 'live', onChange: () => () => undefined };

/** One EventSource for all contract events, listeners multiplexed on top of it, and its state. */
export function sseEvents(url = '/events'): { events: EventSubscriber<ContractEvents>; connection: LiveConnection } {
  let source: EventSource | undefined;
  let state: LiveState = 'connecting';
  let lostTimer: ReturnType<typeof setTimeout> | undefined;
  let retryMs = RETRY_MIN_MS;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const watchers = new Set<(state: LiveState) => void>();

  const setState = (next: LiveState) => {
    if (next === state) return;
    state = next;
    for (const w of watchers) w(next);
  };
  const clearLostTimer = () => {
    if (lostTimer !== undefined) clearTimeout(lostTimer);
    lostTimer = undefined;
  };

  const listen = (target: EventSource, name: string) =>
    target.addEventListener(name, (message) => {
      let data: unknown;
      try {
        data = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return;
      }
      const parsed = events[name as keyof ContractEvents].safeParse(data);
      if (!parsed.success) return;
      for (const l of listeners.get(name) ?? []) l(parsed.data);
    });

  const open = () => {
    const next = new EventSource(url, { withCredentials: true });
    source = next;
    for (const name of listeners.keys()) listen(next, name);
    next.onopen = () => {
      clearLostTimer();
      retryMs = RETRY_MIN_MS;
      setState('live');
    };
    next.onerror = () => {
      if (next.readyState === EventSource.CLOSED) {
        // The browser gave up on this stream (an error answer): open a new one after a pause.
        setState('lost');
        clearLostTimer();
        setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        return;
      }
      // Dropped: the browser is already retrying.
      if (state === 'live' || state === 'connecting') setState('reconnecting');
      lostTimer ??= setTimeout(() => {
        lostTimer = undefined;
        if (state === 'reconnecting') setState('lost');
      }, LOST_AFTER_MS);
    };
  };

  const ensure = (name: string) => {
    if (!source) open();
    if (listeners.has(name)) return;
    listeners.set(name, new Set());
    if (source) listen(source, name);
  };

  return {
    events: {
      on(name, listener) {
        ensure(name);
        const set = listeners.get(name)!;
        const l = listener as (payload: unknown) => void;
        set.add(l);
        return () => set.delete(l);
      },
    },
    connection: {
      state: () => state,
      onChange(listener) {
        watchers.add(listener);
        return () => watchers.delete(listener);
      },
    },
  };
}
