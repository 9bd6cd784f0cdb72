// Fetches the rows a virtualized list shows: the one or two windows around what is on screen, each its own
// contract query (so windows scrolled past stay cached, and tables.changed refreshes only the mounted ones).
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { RemoteError } from '../../../../shared/result';
import { useContractQuery, type InputOf, type OutputOf } from '../../api/client';
import { placeRows, WINDOW_SIZE, windowsFor, type PlacedRows } from './record-windows';

/** The list procedures that page by offset/limit and report their total. */
export type WindowedPath = 'cases.list' | 'clients.list' | 'events.list';
/** One row of a windowed list. */
export type RowOf<P extends WindowedPath> = OutputOf<P> extends { rows: Array<infer R> } ? R : never;
/** A list's filters: its input without the window. */
export type FilterOf<P extends WindowedPath> = Omit<NonNullable<InputOf<P>>, 'offset' | 'limit'>;

interface Page<T> {
  rows: T[];
  total: number;
}

export interface RecordWindows<T> extends PlacedRows<T> {
  /** Rows matching the filter in all; undefined until the first answer. */
  total: number | undefined;
  /** True while a window on screen is still loading (its rows show as skeletons). */
  pending: boolean;
  /** The failure of the last attempt, if a window could not be loaded. */
  error: RemoteError | null;
  refetching: boolean;
  retry: () => void;
  /** Tell it which rows are near the viewport; it fetches the windows that cover them. */
  onVisibleRange: (first: number, last: number) => void;
}

/** The rows of `path` under `filter` around the viewport, laid out at their places in the whole list. */
export function useRecordWindows<P extends WindowedPath>(path: P, filter: FilterOf<P>): RecordWindows<RowOf<P>> {
  const [[a, b], setWindows] = useState<readonly [number, number]>([0, 0]);
  const input = (window: number) => ({ ...filter, offset: window * WINDOW_SIZE, limit: WINDOW_SIZE }) as InputOf<P>;
  // Placeholders keep the total (and so the scrollbar) steady while the next window loads; their rows belong
  // to another window, so they are never shown in this one's place.
  const first = useContractQuery(path, input(a), { placeholderData: keepPreviousData });
  const second = useContractQuery(path, input(b), { placeholderData: keepPreviousData });
  const firstPage = first.data as Page<RowOf<P>> | undefined;
  const secondPage = second.data as Page<RowOf<P>> | undefined;
  const firstRows = first.isPlaceholderData ? undefined : firstPage?.rows;
  const secondRows = second.isPlaceholderData ? undefined : secondPage?.rows;

  const placed = useMemo(
    () => placeRows([firstRows && { window: a, rows: firstRows }, secondRows && { window: b, rows: secondRows }]),
    [a, b, firstRows, secondRows],
  );
  const total = (firstRows ? firstPage?.total : secondRows ? secondPage?.total : undefined) ?? firstPage?.total ?? secondPage?.total;

  return {
    ...placed,
    total,
    pending: !firstRows || !secondRows,
    error: first.error ?? second.error,
    refetching: first.isFetching || second.isFetching,
    retry: () => {
      void first.refetch();
      void second.refetch();
    },
    onVisibleRange: (from, to) => {
      const next = windowsFor(from, to, total ?? 0);
      setWindows((current) => (current[0] === next[0] && current[1] === next[1] ? current : next));
    },
  };
}
