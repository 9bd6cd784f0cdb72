// Settings → Integrations, the console's home: one card per integration with its status.
import { Card, Group, SimpleGrid, Skeleton, Stack, EmptyState } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useContractQuery } from '../api/client';
import { DemoOffer } from '../components/demo-offer';
import { IntegrationCard } from '../components/integration-card';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';

const GRID = { base: 1, md: 2 } as const;

function CardsSkeleton() {
  return (
    <SimpleGrid cols={GRID} spacing="lg" aria-busy="true" aria-label="Loading integrations">
      {[0, 1, 2, 3].map((i) => (
        <Card key={i}>
          <Stack gap="md">
            <Group gap="sm">
              <Skeleton height={44} width={44} radius="md" />
              <Skeleton height={16} width="40%" />
            </Group>
            <Skeleton height={12} />
            <Skeleton height={12} width="70%" />
            <Skeleton height={34} width={90} ml="auto" />
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function IntegrationsPage() {
  const query = useContractQuery('integrations.list', undefined);
  const summary = useContractQuery('workspace.summary', undefined).data;
  // Offered on an empty or demo-only workspace; with real data the card stays while demo data or activity exists.
  const onlyDemo = summary !== undefined && summary.caseTypes + summary.campaigns + summary.agents + summary.clients + summary.cases === summary.demoRecords;
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Connect your Kayse workspace to the CRM, scheduling and webhook endpoints your firm already uses."
      />
      {summary !== undefined && <DemoOffer canStart={onlyDemo} />}
      <QueryState
        query={query}
        errorTitle="Couldn't load the integrations"
        loading={<CardsSkeleton />}
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState
            py="xl"
            icon={<IconPlugConnectedX size={28} />}
            withIndicatorBackground
            title="No integrations available"
            description="This console's host offers no integrations. Update the console to get LawRuler, SmartAdvocate, Scheduling and Webhooks."
          />
        }
      >
        {(integrations) => (
          <SimpleGrid cols={GRID} spacing="lg">
            {integrations.map((integration) => (
              <IntegrationCard key={integration.id} integration={integration} />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </>
  );
}
