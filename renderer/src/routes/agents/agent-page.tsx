// Workspace → Agents → one agent: the Agent Builder's Appointment Booking settings (with the live event type
// look-up and why the agent can't book, when it can't) beside the Try it panel.
import { Alert, Anchor, Card, DataList, Grid, Group, Stack, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { SchedulingAgentRow, SchedulingConnection } from '../../../../shared/domain/scheduling';
import type { Agent } from '../../../../shared/domain/workspace';
import { useContractQuery } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DemoBadge } from '../../components/ui/demo-badge';
import { DetailSkeleton } from '../../components/ui/detail-skeleton';
import { EMPTY_VALUE } from '../../components/ui/format-value';
import { RecordNotFound } from '../../components/ui/record-not-found';
import { RecordTime } from '../../components/ui/record-time';
import { campaignPath } from '../campaigns/campaign-paths';
import { SCHEDULING_PATH, schedulingPath } from '../scheduling/scheduling-paths';
import { AGENTS_PATH } from './agent-paths';
import { BookingBadge } from './booking-badge';
import { BookingSettingsCard } from './booking-settings-card';
import { EventTypeLookup } from './event-type-lookup';
import { TryItPanel } from './try-it-panel';

/** The agent's fields as the workspace keeps them (the booking form edits these). */
const agentOf = (row: SchedulingAgentRow): Agent => ({
  id: row.id,
  name: row.name,
  campaignId: row.campaignId,
  appointmentBooking: row.appointmentBooking,
  eventTypeId: row.eventTypeId,
  isDemo: row.isDemo,
});

function AgentFacts({ agent }: { agent: SchedulingAgentRow }) {
  return (
    <Card>
      <DataList>
        <DataList.Item>
          <DataList.ItemLabel>Campaign</DataList.ItemLabel>
          <DataList.ItemValue>
            {agent.campaignId === null ? (
              EMPTY_VALUE
            ) : (
              <Anchor component={Link} to={campaignPath(agent.campaignId)} size="sm">
                {agent.campaignName ?? agent.campaignId}
              </Anchor>
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Last booking</DataList.ItemLabel>
          <DataList.ItemValue>
            {agent.lastBookingAt ? <RecordTime iso={agent.lastBookingAt} /> : 'Never'}{' '}
            <Anchor component={Link} to={schedulingPath('activity')} size="sm">
              (activity)
            </Anchor>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Id</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text span ff="monospace" size="sm">
              {agent.id}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Card>
  );
}

/** Above the booking form when booking is on but can't happen: the reason, and the way to fix the connection. */
function CannotBook({ agent, connection }: { agent: SchedulingAgentRow; connection: SchedulingConnection | undefined }) {
  if (!agent.appointmentBooking || agent.canBook) return null;
  const state = connection?.state;
  return (
    <Alert color="orange" icon={<IconPlugConnectedX size={20} />} title={agent.cannotBookReason ?? 'Can’t book'} data-testid="cannot-book" role="alert">
      {(state === 'not_connected' || state === 'error') && (
        <Text size="sm">
          Calls that ask this agent for a time are told it can’t book right now.{' '}
          <Anchor component={Link} to={SCHEDULING_PATH} size="sm">
            {state === 'error' ? 'Fix the company’s Cal.com key' : 'Connect Cal.com'}
          </Anchor>{' '}
          to let every booking agent book again; their settings are kept.
        </Text>
      )}
    </Alert>
  );
}

function AgentView({ agent }: { agent: SchedulingAgentRow }) {
  const connection = useContractQuery('scheduling.connection', undefined).data;
  const tryItBlocked = agent.canBook ? null : !agent.appointmentBooking ? 'Turn Appointment Booking on, enter the Event Type ID and Save to try it.' : (agent.cannotBookReason ?? 'This agent can’t book right now.');
  return (
    <>
      <PageHeader
        title={agent.name}
        above={<BackLink to={AGENTS_PATH}>Back to agents</BackLink>}
        aside={
          <Group gap="xs" align="flex-start">
            <BookingBadge on={agent.appointmentBooking} blocked={agent.canBook ? null : agent.cannotBookReason} size="lg" />
            {agent.isDemo && <DemoBadge />}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <BookingSettingsCard
            key={`${agent.appointmentBooking}-${agent.eventTypeId}`}
            agent={agentOf(agent)}
            notice={<CannotBook agent={agent} connection={connection} />}
            renderLookup={(text) => <EventTypeLookup text={text} connection={connection?.state} />}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <TryItPanel key={`${agent.appointmentBooking}-${agent.eventTypeId}`} agentId={agent.id} blocked={tryItBlocked} />
            <AgentFacts agent={agent} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

export function AgentPage() {
  const id = useParams().id ?? '';
  const query = useContractQuery('scheduling.agents', undefined);
  return (
    <QueryState query={query} errorTitle="Couldn't load the agent" loading={<DetailSkeleton label="Loading the agent" />}>
      {(agents) => {
        const agent = agents.find((a) => a.id === id);
        return agent ? (
          <AgentView key={agent.id} agent={agent} />
        ) : (
          <RecordNotFound what="agent" message={`There is no agent "${id}" in this workspace.`} listPath={AGENTS_PATH} listLabel="agents" />
        );
      }}
    </QueryState>
  );
}
