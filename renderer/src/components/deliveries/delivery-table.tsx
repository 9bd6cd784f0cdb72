// The deliveries table: TanStack Table for the columns, TanStack Virtual for the rows (only those near the viewport
// are in the DOM), the open delivery highlighted by id, and the user's place kept when rows are added above it:
// the first row on screen stays where it was, unless the list is scrolled to the very top (then new rows show).
import { Loader, Group, Text } from '@mantine/core';
import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import {
  columnLayout,
  HEADER_HEIGHT,
  OVERSCAN,
  RecordTableHead,
  recordTableFeatures,
  ROW_HEIGHT,
  RowCells,
  rowKeyTarget,
  type RecordColumn,
} from '../ui/virtual-record-table';
import recordClasses from '../ui/virtual-record-table.module.css';
import { useFittingColumns } from '../ui/use-fitting-columns';
import type { DeliveryRow } from './delivery-columns';
import classes from './delivery-table.module.css';


interface DeliveryTableProps {
  columns: RecordColumn<DeliveryRow>[];
  rows: readonly DeliveryRow[];
  /** A loading row is shown after the last one while older rows exist. */
  hasMore: boolean;
  loadingMore: boolean;
  selectedId: string | null;
  onOpen: (row: DeliveryRow) => void;
  onVisibleRange?: (first: number, last: number) => void;
  height: string;
  busy?: boolean;
}

/** The virtualized deliveries table; see the file header. */
export function DeliveryTable({ columns, rows, hasMore, loadingMore, selectedId, onOpen, onVisibleRange, height, busy = false }: DeliveryTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const data = useMemo(() => [...rows], [rows]);
  const fitting = useFittingColumns(columns, scrollRef);
  const table = useTable({ features: recordTableFeatures, columns: fitting, data, getRowId: (row) => row.id });
  const tableRows = table.getRowModel().rows;
  const count = rows.length + (hasMore ? 1 : 0);

  // The first row on screen and how far into it the view starts, to put it back after rows are added above it.
  // Taken on scroll events only: they come after a render's layout effects, so always against the rows on screen.
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  const rememberPlace = (element: HTMLElement) => {
    const top = element.scrollTop;
    const index = Math.floor(top / ROW_HEIGHT);
    const row = rows[index];
    anchor.current = top > 0 && row ? { id: row.id, offset: top - index * ROW_HEIGHT } : null;
  };

  // This build doesn't use the React Compiler; the virtualizer re-renders this component itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? `loading-${index}`,
    onChange: (instance) => {
      const range = instance.range;
      if (range && onVisibleRange) onVisibleRange(range.startIndex, range.endIndex);
    },
  });

  useLayoutEffect(() => {
    const element = scrollRef.current;
    const place = anchor.current;
    if (!element || !place) return;
    const index = rows.findIndex((r) => r.id === place.id);
    if (index < 0) return;
    const top = index * ROW_HEIGHT + place.offset;
    if (Math.abs(element.scrollTop - top) >= 1) element.scrollTop = top;
  }, [rows]);

  const items = virtualizer.getVirtualItems();
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const { tracks, minWidth } = columnLayout(headers);
  const focusable = items.some((item) => item.index === active) ? active : (items[0]?.index ?? 0);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const focus = (tries: number) => {
      const element = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
      if (element) element.focus({ preventScroll: true });
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    requestAnimationFrame(() => focus(5));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, row: DeliveryRow | undefined) => {
    const target = rowKeyTarget(event.key, index, rows.length - 1);
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && row) {
      event.preventDefault();
      onOpen(row);
    }
  };

  return (
    <div ref={scrollRef} className={`${recordClasses.scroller} ${classes.scroller}`} style={{ height }} data-testid="delivery-table-scroller" onScroll={(event) => rememberPlace(event.currentTarget)}>
      <div
        role="table"
        aria-label="Deliveries"
        aria-rowcount={hasMore ? -1 : rows.length + 1}
        aria-busy={busy || undefined}
        className={recordClasses.table}
        style={{ '--record-columns': tracks.join(' '), minWidth } as CSSProperties}
      >
        <RecordTableHead headers={headers} />
        <div role="rowgroup" className={recordClasses.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index];
            const style = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
            if (!row) {
              return (
                <div role="row" key={item.key} data-index={item.index} className={`${recordClasses.row} ${recordClasses.bodyRow}`} style={style} data-testid="delivery-loading-row">
                  <Group gap="xs" style={{ gridColumn: '1 / -1' }}>
                    {loadingMore && <Loader size={14} />}
                    <Text size="sm" c="dimmed">
                      {loadingMore ? 'Loading older deliveries…' : 'Scroll for older deliveries'}
                    </Text>
                  </Group>
                </div>
              );
            }
            const selected = row.original.id === selectedId;
            return (
              <div
                role="row"
                key={item.key}
                data-index={item.index}
                data-testid="delivery-row"
                data-delivery-id={row.original.id}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                tabIndex={item.index === focusable ? 0 : -1}
                className={`${recordClasses.row} ${recordClasses.bodyRow} ${recordClasses.clickable} ${selected ? classes.selected : ''}`}
                style={style}
                onFocus={() => setActive(item.index)}
                onClick={() => onOpen(row.original)}
                onKeyDown={(event) => onKeyDown(event, item.index, row.original)}
              >
                <RowCells row={row} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
