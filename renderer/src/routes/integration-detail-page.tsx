// Settings → Integrations → one integration. Setup screens arrive in later versions; for now its status and purpose.
import { Button, Card, Group, Skeleton, Stack, EmptyState, Text } from '@mantine/core';
import { IconMapPinOff, IconPlug } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { integrationIdSchema, type IntegrationId } from '../../../shared/domain/integrations';
import type { RemoteError } from '../../../shared/result';
import { useContractQuery } from '../api/client';
import { BackLink } from '../components/back-link';
import { IntegrationIcon } from '../components/integration-icon';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { StatusBadge } from '../components/status-badge';

const LIST = '/settings/integrations';

function IntegrationNotFound({ id }: { id: string }) {
  return (
    <>
      <PageHeader title="Integration not found" above={<BackLink to={LIST}>Back to integrations</BackLink>} />
      <EmptyState
        py="xl"
        icon={<IconMapPinOff size={28} />}
        withIndicatorBackground
        title={`There is no integration "${id}"`}
        description="The link may be out of date. Pick one from the list of integrations."
        data-testid="integration-not-found"
      >
        <EmptyState.Actions>
          <Button component={Link} to={LIST}>
            Show all integrations
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </>
  );
}

function DetailSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading the integration">
      <Skeleton height={14} width={140} />
      <Skeleton height={28} width="35%" />
      <Skeleton height={14} width="60%" />
      <Skeleton height={180} mt="md" />
    </Stack>
  );
}

function IntegrationDetail({ id }: { id: IntegrationId }) {
  const query = useContractQuery('integrations.get', { id });
  const notFound = (error: RemoteError) =>
    error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT' ? <IntegrationNotFound id={id} /> : null;

  return (
    <QueryState query={query} errorTitle="Couldn't load this integration" loading={<DetailSkeleton />} renderError={notFound}>
      {(integration) => (
        <>
          <PageHeader
            title={integration.name}
            above={<BackLink to={LIST}>Back to integrations</BackLink>}
            aside={<StatusBadge status={integration.status} size="lg" />}
            description={integration.description}
          />
          <Card>
            {integration.status === 'not_connected' ? (
              <EmptyState
                py="lg"
                icon={<IconPlug size={28} />}
                withIndicatorBackground
                title="Not connected yet"
                description={`Connecting ${integration.name} — credentials, mappings and sync settings — comes in a later version of the console. Until then this integration stays off and nothing is sent or received.`}
                data-testid="integration-empty"
              />
            ) : (
              <Group gap="md" wrap="nowrap">
                <IntegrationIcon category={integration.category} />
                <Text size="sm">{integration.statusDetail ?? 'Settings for this integration come in a later version.'}</Text>
              </Group>
            )}
          </Card>
        </>
      )}
    </QueryState>
  );
}

export function IntegrationDetailPage() {
  const raw = useParams().id ?? '';
  const parsed = integrationIdSchema.safeParse(raw);
  // An id the contract can't accept is not found without asking the host; a valid one may still be unknown to it.
  return parsed.success ? <IntegrationDetail key={parsed.data} id={parsed.data} /> : <IntegrationNotFound id={raw} />;
}
