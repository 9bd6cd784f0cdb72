// Workspace → Agents (the Agent Builder): every voice agent with its campaign, whether it books appointments, the
// Cal.com event type it books into and its last booking. A row opens the agent.
import { Anchor, Card, EmptyState, Group, Table, Text } from '@mantine/core';
import { IconRobot } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { Agent } from '../../../../shared/domain/workspace';
import { useContractQuery } from '../../api/client';
import { CampaignName } from '../../components/campaign-name';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DemoBadge } from '../../components/ui/demo-badge';
import { EMPTY_VALUE } from '../../components/ui/format-value';
import { agentPath } from './agent-paths';
import { BookingBadge } from './booking-badge';

function AgentRow({ agent }: { agent: Agent }) {
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
        <CampaignName id={agent.campaignId} />
      </Table.Td>
      <Table.Td>
        <BookingBadge on={agent.appointmentBooking} />
      </Table.Td>
      <Table.Td data-testid="agent-event-type">
        {agent.eventTypeId === null ? (
          <Text span size="sm" c="dimmed">
            {EMPTY_VALUE}
          </Text>
        ) : (
          <Text span size="sm" ff="monospace">
            {agent.eventTypeId}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function AgentsPage() {
  const query = useContractQuery('agents.list', undefined);
  return (
    <>
      <PageHeader
        title="Agents"
        description="The voice agents of your Kayse campaigns. Open one to turn on appointment booking and choose the Cal.com event type it books into."
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
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" highlightOnHover aria-label="Agents">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Campaign</Table.Th>
                    <Table.Th>Booking</Table.Th>
                    <Table.Th>Event type</Table.Th>
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
