// One virtualized record list on screen: how many rows match, the table, and the loading, error (with Retry),
// "nothing yet" and "nothing matches" states. The rows come from useRecordWindows.
import { Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../query-state';
import type { RecordWindows } from './use-record-windows';
import { VirtualRecordTable, type RecordColumn, type RecordRow } from '../ui/virtual-record-table';

const numberFormat = new Intl.NumberFormat('en-US');
const LOADING_ROWS = 8;

interface RecordListProps<T extends RecordRow> {
  list: RecordWindows<T>;
  columns: RecordColumn<T>[];
  /** Accessible name of the table, e.g. "Cases". */
  label: string;
  /** Singular and plural noun for the count line, e.g. ["case", "cases"]. */
  noun: readonly [string, string];
  /** True when filters narrow the list, so that an empty answer means "no match" rather than "nothing yet". */
  filtered: boolean;
  /** Shown when there are no records at all. */
  empty: ReactNode;
  /** Shown when the filters match nothing. */
  noMatches: ReactNode;
  onOpen?: (row: T) => void;
  /** CSS height of the table's scroll area. */
  height: string;
  errorTitle: string;
}

/** A record list; give it a `key` per filter so that a new filter starts at the top. */
export function RecordList<T extends RecordRow>({ list, columns, label, noun, filtered, empty, noMatches, onOpen, height, errorTitle }: RecordListProps<T>) {
  const { total } = list;
  if (total === undefined && list.error) {
    return <ErrorAlert title={errorTitle} error={list.error} onRetry={list.retry} retrying={list.refetching} />;
  }
  if (total === 0 && !list.pending) return <>{filtered ? noMatches : empty}</>;

  return (
    <Stack gap="xs">
      {list.error && <ErrorAlert title={errorTitle} error={list.error} onRetry={list.retry} retrying={list.refetching} />}
      <Group gap="xs" h={20}>
        <Text size="sm" c="dimmed" data-testid="record-count" aria-live="polite">
          {total === undefined ? `Loading ${noun[1]}…` : `${numberFormat.format(total)} ${total === 1 ? noun[0] : noun[1]}`}
        </Text>
        {list.refetching && total !== undefined && <Loader size={12} aria-label={`Refreshing ${noun[1]}`} />}
      </Group>
      <VirtualRecordTable
        label={label}
        columns={columns}
        rows={list.rows}
        indices={list.indices}
        total={total ?? LOADING_ROWS}
        height={height}
        busy={list.pending}
        onVisibleRange={list.onVisibleRange}
        onOpen={onOpen}
      />
    </Stack>
  );
}
