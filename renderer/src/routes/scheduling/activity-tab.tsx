// Scheduling → Activity: every availability check and booking, newest first (time in the company's timezone,
// agent, case, kind, outcome, latency, Cal.com's answer), filtered by agent, a row opening its detail. Kept live by
// the contract's change events.
import { Badge, Card, EmptyState, Group, Pagination, Select, Table, Text } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import type { SchedulingActivityRow } from '../../../../shared/domain/scheduling';
import { useContractQuery } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { EMPTY_VALUE } from '../../components/ui/format-value';
import { useDateFormat } from '../../hooks/use-date-format';
import { ActivityDrawer } from './activity-drawer';
import { KIND_LABELS, latencyLabel, outcomeColor, outcomeLabel } from './activity-labels';

const PAGE_SIZE = 50;

function ActivityRow({ row, onOpen }: { row: SchedulingActivityRow; onOpen: () => void }) {
  const dates = useDateFormat();
  const open = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen();
    }
  };
  return (
    <Table.Tr data-testid="activity-row" data-kind={row.kind} data-outcome={row.outcome} tabIndex={0} onClick={onOpen} onKeyDown={open} style={{ cursor: 'pointer' }} aria-label={`${KIND_LABELS[row.kind]} ${dates.short(row.at)}: open the detail`}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" component="time" dateTime={row.at} title={dates.full(row.at)}>
          {dates.short(row.at)}
        </Text>
      </Table.Td>
      <Table.Td maw={180}>
        <Text size="sm" truncate="end">
          {row.agentName ?? EMPTY_VALUE}
        </Text>
      </Table.Td>
      <Table.Td maw={180}>
        <Text size="sm" truncate="end" c={row.caseLabel ? undefined : 'dimmed'}>
          {row.caseLabel ?? EMPTY_VALUE}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{KIND_LABELS[row.kind]}</Text>
      </Table.Td>
      <Table.Td>
        <Badge color={outcomeColor(row)} variant="light" data-testid="activity-outcome">
          {outcomeLabel(row)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{latencyLabel(row.latencyMs)}</Text>
      </Table.Td>
      <Table.Td maw={260}>
        <Text size="sm" truncate="end" title={row.answer}>
          {row.answer}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function ActivityTab() {
  const [page, setPage] = useState(1);
  const [agentId, setAgentId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const agents = useContractQuery('agents.list', undefined).data ?? [];
  const query = useContractQuery('schedulingBooking.activity', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, ...(agentId ? { agentId } : {}) });
  const dates = useDateFormat();
  const open = query.data?.rows.find((r) => r.id === openId) ?? null;
  const pages = Math.max(1, Math.ceil((query.data?.total ?? 0) / PAGE_SIZE));
  return (
    <Card>
      <Group justify="space-between" mb="md" gap="md">
        <Select
          aria-label="Agent"
          placeholder="All agents"
          data={agents.map((a) => ({ value: a.id, label: a.name }))}
          value={agentId}
          onChange={(value) => {
            setAgentId(value);
            setPage(1);
          }}
          clearable
          searchable
          w={240}
        />
        <Text size="xs" c="dimmed">
          Times in {dates.timeZone}
        </Text>
      </Group>
      <QueryState
        query={query}
        errorTitle="Couldn't load the scheduling activity"
        isEmpty={(data) => data.rows.length === 0}
        empty={
          <EmptyState
            py="lg"
            icon={<IconCalendarStats size={28} />}
            withIndicatorBackground
            title={agentId ? 'Nothing for this agent yet' : 'No availability checks or bookings yet'}
            description="Every check and booking a voice agent makes through the booking API, and every one made with Try it on an agent’s page, is listed here as it happens."
            data-testid="activity-empty"
          />
        }
      >
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm" highlightOnHover aria-label="Scheduling activity">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Time</Table.Th>
                    <Table.Th>Agent</Table.Th>
                    <Table.Th>Case</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Outcome</Table.Th>
                    <Table.Th ta="right">Latency</Table.Th>
                    <Table.Th>Cal.com’s answer</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((row) => (
                    <ActivityRow key={row.id} row={row} onOpen={() => setOpenId(row.id)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {pages > 1 && <Pagination mt="md" total={pages} value={page} onChange={setPage} />}
          </>
        )}
      </QueryState>
      <ActivityDrawer row={open} onClose={() => setOpenId(null)} />
    </Card>
  );
}
