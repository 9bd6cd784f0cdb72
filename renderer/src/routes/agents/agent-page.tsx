// Workspace → Agents → one agent: its campaign and the Agent Builder's Appointment Booking settings, with the Try it
// panel beside them.
import { Anchor, Card, DataList, Grid, Group, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Agent } from '../../../../shared/domain/workspace';
import { useContractQuery } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { CampaignName } from '../../components/campaign-name';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DemoBadge } from '../../components/ui/demo-badge';
import { DetailSkeleton } from '../../components/ui/detail-skeleton';
import { RecordNotFound } from '../../components/ui/record-not-found';
import { campaignPath } from '../campaigns/campaign-paths';
import { AGENTS_PATH } from './agent-paths';
import { BookingBadge } from './booking-badge';
import { BookingSettingsCard } from './booking-settings-card';

function AgentFacts({ agent }: { agent: Agent }) {
  return (
    <Card>
      <DataList>
        <DataList.Item>
          <DataList.ItemLabel>Campaign</DataList.ItemLabel>
          <DataList.ItemValue>
            {agent.campaignId === null ? (
              <CampaignName id={null} />
            ) : (
              <Anchor component={Link} to={campaignPath(agent.campaignId)} size="sm">
                <CampaignName id={agent.campaignId} />
              </Anchor>
            )}
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

function AgentView({ agent }: { agent: Agent }) {
  return (
    <>
      <PageHeader
        title={agent.name}
        above={<BackLink to={AGENTS_PATH}>Back to agents</BackLink>}
        aside={
          <Group gap="xs">
            <BookingBadge on={agent.appointmentBooking} size="lg" />
            {agent.isDemo && <DemoBadge />}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <BookingSettingsCard key={`${agent.appointmentBooking}-${agent.eventTypeId}`} agent={agent} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <AgentFacts agent={agent} />
        </Grid.Col>
      </Grid>
    </>
  );
}

export function AgentPage() {
  const id = useParams().id ?? '';
  const query = useContractQuery('agents.list', undefined);
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
