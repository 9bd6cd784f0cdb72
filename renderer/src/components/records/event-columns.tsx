// The columns of the events table.
import { Anchor, Group, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { EventListRow } from '../../../../shared/domain/events';
import { CampaignName } from '../campaign-name';
import { EventTypeBadge } from '../events/event-type-badge';
import { EMPTY_VALUE } from '../ui/format-value';
import { DemoBadge } from '../ui/demo-badge';
import { RecordTime } from '../ui/record-time';
import type { RecordColumn, RecordTableFeatures } from '../ui/virtual-record-table';

/** "PI-1042 · Jane Doe": the case number and client support staff scan for; the case type when there is no number. */
const caseLabel = (e: EventListRow) =>
  [e.caseNumber ?? (e.caseType ? `${e.caseType} case` : 'Open case'), e.clientName].filter(Boolean).join(' · ');

const helper = createColumnHelper<RecordTableFeatures, EventListRow>();

/** Type, when it happened and when the console received it, campaign, and the case it is about. */
export const EVENT_COLUMNS = helper.columns([
  helper.accessor('type', {
    header: 'Type',
    meta: { width: 'minmax(170px, 1.2fr)' },
    cell: (info) => (
      <Group gap={6} wrap="nowrap">
        <EventTypeBadge type={info.getValue()} />
        {info.row.original.isDemo && <DemoBadge />}
      </Group>
    ),
  }),
  helper.accessor('occurredAt', { header: 'Occurred', meta: { width: '130px' }, cell: (info) => <RecordTime iso={info.getValue()} tooltip="native" /> }),
  helper.accessor('receivedAt', { header: 'Received', meta: { width: '130px', priority: 3 }, cell: (info) => <RecordTime iso={info.getValue()} tooltip="native" /> }),
  helper.accessor('campaignId', { header: 'Campaign', meta: { width: 'minmax(140px, 1fr)', priority: 2 }, cell: (info) => <CampaignName id={info.getValue()} /> }),
  helper.accessor('caseId', {
    header: 'Case',
    meta: { width: 'minmax(160px, 1fr)' },
    cell: (info) => {
      const caseId = info.getValue();
      if (!caseId) {
        return (
          <Text size="sm" c="dimmed">
            {EMPTY_VALUE}
          </Text>
        );
      }
      return (
        <Anchor
          component={Link}
          to={`/cases/${caseId}`}
          size="sm"
          // The row opens the event; this link opens the case instead.
          onClick={(event) => event.stopPropagation()}
          tabIndex={-1}
        >
          {caseLabel(info.row.original)}
        </Anchor>
      );
    },
  }),
]) satisfies RecordColumn<EventListRow>[];
