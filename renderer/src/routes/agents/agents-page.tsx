// Workspace → Agents (the Agent Builder): every voice agent with its campaign, whether it books appointments, the
// Cal.com event type it books into and its last booking. A row opens the agent.
import { Anchor, Card, EmptyState, Group, Table, Text } from '@mantine/core';
import { IconRobot } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { SchedulingAgentRow } from '../../../../shared/domain/scheduling';
import { useContractQuery } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DemoBadge } from '../../components/ui/demo-badge';
import { EMPTY_VALUE } from '../../components/ui/format-value';
import { RecordTime } from '../../components/ui/record-time';
import { schedulingPath } from '../scheduling/scheduling-paths';
import { agentPath } from './agent-paths';
import { BookingBadge } from './booking-badge';

const dimmed = (text: string) => (
  <Text span size="sm" c="dimmed">
    {text}
  </Text>
);

function AgentRow({ agent }: { agent: SchedulingAgentRow }) {
  const navigate = useNavigate();
  const to = agentPath(agent.id);
  return (
    <Table.Tr data-testid="agent-row" data-agent={agent.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(to)}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={to} fw={500} onClick={(e) => e.stopPropagation()}>
            {agent.name}
          </Anchor>
          {agent.isDemo && <DemoBadge />}
        </Group>
      </Table.Td>
      <Table.Td maw={220}>
        <Text size="sm" truncate="end">
          {agent.campaignName ?? dimmed(EMPTY_VALUE)}
        </Text>
      </Table.Td>
      <Table.Td>
        <BookingBadge on={agent.appointmentBooking} blocked={agent.canBook ? null : agent.cannotBookReason} />
      </Table.Td>
      <Table.Td data-testid="agent-event-type" maw={240}>
        {agent.eventTypeId === null ? (
          dimmed(EMPTY_VALUE)
        ) : (
          <Text size="sm" truncate="end">
            {agent.eventType ? `${agent.eventType.title} · ${agent.eventType.lengthMinutes} min ` : ''}
            <Text span size="sm" ff="monospace" c={agent.eventType ? 'dimmed' : undefined}>
              {agent.eventType ? `(${agent.eventTypeId})` : agent.eventTypeId}
            </Text>
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="agent-last-booking">{agent.lastBookingAt ? <RecordTime iso={agent.lastBookingAt} tooltip="native" /> : dimmed('Never')}</Table.Td>
    </Table.Tr>
  );
}

export function AgentsPage() {
  const query = useContractQuery('scheduling.agents', undefined);
  return (
    <>
      <PageHeader
        title="Agents"
        description={
          <>
            The voice agents of your Kayse campaigns. Open one to turn on appointment booking and choose the Cal.com event type it books into. Every check and booking
            is in{' '}
            <Anchor component={Link} to={schedulingPath('activity')}>
              Scheduling → Activity
            </Anchor>
            .
          </>
        }
      />
      <Card>
        <QueryState
          query={query}
          errorTitle="Couldn't load the agents"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState
              py="lg"
              icon={<IconRobot size={28} />}
              withIndicatorBackground
              title="No agents yet"
              description="Agents arrive from the Kayse platform through the ingest API (or with the demo data). Once one is here, you can let it book appointments."
              data-testid="agents-empty"
            />
          }
        >
          {(agents) => (
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="sm" highlightOnHover aria-label="Agents">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Campaign</Table.Th>
                    <Table.Th>Booking</Table.Th>
                    <Table.Th>Event type</Table.Th>
                    <Table.Th>Last booking</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {agents.map((agent) => (
                    <AgentRow key={agent.id} agent={agent} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Card>
    </>
  );
}
