// A campaign's Workflows tab: the webhooks scoped to it, and New, which creates one with the campaign filter fixed.
import { Button, Card, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconWebhook } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Campaign } from '../../../../shared/domain/workspace';
import { useContractQuery } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { newWebhookPath } from '../webhooks/webhook-paths';
import { WebhooksTable } from '../webhooks/webhooks-table';
import { campaignPath } from './campaign-paths';

export function CampaignWebhooksSection({ campaign }: { campaign: Campaign }) {
  const query = useContractQuery('webhooks.list', { campaignId: campaign.id });
  const newWebhook = (
    <Button component={Link} to={newWebhookPath(campaign.id)} leftSection={<IconPlus size={16} />}>
      New webhook
    </Button>
  );
  return (
    <Card data-testid="campaign-webhooks">
      <Group justify="space-between" mb="md" gap="sm" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <IconWebhook size={20} aria-hidden />
            <Title order={3} size="h4">
              Webhooks
            </Title>
          </Group>
          <Text size="sm" c="dimmed" maw={560}>
            Webhooks scoped to {campaign.name}: they send only this campaign’s call events (calls, transcripts,
            transfers). Company-wide webhooks are on Settings → Integrations → Webhooks.
          </Text>
        </Stack>
        {query.data && query.data.length > 0 && newWebhook}
      </Group>
      <QueryState
        query={query}
        errorTitle="Couldn't load the campaign's webhooks"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState
            py="lg"
            icon={<IconWebhook size={28} />}
            withIndicatorBackground
            title="No webhooks for this campaign"
            description="Send this campaign's calls to your CRM or an automation as they happen."
            data-testid="campaign-webhooks-empty"
          >
            <EmptyState.Actions>{newWebhook}</EmptyState.Actions>
          </EmptyState>
        }
      >
        {(webhooks) => <WebhooksTable webhooks={webhooks} showScope={false} label={`Webhooks of ${campaign.name}`} back={campaignPath(campaign.id, 'workflows')} />}
      </QueryState>
    </Card>
  );
}
