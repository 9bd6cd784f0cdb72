// Test kit (vitest): `const cleanup = useCleanup()` at the top of a file or describe block replaces hand-written
// afterEach clean-up: whatever a test registers is closed after it, last first, even when the test failed.
import { afterEach } from 'vitest';
import { createCleanup, type Cleanup } from './cleanup';

export type { Cleanup, Closable } from './cleanup';

/** A clean-up list run after each test of the enclosing file or describe block. */
export function useCleanup(): Cleanup {
  const cleanup = createCleanup();
  afterEach(() => cleanup.run());
  return cleanup;
}
