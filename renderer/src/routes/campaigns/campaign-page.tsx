// Workspace → Campaigns → one campaign: an overview (case type, status, its cases) and the Workflows tab with the
// webhooks scoped to it. The tab lives in the address (?tab=workflows) so links can open it.
import { Anchor, Badge, Card, DataList, Group, Tabs, Text } from '@mantine/core';
import { IconInfoCircle, IconRoute } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Campaign } from '../../../../shared/domain/workspace';
import { useContractQuery } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DetailSkeleton } from '../../components/ui/detail-skeleton';
import { DemoBadge } from '../../components/ui/demo-badge';
import { RecordNotFound } from '../../components/ui/record-not-found';
import { CAMPAIGNS_PATH, type CampaignTab } from './campaign-paths';
import { CampaignWebhooksSection } from './campaign-webhooks-section';

function Overview({ campaign }: { campaign: Campaign }) {
  const caseType = useContractQuery('caseTypes.list', undefined).data?.find((t) => t.id === campaign.caseTypeId);
  return (
    <Card>
      <DataList>
        <DataList.Item>
          <DataList.ItemLabel>Case type</DataList.ItemLabel>
          <DataList.ItemValue>{campaign.caseTypeId === null ? 'Any' : (caseType?.name ?? campaign.caseTypeId)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Status</DataList.ItemLabel>
          <DataList.ItemValue>{campaign.active ? 'Active' : 'Inactive'}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Cases</DataList.ItemLabel>
          <DataList.ItemValue>
            <Anchor component={Link} to={`/cases?campaign=${encodeURIComponent(campaign.id)}`} size="sm">
              Open this campaign’s cases
            </Anchor>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Id</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text span ff="monospace" size="sm">
              {campaign.id}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Card>
  );
}

const isTab = (value: string | null): value is CampaignTab => value === 'overview' || value === 'workflows';

function CampaignView({ campaign }: { campaign: Campaign }) {
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: CampaignTab = isTab(requested) ? requested : 'overview';
  return (
    <>
      <PageHeader
        title={campaign.name}
        above={<BackLink to={CAMPAIGNS_PATH}>Back to campaigns</BackLink>}
        aside={
          <Group gap="xs">
            <Badge color={campaign.active ? 'green' : 'gray'} variant={campaign.active ? 'light' : 'outline'} size="lg">
              {campaign.active ? 'Active' : 'Inactive'}
            </Badge>
            {campaign.isDemo && <DemoBadge />}
          </Group>
        }
      />
      <Tabs value={tab} onChange={(next) => isTab(next) && setParams(next === 'overview' ? {} : { tab: next }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="workflows" leftSection={<IconRoute size={16} />}>
            Workflows
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview campaign={campaign} />
        </Tabs.Panel>
        <Tabs.Panel value="workflows">
          <CampaignWebhooksSection campaign={campaign} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

export function CampaignPage() {
  const id = useParams().id ?? '';
  const query = useContractQuery('campaigns.list', undefined);
  return (
    <QueryState query={query} errorTitle="Couldn't load the campaign" loading={<DetailSkeleton label="Loading the campaign" />}>
      {(campaigns) => {
        const campaign = campaigns.find((c) => c.id === id);
        return campaign ? (
          <CampaignView key={campaign.id} campaign={campaign} />
        ) : (
          <RecordNotFound what="campaign" message={`There is no campaign "${id}" in this workspace.`} listPath={CAMPAIGNS_PATH} listLabel="campaigns" />
        );
      }}
    </QueryState>
  );
}
