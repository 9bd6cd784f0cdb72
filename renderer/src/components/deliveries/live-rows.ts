// The loaded part of a newest-first, cursor-paged list that keeps changing: pages are merged into one ordered set
// of rows, so new rows join at the top and changed rows update in place (never a reload that loses the user's
// place). Each page replaces exactly the id range it covers, so rows that left the filter disappear from it.

/** Rows are ordered by id, newest (largest) first, as the delivery log's ids are ULIDs. */
export interface LiveRow {
  id: string;
}

export interface LiveRows<T extends LiveRow> {
  rows: readonly T[];
  /** The cursor that lists the rows older than a row, for rows that ended a full page. */
  cursorAfter: ReadonlyMap<string, string>;
  /** True once a page reached the end of the list. */
  end: boolean;
}

export interface Page<T> {
  rows: readonly T[];
  nextCursor: string | null;
}

/** A page and where it was asked from: the newest rows (no `afterId`), or those older than row `afterId`. */
export interface PageRequest {
  afterId?: string;
}

export const emptyRows = <T extends LiveRow>(): LiveRows<T> => ({ rows: [], cursorAfter: new Map(), end: false });

const newestFirst = (a: LiveRow, b: LiveRow) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Merges one page: the rows in its id range — below `afterId` (or from the top), down to its last row (or to the
 * end when it was the last page) — become exactly the page's rows.
 */
export function mergePage<T extends LiveRow>(state: LiveRows<T>, page: Page<T>, request: PageRequest = {}): LiveRows<T> {
  const { afterId } = request;
  const last = page.rows.at(-1);
  const lowest = page.nextCursor === null ? undefined : last?.id;
  const inRange = (id: string) => (afterId === undefined || id < afterId) && (lowest === undefined || id >= lowest);
  const kept = state.rows.filter((r) => !inRange(r.id));
  const rows = [...kept, ...page.rows.filter((r) => inRange(r.id))].sort(newestFirst);
  const live = new Set(rows.map((r) => r.id));
  const cursorAfter = new Map([...state.cursorAfter].filter(([id]) => live.has(id)));
  if (page.nextCursor !== null && last) cursorAfter.set(last.id, page.nextCursor);
  return { rows, cursorAfter, end: state.end || page.nextCursor === null };
}

/**
 * Whether a page of the newest rows left a gap: it is full and its oldest row is newer than every row loaded before,
 * so rows between may be missing. Follow it with older pages until one overlaps what was loaded.
 */
export function leavesGap<T extends LiveRow>(before: LiveRows<T>, page: Page<T>): boolean {
  const newestBefore = before.rows[0]?.id;
  const last = page.rows.at(-1);
  return newestBefore !== undefined && page.nextCursor !== null && last !== undefined && last.id > newestBefore;
}

/** Where to load the next older rows: from the lowest loaded row whose "older than" cursor is known; null at the end. */
export function tailRequest<T extends LiveRow>(state: LiveRows<T>): { cursor: string; afterId: string } | null {
  if (state.end) return null;
  for (let i = state.rows.length - 1; i >= 0; i -= 1) {
    const id = state.rows[i]!.id;
    const cursor = state.cursorAfter.get(id);
    if (cursor !== undefined) return { cursor, afterId: id };
  }
  return null;
}

/**
 * The page that refreshes rows `first`..`last` on screen: from the nearest row above `first` whose cursor is known
 * (or the top of the list), long enough to reach past `last` — rounded up to whole `step`s, so that scrolling a little
 * asks the same page again, and at most `max`. Null when the top page (`step` rows) already covers them.
 */
export function viewRequest<T extends LiveRow>(state: LiveRows<T>, first: number, last: number, step: number, max: number): { cursor?: string; afterId?: string; limit: number } | null {
  if (last < step) return null;
  const limit = (rows: number) => Math.min(max, Math.ceil(rows / step) * step);
  for (let i = Math.min(first, state.rows.length) - 1; i >= 0; i -= 1) {
    const id = state.rows[i]!.id;
    const cursor = state.cursorAfter.get(id);
    if (cursor !== undefined) return { cursor, afterId: id, limit: limit(last - i) };
  }
  return { limit: limit(last + 1) };
}
