// Settings → Integrations → Webhooks: every webhook with its scope, Active toggle and health, the way to create one,
// the link to the delivery inspector, and the settings that apply to all of them.
import { Button, Card, EmptyState, Group, Skeleton, Stack } from '@mantine/core';
import { IconListDetails, IconPlus, IconWebhook } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useContractQuery } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { AllowlistWarning } from './allowlist-warning';
import { deliveriesPath, newWebhookPath } from './webhook-paths';
import { WebhookSettingsCard } from './webhook-settings-card';
import { WebhooksTable } from './webhooks-table';

function ListSkeleton() {
  return (
    <Stack gap="sm" aria-busy="true" aria-label="Loading the webhooks">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={44} />
      ))}
    </Stack>
  );
}

export function WebhooksPage() {
  const query = useContractQuery('webhooks.list', {});
  const newWebhook = (
    <Button component={Link} to={newWebhookPath()} leftSection={<IconPlus size={16} />}>
      New webhook
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Webhooks"
        above={<BackLink to="/settings/integrations">Back to integrations</BackLink>}
        description="Signed, retried deliveries of Kayse events to your HTTPS endpoints: your CRM, Zapier, your own server."
      />
      <Stack gap="lg">
        <AllowlistWarning />
        <Card>
          <Group justify="flex-end" mb="md" gap="sm">
            <Button component={Link} to={deliveriesPath()} variant="default" leftSection={<IconListDetails size={16} />}>
              Recent deliveries
            </Button>
            {query.data && query.data.length > 0 && newWebhook}
          </Group>
          <QueryState
            query={query}
            errorTitle="Couldn't load the webhooks"
            loading={<ListSkeleton />}
            isEmpty={(list) => list.length === 0}
            empty={
              <EmptyState
                py="lg"
                icon={<IconWebhook size={28} />}
                withIndicatorBackground
                title="No webhooks yet"
                description="A webhook sends each Kayse event (calls, transfers, messages, tasks, forms) to an HTTPS endpoint as it happens, signed so the receiver can trust it."
                data-testid="webhooks-empty"
              >
                <EmptyState.Actions>{newWebhook}</EmptyState.Actions>
              </EmptyState>
            }
          >
            {(webhooks) => <WebhooksTable webhooks={webhooks} label="Webhooks" />}
          </QueryState>
        </Card>
        <WebhookSettingsCard />
      </Stack>
    </>
  );
}
