// Window arithmetic for the virtualized record tables: which fixed-size windows of rows to fetch for what is on
// screen, and where the fetched rows land among all the rows of the list.

/** Rows per list call: one window of the table. */
export const WINDOW_SIZE = 200;
/** Rows fetched ahead of (and behind) what is on screen, so scrolling rarely reaches an unloaded row. */
export const PREFETCH_ROWS = 60;

/** The two windows (indices; often the same one) that cover the visible rows plus the prefetch margin. */
export function windowsFor(
  firstVisible: number,
  lastVisible: number,
  total: number,
  size = WINDOW_SIZE,
  margin = PREFETCH_ROWS,
): [number, number] {
  const lastRow = Math.max(0, total - 1);
  const lo = Math.min(lastRow, Math.max(0, firstVisible - margin));
  const hi = Math.min(lastRow, Math.max(lo, lastVisible + margin));
  return [Math.floor(lo / size), Math.floor(hi / size)];
}

/** One fetched window: its index and its rows (fewer than `size` at the end of the list). */
export interface LoadedWindow<T> {
  window: number;
  rows: readonly T[];
}

/** The loaded rows in list order, and for each of them its index among all rows of the list. */
export interface PlacedRows<T> {
  rows: T[];
  indices: number[];
}

/** Lays loaded windows out in list order; a window given twice counts once. */
export function placeRows<T>(windows: ReadonlyArray<LoadedWindow<T> | undefined>, size = WINDOW_SIZE): PlacedRows<T> {
  const seen = new Set<number>();
  const ordered = windows
    .filter((w): w is LoadedWindow<T> => w !== undefined && !seen.has(w.window) && (seen.add(w.window), true))
    .sort((a, b) => a.window - b.window);
  const placed: PlacedRows<T> = { rows: [], indices: [] };
  for (const { window, rows } of ordered) {
    rows.forEach((row, i) => {
      placed.rows.push(row);
      placed.indices.push(window * size + i);
    });
  }
  return placed;
}
