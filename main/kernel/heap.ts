// A full garbage collection on request, for long jobs that stream through much more data than they keep (the
// initial sync of 100,000 CRM records). V8 lets the old generation grow well past the live heap before it collects
// it: the built host's peak RSS during that sync varied 225–319 MB over runs with ~70 MB live, all of it collected
// garbage (--trace-gc). A collection every few thousand records keeps the heap near what is live, so the peak stays
// predictable; each costs a few milliseconds on a heap this size.
// `gc` is not exposed without --expose-gc, which can't be given to Electron's main process on its command line by
// the firm; V8 accepts the flag at run time and hands the function to a new context.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** Runs a full collection now; false when this runtime doesn't allow it (nothing happens then). */
export function collectGarbage(): boolean {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
  return gc !== null;
}
