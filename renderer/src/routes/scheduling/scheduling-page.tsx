// Settings → Integrations → Scheduling: the company's Cal.com connection, and the Activity log of every
// availability check and booking. The tab lives in the address (?tab=activity) so links can open it.
import { Group, Tabs } from '@mantine/core';
import { IconListDetails, IconSettings } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import type { SchedulingConnection } from '../../../../shared/domain/scheduling';
import { useContractQuery } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { DemoBadge } from '../../components/ui/demo-badge';
import { DetailSkeleton } from '../../components/ui/detail-skeleton';
import { ActivityTab } from './activity-tab';
import { ConnectionTab } from './connection-tab';
import { INTEGRATIONS_PATH, type SchedulingTab } from './scheduling-paths';

const isTab = (value: string | null): value is SchedulingTab => value === 'connection' || value === 'activity';

/** The Error state in a few words under the badge; the banner below says what to do. */
const ERROR_LABELS = { key_refused: 'Cal.com refused the saved key', key_missing: 'The key is missing from the keychain' } as const;

function StateBadge({ connection }: { connection: SchedulingConnection }) {
  const detail = connection.state === 'connected' ? `as ${connection.account.email}` : connection.state === 'error' ? ERROR_LABELS[connection.kind] : null;
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" data-testid="scheduling-state" data-state={connection.state}>
      <StatusBadge status={connection.state} detail={detail} size="lg" />
      {connection.state !== 'not_connected' && connection.isDemo && <DemoBadge />}
    </Group>
  );
}

export function SchedulingPage() {
  const query = useContractQuery('scheduling.connection', undefined);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: SchedulingTab = isTab(requested) ? requested : 'connection';
  return (
    <QueryState query={query} errorTitle="Couldn't load Scheduling" loading={<DetailSkeleton label="Loading Scheduling" />}>
      {(connection) => (
        <>
          <PageHeader
            title="Scheduling"
            above={<BackLink to={INTEGRATIONS_PATH}>Back to integrations</BackLink>}
            aside={<StateBadge connection={connection} />}
            description="Let voice agents check your Cal.com calendar and book appointments during calls, in the company’s timezone."
          />
          <Tabs value={tab} onChange={(next) => isTab(next) && setParams(next === 'connection' ? {} : { tab: next }, { replace: true })} keepMounted={false}>
            <Tabs.List mb="lg">
              <Tabs.Tab value="connection" leftSection={<IconSettings size={16} />}>
                Connection
              </Tabs.Tab>
              <Tabs.Tab value="activity" leftSection={<IconListDetails size={16} />}>
                Activity
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="connection">
              <ConnectionTab connection={connection} />
            </Tabs.Panel>
            <Tabs.Panel value="activity">
              <ActivityTab />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </QueryState>
  );
}
