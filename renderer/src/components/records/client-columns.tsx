// The columns of the clients table.
import { Group, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import type { Client } from '../../../../shared/domain/workspace';
import { clientName, OptOutBadges } from './client-contact';
import { EMPTY_VALUE } from '../ui/format-value';
import { DemoBadge } from '../ui/demo-badge';
import { isUnreadable, UnreadableValue } from '../ui/unreadable-value';
import { RecordTime } from '../ui/record-time';
import type { RecordColumn, RecordTableFeatures } from '../ui/virtual-record-table';

const helper = createColumnHelper<RecordTableFeatures, Client>();

/** The first value, and how many more there are. */
function FirstOf({ values }: { values: readonly string[] }) {
  if (values.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {EMPTY_VALUE}
      </Text>
    );
  }
  const more = values.length - 1;
  return (
    <Text size="sm" truncate="end" title={values.join(', ')}>
      {values[0]}
      {more > 0 && (
        <Text span size="xs" c="dimmed">
          {` +${more}`}
        </Text>
      )}
    </Text>
  );
}

/** Name (with a Demo badge), phone, email, opt-outs, external reference, last update. */
export const CLIENT_COLUMNS = helper.columns([
  helper.accessor((row) => clientName(row), {
    id: 'name',
    header: 'Name',
    meta: { width: 'minmax(180px, 2fr)' },
    cell: (info) => (
      <Group gap={6} wrap="nowrap" miw={0}>
        <Text size="sm" fw={500} truncate="end">
          {info.getValue()}
        </Text>
        {info.row.original.isDemo && <DemoBadge />}
      </Group>
    ),
  }),
  helper.accessor('phones', {
    header: 'Phone',
    meta: { width: 'minmax(130px, 1fr)' },
    cell: (info) => (isUnreadable(info.row.original, 'phones') ? <UnreadableValue /> : <FirstOf values={info.getValue()} />),
  }),
  helper.accessor('emails', {
    header: 'Email',
    meta: { width: 'minmax(170px, 1.5fr)' },
    cell: (info) => (isUnreadable(info.row.original, 'emails') ? <UnreadableValue /> : <FirstOf values={info.getValue()} />),
  }),
  helper.accessor('optOuts', {
    header: 'Opt-outs',
    meta: { width: 'minmax(130px, 1fr)', priority: 2 },
    cell: (info) =>
      isUnreadable(info.row.original, 'optOuts') ? (
        <UnreadableValue />
      ) : info.getValue().length ? (
        <OptOutBadges optOuts={info.getValue()} />
      ) : (
        <Text size="sm" c="dimmed">
          None
        </Text>
      ),
  }),
  helper.accessor((row) => (row.externalSource && row.externalId ? `${row.externalSource} / ${row.externalId}` : null), {
    id: 'reference',
    header: 'Reference',
    meta: { width: 'minmax(130px, 1fr)', priority: 3 },
    cell: (info) => (
      <Text size="sm" c={info.getValue() ? undefined : 'dimmed'} truncate="end">
        {info.getValue() ?? EMPTY_VALUE}
      </Text>
    ),
  }),
  helper.accessor('updatedAt', { header: 'Updated', meta: { width: '120px' }, cell: (info) => <RecordTime iso={info.getValue()} tooltip="native" /> }),
]) satisfies RecordColumn<Client>[];
