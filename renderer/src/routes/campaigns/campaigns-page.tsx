// Workspace → Campaigns: every campaign with its case type, whether it is active, and how many webhooks are scoped
// to it. A row opens the campaign.
import { Anchor, Badge, Card, EmptyState, Group, Table, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useContractQuery } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DemoBadge } from '../../components/ui/demo-badge';
import { campaignPath } from './campaign-paths';

export function CampaignsPage() {
  const query = useContractQuery('campaigns.list', undefined);
  const caseTypes = useContractQuery('caseTypes.list', undefined).data ?? [];
  const webhooks = useContractQuery('webhooks.list', {}).data ?? [];
  const navigate = useNavigate();
  const caseTypeName = (id: string | null) => caseTypes.find((t) => t.id === id)?.name;
  const webhookCount = (id: string) => webhooks.filter((w) => w.campaignId === id).length;
  return (
    <>
      <PageHeader title="Campaigns" description="The Kayse campaigns your voice agents run. Open one to see its workflows, such as the webhooks scoped to it." />
      <Card>
        <QueryState
          query={query}
          errorTitle="Couldn't load the campaigns"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState
              py="lg"
              icon={<IconSpeakerphone size={28} />}
              withIndicatorBackground
              title="No campaigns yet"
              description="Campaigns arrive from the Kayse platform (or with the demo data). Once one is here, you can scope webhooks to it."
              data-testid="campaigns-empty"
            />
          }
        >
          {(campaigns) => (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" highlightOnHover aria-label="Campaigns">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Case type</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th ta="right">Webhooks</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {campaigns.map((c) => (
                    <Table.Tr key={c.id} data-testid="campaign-row" style={{ cursor: 'pointer' }} onClick={() => void navigate(campaignPath(c.id))}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Anchor component={Link} to={campaignPath(c.id)} fw={500} onClick={(e) => e.stopPropagation()}>
                            {c.name}
                          </Anchor>
                          {c.isDemo && <DemoBadge />}
                        </Group>
                      </Table.Td>
                      <Table.Td>{caseTypeName(c.caseTypeId) ?? <Text span size="sm" c="dimmed">Any</Text>}</Table.Td>
                      <Table.Td>
                        <Badge color={c.active ? 'green' : 'gray'} variant={c.active ? 'light' : 'outline'}>
                          {c.active ? 'Active' : 'Inactive'}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{webhookCount(c.id)}</Table.Td>
                    </Table.Tr>
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
