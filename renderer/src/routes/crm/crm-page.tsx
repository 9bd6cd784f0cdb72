// Settings → Integrations → LawRuler / SmartAdvocate: the header with the connection's state, and the tabs
// (Configuration, CRM Mappings, Sync settings, Monitoring, Test a sample record). The tab lives in the address
// (?tab=mappings) so links can open it and a tab with unsaved changes can ask before it is left.
import { Tabs } from '@mantine/core';
import { IconActivity, IconArrowsExchange, IconFlask, IconSettings, IconTransform } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import type { CrmConnectorId } from '../../../../shared/domain/connectors';
import { useContractQuery } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DetailSkeleton } from '../../components/ui/detail-skeleton';
import { ConfigurationTab } from './configuration-tab';
import { ConnectionStateBadge } from './connection-state';
import { crmName, INTEGRATIONS_PATH } from './crm-paths';
import { MappingsTab } from './mappings/mappings-tab';
import { SyncSettingsTab } from './settings/sync-settings-tab';
import { MonitoringTab } from './monitoring/monitoring-tab';
import { SampleTab } from './sample/sample-tab';

const TABS = ['configuration', 'mappings', 'sync', 'monitoring', 'sample'] as const;
type CrmTab = (typeof TABS)[number];
const isTab = (value: string | null): value is CrmTab => TABS.includes(value as CrmTab);

const DESCRIPTION: Record<CrmConnectorId, string> = {
  lawruler: 'Sync leads, clients and statuses between Kayse and your LawRuler portal.',
  smartadvocate: 'Sync cases, contacts, statuses and substatuses between Kayse and your SmartAdvocate server.',
};

export function CrmPage({ crm }: { crm: CrmConnectorId }) {
  const query = useContractQuery('crm.connection', { crm });
  const pause = useContractQuery('sync.pause', { crm });
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: CrmTab = isTab(requested) ? requested : 'configuration';
  return (
    <QueryState query={query} errorTitle={`Couldn't load ${crmName(crm)}`} loading={<DetailSkeleton label={`Loading ${crmName(crm)}`} />}>
      {(connection) => (
        <>
          <PageHeader
            title={crmName(crm)}
            above={<BackLink to={INTEGRATIONS_PATH}>Back to integrations</BackLink>}
            aside={<ConnectionStateBadge connection={connection} syncPause={pause.data?.paused ?? null} />}
            description={DESCRIPTION[crm]}
          />
          <Tabs value={tab} onChange={(next) => isTab(next) && setParams(next === 'configuration' ? {} : { tab: next }, { replace: true })} keepMounted={false}>
            <Tabs.List mb="lg">
              <Tabs.Tab value="configuration" leftSection={<IconSettings size={16} />}>
                Configuration
              </Tabs.Tab>
              <Tabs.Tab value="mappings" leftSection={<IconTransform size={16} />}>
                CRM Mappings
              </Tabs.Tab>
              <Tabs.Tab value="sync" leftSection={<IconArrowsExchange size={16} />}>
                Sync settings
              </Tabs.Tab>
              <Tabs.Tab value="monitoring" leftSection={<IconActivity size={16} />}>
                Monitoring
              </Tabs.Tab>
              <Tabs.Tab value="sample" leftSection={<IconFlask size={16} />}>
                Test a sample record
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="configuration">
              <ConfigurationTab connection={connection} />
            </Tabs.Panel>
            <Tabs.Panel value="mappings">
              <MappingsTab connection={connection} />
            </Tabs.Panel>
            <Tabs.Panel value="sync">
              <SyncSettingsTab connection={connection} />
            </Tabs.Panel>
            <Tabs.Panel value="monitoring">
              <MonitoringTab connection={connection} />
            </Tabs.Panel>
            <Tabs.Panel value="sample">
              <SampleTab connection={connection} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </QueryState>
  );
}
