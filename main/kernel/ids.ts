// Ids are injected like the clock: production uses sortable ULIDs, tests can pass a generator that gives
// predictable ids. `newId` remains for code that has no injected generator yet.
import { monotonicFactory } from 'ulid';

/** Makes new unique ids, optionally with a type prefix such as "evt_". */
export interface IdGenerator {
  next(prefix?: string): string;
}

const monotonic = monotonicFactory();

/** Sortable unique ids (ULID, monotonic within a millisecond), optionally with a type prefix such as "evt_". */
export const newId = (prefix = ''): string => `${prefix}${monotonic()}`;

/** The production generator: ULIDs. */
export const ulidIds: IdGenerator = { next: newId };

/** Ids `<prefix><counter>` in creation order, zero-padded so that they sort like ULIDs do (for tests). */
export function sequentialIds(start = 1): IdGenerator {
  let n = start;
  return { next: (prefix = '') => `${prefix}${String(n++).padStart(26, '0')}` };
}
