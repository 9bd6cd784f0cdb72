// The columns of the cases table.
import { Group, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import type { CaseListRow } from '../../../../shared/domain/workspace-views';
import { EMPTY_VALUE } from '../ui/format-value';
import { CaseStatusBadge } from './record-badges';
import { DemoBadge } from '../ui/demo-badge';
import { RecordTime } from '../ui/record-time';
import type { RecordColumn, RecordTableFeatures } from '../ui/virtual-record-table';

const helper = createColumnHelper<RecordTableFeatures, CaseListRow>();
const dimmedIfEmpty = (value: string | null) => (
  <Text size="sm" c={value ? undefined : 'dimmed'} truncate="end" title={value ?? undefined}>
    {value ?? EMPTY_VALUE}
  </Text>
);

/** Case number, name (with a Demo badge), case type, status, campaign, primary client, last update. */
export const CASE_COLUMNS = helper.columns([
  helper.accessor('caseNumber', {
    header: 'Case #',
    meta: { width: '110px' },
    cell: (info) => (
      <Text size="sm" ff="monospace" truncate="end">
        {info.getValue()}
      </Text>
    ),
  }),
  helper.accessor('name', {
    header: 'Name',
    meta: { width: 'minmax(180px, 2fr)' },
    cell: (info) => (
      <Group gap={6} wrap="nowrap" miw={0}>
        <Text size="sm" fw={500} truncate="end" title={info.getValue()}>
          {info.getValue()}
        </Text>
        {info.row.original.isDemo && <DemoBadge />}
      </Group>
    ),
  }),
  helper.accessor('caseType', { header: 'Case type', meta: { width: 'minmax(110px, 1fr)', priority: 3 }, cell: (info) => dimmedIfEmpty(info.getValue()) }),
  helper.accessor('status', {
    header: 'Status',
    meta: { width: 'minmax(140px, 1fr)' },
    cell: (info) => <CaseStatusBadge status={info.getValue()} />,
  }),
  helper.accessor('campaign', { header: 'Campaign', meta: { width: 'minmax(110px, 1fr)', priority: 2 }, cell: (info) => dimmedIfEmpty(info.getValue()) }),
  helper.accessor('primaryClient', { header: 'Client', meta: { width: 'minmax(110px, 1fr)' }, cell: (info) => dimmedIfEmpty(info.getValue()) }),
  helper.accessor('updatedAt', { header: 'Updated', meta: { width: '120px' }, cell: (info) => <RecordTime iso={info.getValue()} tooltip="native" /> }),
]) satisfies RecordColumn<CaseListRow>[];
