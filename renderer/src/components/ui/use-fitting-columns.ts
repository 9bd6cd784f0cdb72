// The columns of a record table that fit its box: measured as the box resizes, the least important give way.
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { COLUMN_GAP, ROW_PADDING, fitColumns } from './column-tracks';
import type { RecordColumn, RecordRow } from './virtual-record-table';

/** `columns` without those that don't fit the width of `box` (all of them until it has been measured). */
export function useFittingColumns<T extends RecordRow>(columns: RecordColumn<T>[], box: RefObject<HTMLElement | null>): RecordColumn<T>[] {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);
  return useMemo(() => {
    if (width === null || width === 0) return columns;
    const tracks = columns.map((c) => ({ width: c.meta?.width ?? '1fr', priority: c.meta?.priority ?? 1 }));
    const shown = fitColumns(tracks, width, COLUMN_GAP, ROW_PADDING);
    return shown.every(Boolean) ? columns : columns.filter((_, i) => shown[i]);
  }, [columns, width]);
}
