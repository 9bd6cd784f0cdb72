// One availability check or booking in a side drawer: who asked (agent, case), what was asked, Cal.com's answer,
// the outcome with its reason, the booking concerned and how long it took.
import { Anchor, Badge, DataList, Drawer, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { SchedulingActivityRow } from '../../../../shared/domain/scheduling';
import { DataItem, valueText } from '../../components/ui/data-item';
import { useDateFormat } from '../../hooks/use-date-format';
import { agentPath } from '../agents/agent-paths';
import { KIND_LABELS, latencyLabel, outcomeColor, outcomeLabel } from './activity-labels';

function ActivityBody({ row }: { row: SchedulingActivityRow }) {
  const dates = useDateFormat();
  return (
    <DataList labelWidth="150px" data-testid="activity-detail">
      <DataItem label="When">{valueText(dates.full(row.at))}</DataItem>
      <DataItem label="Agent">
        {row.agentId ? (
          <Anchor component={Link} to={agentPath(row.agentId)} size="sm">
            {row.agentName ?? row.agentId}
          </Anchor>
        ) : (
          valueText(row.agentName)
        )}
      </DataItem>
      <DataItem label="Case">
        {row.caseId ? (
          <Anchor component={Link} to={`/cases/${encodeURIComponent(row.caseId)}`} size="sm">
            {row.caseLabel ?? 'Open the case'}
          </Anchor>
        ) : (
          valueText(null)
        )}
      </DataItem>
      <DataItem label="Request">{valueText(row.request)}</DataItem>
      <DataItem label="Cal.com’s answer">{valueText(row.answer)}</DataItem>
      <DataItem label="Outcome">
        <Badge color={outcomeColor(row)} variant="light">
          {outcomeLabel(row)}
        </Badge>
      </DataItem>
      <DataItem label="Booking">{valueText(row.bookingUid, true)}</DataItem>
      <DataItem label="Latency">{valueText(latencyLabel(row.latencyMs))}</DataItem>
      <DataItem label="Log id">{valueText(row.id, true)}</DataItem>
    </DataList>
  );
}

/** The drawer of `row` (closed when null). */
export function ActivityDrawer({ row, onClose }: { row: SchedulingActivityRow | null; onClose: () => void }) {
  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        row ? (
          <Group gap="xs">
            <Text fw={600}>{KIND_LABELS[row.kind]}</Text>
            <Badge color={outcomeColor(row)} variant="light">
              {outcomeLabel(row)}
            </Badge>
          </Group>
        ) : (
          'Activity'
        )
      }
      closeButtonProps={{ 'aria-label': 'Close the activity' }}
      data-testid="activity-drawer"
    >
      {row && <ActivityBody row={row} />}
    </Drawer>
  );
}
