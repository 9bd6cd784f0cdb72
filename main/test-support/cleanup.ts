// Test kit: one list of things to close after a test (cores, servers, receivers, databases, temp dirs), closed in
// reverse order, every one of them even when the test or another clean-up failed. `useCleanup()` (use-cleanup.ts)
// runs it after each vitest test; the e2e fixtures run it after each Playwright test. Framework-free.
import { makeTempDir } from './temp-dir';

/** Something a test opened: closed with its `cleanup()` if it has one, else `close()`, else `remove()`. */
export type Closable = { cleanup(): unknown } | { close(): unknown } | { remove(): unknown };

export interface Cleanup {
  /** Runs `fn` after the test; what was added last runs first. */
  add(fn: () => unknown): void;
  /** Registers `thing` to be closed after the test and returns it. */
  use<T extends Closable>(thing: T): T;
  /** A fresh temp folder, removed after the test; returns its path. */
  tempDir(prefix?: string): string;
  /** Runs and forgets everything added, last first; throws the first failure once all have run. */
  run(): Promise<void>;
}

/** An empty clean-up list. */
export function createCleanup(): Cleanup {
  const pending: (() => unknown)[] = [];
  const closeOf = (thing: Closable) =>
    'cleanup' in thing ? () => thing.cleanup() : 'close' in thing ? () => thing.close() : () => thing.remove();
  return {
    add: (fn) => void pending.push(fn),
    use(thing) {
      pending.push(closeOf(thing));
      return thing;
    },
    tempDir(prefix) {
      const temp = makeTempDir(prefix);
      pending.push(() => temp.remove());
      return temp.dir;
    },
    async run() {
      const failures: unknown[] = [];
      for (const fn of pending.splice(0).reverse()) {
        try {
          await fn();
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length === 1) throw failures[0];
      if (failures.length > 1) throw new AggregateError(failures, `${failures.length} clean-ups failed`);
    },
  };
}
