// Settings → Integrations → LawRuler / SmartAdvocate: the header with the connection's state, and the tabs (only
// Configuration for now; the mapping screens add theirs).
import { Tabs } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import type { CrmConnectorId } from '../../../../shared/domain/connectors';
import { useContractQuery } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DetailSkeleton } from '../../components/ui/detail-skeleton';
import { ConfigurationTab } from './configuration-tab';
import { ConnectionStateBadge } from './connection-state';
import { crmName, INTEGRATIONS_PATH } from './crm-paths';

const DESCRIPTION: Record<CrmConnectorId, string> = {
  lawruler: 'Sync leads, clients and statuses between Kayse and your LawRuler portal.',
  smartadvocate: 'Sync cases, contacts, statuses and substatuses between Kayse and your SmartAdvocate server.',
};

export function CrmPage({ crm }: { crm: CrmConnectorId }) {
  const query = useContractQuery('crm.connection', { crm });
  return (
    <QueryState query={query} errorTitle={`Couldn't load ${crmName(crm)}`} loading={<DetailSkeleton label={`Loading ${crmName(crm)}`} />}>
      {(connection) => (
        <>
          <PageHeader
            title={crmName(crm)}
            above={<BackLink to={INTEGRATIONS_PATH}>Back to integrations</BackLink>}
            aside={<ConnectionStateBadge connection={connection} />}
            description={DESCRIPTION[crm]}
          />
          <Tabs value="configuration" keepMounted={false}>
            <Tabs.List mb="lg">
              <Tabs.Tab value="configuration" leftSection={<IconSettings size={16} />}>
                Configuration
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="configuration">
              <ConfigurationTab connection={connection} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </QueryState>
  );
}
