// The current time for relative timestamps, refreshed every half minute (one timer per mounted user).
import { useSyncExternalStore } from 'react';

const TICK_MS = 30_000;

const subscribe = (onTick: () => void) => {
  const timer = setInterval(onTick, TICK_MS);
  return () => clearInterval(timer);
};
// Rounded to the tick, so repeated reads within one render agree.
const snapshot = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;

/** Now (ms since the epoch), re-rendering the caller as time passes. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
