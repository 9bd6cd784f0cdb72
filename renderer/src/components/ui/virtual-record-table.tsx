// A table over a list of any length: TanStack Table defines the columns and renders the cells, TanStack Virtual
// keeps only the rows near the viewport in the DOM. Rows not loaded yet show as skeletons in their place.
// Keyboard: the table is one tab stop; arrows, Page Up/Down, Home and End move between rows, Enter opens one.
import { Skeleton } from '@mantine/core';
import { FlexRender, metaHelper, tableFeatures, useTable, type ColumnDef, type Header, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { COLUMN_GAP, ROW_PADDING, tableMinWidth } from './column-tracks';
import { useFittingColumns } from './use-fitting-columns';
import classes from './virtual-record-table.module.css';

export interface RecordColumnMeta {
  /** The column's CSS grid track, e.g. "120px" or "minmax(180px, 2fr)". */
  width: string;
  /** 1 (default) for a key column, always shown; higher numbers give way first when the table's box is narrow. */
  priority?: number;
}

/** The table features every record table uses: plain columns with a width each. */
export const recordTableFeatures = tableFeatures({ columnMeta: metaHelper<RecordColumnMeta>() });
export type RecordTableFeatures = typeof recordTableFeatures;
/** A column of a record table over rows of type T. */
export type RecordColumn<T extends RecordRow> = ColumnDef<RecordTableFeatures, T>;
/** What a record table shows one line per: any object with an id. */
export type RecordRow = { id: string } & Record<string, unknown>;

/** Every row is this tall: fixed heights keep the scrollbar exact for 100,000 rows without measuring them. */
export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 38;
export const OVERSCAN = 8;
const PAGE_STEP = 10;

type RecordHeader<T extends RecordRow> = Header<RecordTableFeatures, T, unknown>;

/** The header cells of a record table's columns, the grid tracks they span and the width the row needs. */
export function columnLayout<T extends RecordRow>(headers: RecordHeader<T>[]): { tracks: string[]; minWidth: number } {
  const tracks = headers.map((h) => h.column.columnDef.meta?.width ?? '1fr');
  return { tracks, minWidth: tableMinWidth(tracks, COLUMN_GAP, ROW_PADDING) };
}

/** The row a key moves the focus to (arrows, Page Up/Down, Home, End), or undefined for other keys. */
export function rowKeyTarget(key: string, index: number, last: number): number | undefined {
  const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + PAGE_STEP, PageUp: index - PAGE_STEP, Home: 0, End: last };
  return moves[key];
}

/** The header row of a record table. */
export function RecordTableHead<T extends RecordRow>({ headers }: { headers: RecordHeader<T>[] }) {
  return (
    <div role="rowgroup" className={classes.head}>
      <div role="row" aria-rowindex={1} className={classes.row} style={{ height: HEADER_HEIGHT }}>
        {headers.map((header) => (
          <div role="columnheader" key={header.id} className={classes.th}>
            {header.isPlaceholder ? null : <FlexRender header={header} />}
          </div>
        ))}
      </div>
    </div>
  );
}

interface VirtualRecordTableProps<T extends RecordRow> {
  /** Accessible name of the table, e.g. "Cases". */
  label: string;
  columns: RecordColumn<T>[];
  /** The loaded rows, in list order, and the index of each among all `total` rows. */
  rows: readonly T[];
  indices: readonly number[];
  total: number;
  /** CSS height of the scroll area. */
  height: string;
  /** Reports the first and last row index near the viewport, whenever they change. */
  onVisibleRange?: (first: number, last: number) => void;
  /** Opens a row (click, or Enter on the focused row); rows are not interactive without it. */
  onOpen?: (row: T) => void;
  /** Marks the table busy (e.g. before the first answer). */
  busy?: boolean;
}

// A row's cells re-render only when the row's data does: scrolling moves rows without re-rendering their cells.
export const RowCells = memo(function RowCells<T extends RecordRow>({ row }: { row: Row<RecordTableFeatures, T> }) {
  return row.getAllCells().map((cell) => (
    <div role="cell" key={cell.id} className={classes.cell}>
      <FlexRender cell={cell} />
    </div>
  ));
}) as <T extends RecordRow>(props: { row: Row<RecordTableFeatures, T> }) => ReactNode;

const SkeletonCells = memo(function SkeletonCells({ count }: { count: number }) {
  return Array.from({ length: count }, (_, i) => (
    <div role="cell" key={i} className={classes.cell}>
      <Skeleton height={10} width="70%" radius="sm" />
    </div>
  ));
});

/** A virtualized, keyboard-navigable table of records; see the file header. */
export function VirtualRecordTable<T extends RecordRow>({
  label,
  columns,
  rows,
  indices,
  total,
  height,
  onVisibleRange,
  onOpen,
  busy = false,
}: VirtualRecordTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const data = useMemo(() => [...rows], [rows]);
  const fitting = useFittingColumns(columns, scrollRef);
  const table = useTable({
    features: recordTableFeatures,
    columns: fitting,
    data,
    getRowId: (row) => row.id,
  });
  const tableRows = table.getRowModel().rows;
  const byIndex = useMemo(() => new Map(indices.map((index, k) => [index, k])), [indices]);

  // This build doesn't use the React Compiler; the virtualizer re-renders this component itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollPaddingStart: HEADER_HEIGHT,
    onChange: (instance) => {
      const range = instance.range;
      if (range && onVisibleRange) onVisibleRange(range.startIndex, range.endIndex);
    },
  });
  const items = virtualizer.getVirtualItems();
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const { tracks, minWidth } = columnLayout(headers);
  const focusable = items.some((item) => item.index === active) ? active : (items[0]?.index ?? 0);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(total - 1, index));
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row is in the DOM once the virtualizer has rendered it (next frame at the latest).
    const focus = (tries: number) => {
      const element = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
      if (element) element.focus({ preventScroll: true });
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    requestAnimationFrame(() => focus(5));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, row: T | undefined) => {
    const target = rowKeyTarget(event.key, index, total - 1);
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && row && onOpen) {
      event.preventDefault();
      onOpen(row);
    }
  };

  return (
    <div ref={scrollRef} className={classes.scroller} style={{ height }} data-testid="record-table-scroller">
      <div
        role="table"
        aria-label={label}
        aria-rowcount={total + 1}
        aria-busy={busy || undefined}
        className={classes.table}
        style={{ '--record-columns': tracks.join(' '), minWidth } as CSSProperties}
      >
        <RecordTableHead headers={headers} />
        <div role="rowgroup" className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const k = byIndex.get(item.index);
            const row = k === undefined ? undefined : tableRows[k];
            return (
              <div
                role="row"
                key={item.key}
                data-index={item.index}
                data-testid="record-row"
                data-loaded={row ? 'true' : 'false'}
                aria-rowindex={item.index + 2}
                tabIndex={item.index === focusable ? 0 : -1}
                className={`${classes.row} ${classes.bodyRow} ${row && onOpen ? classes.clickable : ''}`}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onFocus={() => setActive(item.index)}
                onClick={row && onOpen ? () => onOpen(row.original) : undefined}
                onKeyDown={(event) => onKeyDown(event, item.index, row?.original)}
              >
                {row ? <RowCells row={row} /> : <SkeletonCells count={headers.length} />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
