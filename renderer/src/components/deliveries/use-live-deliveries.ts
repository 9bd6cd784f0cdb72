// The inspector's rows for one filter, live: the newest page, the page on screen and the next older page are
// contract queries (so a `tables.changed` refreshes the ones mounted), and every answer is merged into one ordered
// list (live-rows.ts) — new deliveries join at the top, status changes update rows in place, nothing reloads.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DeliveryFilter, DeliverySummary } from '../../../../shared/contract/webhooks';
import { MAX_DELIVERY_PAGE } from '../../../../shared/contract/webhooks';
import type { RemoteError } from '../../../../shared/result';
import { call, useBridge, useContractQuery } from '../../api/client';
import { emptyRows, leavesGap, mergePage, tailRequest, viewRequest, type LiveRows, type Page } from './live-rows';

/** Rows per page. */
export const PAGE_SIZE = 100;
/** Older rows load once the viewport is this close to the last loaded row. */
const LOAD_AHEAD = 40;
/** A burst of new deliveries bigger than this many pages starts the list again from the newest. */
const GAP_PAGES = 5;

type DeliveryPage = Page<DeliverySummary>;

/** A newest page that left a gap below it: follow it down until it joins what was loaded. */
interface Gap {
  head: DeliveryPage;
  newestBefore: string;
}

interface Store {
  rows: LiveRows<DeliverySummary>;
  /** The answers merged last, so each is merged once. */
  head?: DeliveryPage;
  view?: DeliveryPage;
  tail?: DeliveryPage;
  gap?: Gap;
}

export interface LiveDeliveries {
  rows: readonly DeliverySummary[];
  /** False until the first answer. */
  loaded: boolean;
  /** Older deliveries exist beyond the loaded ones. */
  hasMore: boolean;
  loadingMore: boolean;
  error: RemoteError | null;
  retry: () => void;
  /** Tell it which rows are on screen: it loads older pages and refreshes those rows as they change. */
  onVisibleRange: (first: number, last: number) => void;
}

/** The live rows of the delivery log under `filter`; give the caller a `key` per filter so a new one starts afresh. */
export function useLiveDeliveries(filterInput: DeliveryFilter): LiveDeliveries {
  const bridge = useBridge();
  const filterKey = JSON.stringify(filterInput);
  const filter = useMemo(() => JSON.parse(filterKey) as DeliveryFilter, [filterKey]);
  const [store, setStore] = useState<Store>(() => ({ rows: emptyRows() }));
  const [range, setRange] = useState({ first: 0, last: 0 });
  const { rows } = store;

  // The newest page; a burst bigger than a page leaves a gap that the effect below fills.
  const head = useContractQuery('deliveries.list', { ...filter, limit: PAGE_SIZE });
  if (head.data && head.data !== store.head) {
    const page = head.data;
    const gap = leavesGap(rows, page) ? { head: page, newestBefore: rows.rows[0]!.id } : store.gap;
    setStore((s) => ({ ...s, head: page, rows: mergePage(s.rows, page), gap }));
  }

  // The rows on screen below the newest page.
  const view = viewRequest(rows, range.first, range.last, PAGE_SIZE, MAX_DELIVERY_PAGE);
  const viewQuery = useContractQuery('deliveries.list', { ...filter, cursor: view?.cursor, limit: view?.limit ?? PAGE_SIZE }, { enabled: view !== null });
  if (view !== null && viewQuery.data && viewQuery.data !== store.view) {
    const page = viewQuery.data;
    setStore((s) => ({ ...s, view: page, rows: mergePage(s.rows, page, { afterId: view.afterId }) }));
  }

  // The next older page, once the user nears the end of what is loaded.
  const tail = tailRequest(rows);
  const wantMore = tail !== null && range.last >= rows.rows.length - LOAD_AHEAD;
  const tailQuery = useContractQuery('deliveries.list', { ...filter, cursor: tail?.cursor, limit: PAGE_SIZE }, { enabled: wantMore });
  if (wantMore && tailQuery.data && tailQuery.data !== store.tail) {
    const page = tailQuery.data;
    setStore((s) => ({ ...s, tail: page, rows: mergePage(s.rows, page, { afterId: tail.afterId }) }));
  }

  const gap = store.gap;
  useEffect(() => {
    if (!gap) return;
    let cancelled = false;
    const fill = async () => {
      let cursor = gap.head.nextCursor;
      let afterId = gap.head.rows.at(-1)!.id;
      for (let i = 0; i < GAP_PAGES && cursor !== null; i += 1) {
        const page = await call(bridge, 'deliveries.list', { ...filter, cursor, limit: PAGE_SIZE });
        if (cancelled) return;
        const from = afterId;
        setStore((s) => ({ ...s, rows: mergePage(s.rows, page, { afterId: from }) }));
        if (page.nextCursor === null || (page.rows.at(-1)?.id ?? '') <= gap.newestBefore) return;
        cursor = page.nextCursor;
        afterId = page.rows.at(-1)!.id;
      }
      // Too many new deliveries to join up: keep the newest page only (scrolling down loads the rest again).
      if (!cancelled && cursor !== null) setStore((s) => ({ ...s, rows: mergePage(emptyRows(), s.head ?? gap.head) }));
    };
    fill()
      .catch(() => undefined) // the next change of the log tries again
      .finally(() => {
        if (!cancelled) setStore((s) => (s.gap === gap ? { ...s, gap: undefined } : s));
      });
    return () => void (cancelled = true);
  }, [gap, bridge, filter]);

  return {
    rows: rows.rows,
    loaded: head.data !== undefined,
    hasMore: head.data !== undefined && tail !== null,
    loadingMore: wantMore && tailQuery.isFetching,
    error: head.error ?? tailQuery.error ?? viewQuery.error,
    retry: () => {
      void head.refetch();
      if (wantMore) void tailQuery.refetch();
    },
    onVisibleRange: useCallback((first: number, last: number) => setRange((r) => (r.first === first && r.last === last ? r : { first, last })), []),
  };
}
