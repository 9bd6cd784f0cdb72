// The deliveries table's columns: when, what event, to which webhook, about which case, how it went, and when the
// next attempt is due.
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { isEventType } from '../../../../shared/domain/events';
import type { DeliverySummary } from '../../../../shared/contract/webhooks';
import { EventTypeBadge } from '../events/event-type-badge';
import { EMPTY_VALUE } from '../ui/format-value';
import { RecordTime } from '../ui/record-time';
import { useNow } from '../../hooks/use-now';
import { useDateFormat } from '../../hooks/use-date-format';
import type { RecordColumn, RecordTableFeatures } from '../ui/virtual-record-table';
import { DeliveryStatusBadge } from './delivery-status-badge';
import { formatDueIn, formatDuration } from './delivery-status';
import { HttpOutcome } from './http-outcome';

/** A delivery as a table row (the record table's row type wants an index signature). */
export type DeliveryRow = DeliverySummary & Record<string, unknown>;

const helper = createColumnHelper<RecordTableFeatures, DeliveryRow>();

const dash = (
  <Text size="sm" c="dimmed">
    {EMPTY_VALUE}
  </Text>
);

const mono = (value: string, testId?: string) => (
  <Text size="xs" ff="monospace" truncate="end" title={value} data-testid={testId}>
    {value}
  </Text>
);

function NextAttempt({ iso }: { iso: string | null }) {
  const now = useNow();
  const dates = useDateFormat();
  if (iso === null) return dash;
  return (
    <Text size="sm" title={dates.full(iso)} style={{ whiteSpace: 'nowrap' }}>
      {formatDueIn(iso, now)}
    </Text>
  );
}

/** The columns; `withWebhook` adds the webhook's name (when the list shows every webhook). */
export function deliveryColumns({ withWebhook, caseLinks = true }: { withWebhook: boolean; caseLinks?: boolean }): RecordColumn<DeliveryRow>[] {
  return helper.columns([
    helper.accessor('createdAt', { header: 'Time', meta: { width: '100px' }, cell: (info) => <RecordTime iso={info.getValue()} tooltip="native" /> }),
    helper.accessor('eventType', {
      header: 'Event',
      meta: { width: 'minmax(132px, 1.2fr)' },
      cell: (info) => {
        const type = info.getValue();
        return (
          <Group gap={4} wrap="nowrap">
            {isEventType(type) ? <EventTypeBadge type={type} /> : <Badge variant="default">{type}</Badge>}
            {info.row.original.isTest && (
              <Badge size="xs" variant="outline" color="gray">
                Test
              </Badge>
            )}
          </Group>
        );
      },
    }),
    helper.accessor('eventId', { header: 'Event id', meta: { width: 'minmax(96px, 1fr)', priority: 2 }, cell: (info) => mono(info.getValue(), 'delivery-event-id') }),
    ...(withWebhook
      ? [
          helper.accessor('webhookName', {
            header: 'Webhook',
            meta: { width: 'minmax(96px, 1fr)', priority: 3 },
            cell: (info) => (
              <Text size="sm" truncate="end" title={info.getValue() ?? info.row.original.webhookId}>
                {info.getValue() ?? info.row.original.webhookId}
              </Text>
            ),
          }),
        ]
      : []),
    helper.accessor('caseId', {
      header: 'Case',
      meta: { width: 'minmax(150px, 1fr)' },
      cell: (info) => {
        const caseId = info.getValue();
        if (!caseId) return dash;
        const { caseNumber, clientName } = info.row.original;
        // "PI-1042 · Jane Doe": what support scans for; the id when the case is gone (or an imported bundle has none).
        const label = caseNumber ? [caseNumber, clientName].filter(Boolean).join(' · ') : null;
        if (!caseLinks) return label ? <Text size="sm" truncate title={caseId}>{label}</Text> : mono(caseId);
        // The row opens the delivery; this link opens the case instead.
        return (
          <Anchor component={Link} to={`/cases/${caseId}`} size="sm" onClick={(event) => event.stopPropagation()} tabIndex={-1} title={caseId} truncate>
            {label ?? 'Open case'}
          </Anchor>
        );
      },
    }),
    helper.display({ id: 'status', header: 'Status', meta: { width: '96px' }, cell: (info) => <DeliveryStatusBadge delivery={info.row.original} /> }),
    helper.accessor('attempts', { header: 'Tries', meta: { width: '48px', priority: 3 }, cell: (info) => <Text size="sm">{info.getValue()}</Text> }),
    helper.accessor('lastStatus', {
      header: 'HTTP',
      meta: { width: '72px' },
      cell: (info) => <HttpOutcome status={info.getValue()} errorClass={info.row.original.lastErrorClass} />,
    }),
    helper.accessor('lastDurationMs', {
      header: 'Duration',
      meta: { width: '84px', priority: 2 },
      cell: (info) => {
        const ms = info.getValue();
        return ms === null ? dash : <Text size="sm">{formatDuration(ms)}</Text>;
      },
    }),
    helper.accessor('nextAttemptAt', { header: 'Next attempt', meta: { width: '112px' }, cell: (info) => <NextAttempt iso={info.getValue()} /> }),
  ]);
}
