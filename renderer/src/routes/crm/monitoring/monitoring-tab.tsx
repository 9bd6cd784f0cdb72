// The Monitoring tab: Sync now and the initial sync in its header, the sync's pause when there is one, the four
// tiles, runs over time, the runs and the records failing. Everything reads the contract and refreshes when the
// tables it reads change (a run written, an error recorded or cleared).
import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { CrmConnectionView } from '../../../../../shared/domain/crm';
import type { ChartRange } from '../../../../../shared/domain/sync-monitoring';
import { useContractMutation, useContractQuery } from '../../../api/client';
import { QueryState } from '../../../components/query-state';
import { RecordTime } from '../../../components/ui/record-time';
import { crmName } from '../crm-paths';
import { InitialSyncButton } from '../initial-sync/initial-sync-button';
import { ErrorsTable } from './errors-table';
import { MonitoringTiles, rateLimitRefresh } from './monitoring-tiles';
import { RunsChart } from './runs-chart';
import { RunsTable } from './runs-table';
import { OUTCOME_LABELS } from './run-labels';

/** Disabled while the sync is paused (the CRM refused the credentials): it would only be refused. */
function SyncNowButton({ connection, paused }: { connection: CrmConnectionView; paused: boolean }) {
  const syncNow = useContractMutation('sync.syncNow');
  const name = crmName(connection.crm);
  return (
    <Button
      leftSection={<IconPlayerPlay size={16} />}
      loading={syncNow.isPending}
      disabled={connection.state === 'not_connected' || paused}
      onClick={() =>
        syncNow.mutate(
          { crm: connection.crm },
          {
            onSuccess: (run) => notifications.show({ color: run.outcome === 'ok' ? 'teal' : 'yellow', title: `Synced with ${name}`, message: `Run ${OUTCOME_LABELS[run.outcome].toLowerCase()}.` }),
            onError: (error) => notifications.show({ color: 'red', title: `Couldn't sync with ${name}`, message: error.message }),
          },
        )
      }
    >
      Sync now
    </Button>
  );
}

export function MonitoringTab({ connection }: { connection: CrmConnectionView }) {
  const { crm } = connection;
  const name = crmName(crm);
  const [range, setRange] = useState<ChartRange>('24h');
  // The previous range's numbers stay on screen while the next range loads.
  // No table changes while a 429's wait counts down or a slowed rate climbs back: look again every few seconds then.
  const monitoring = useContractQuery('sync.monitoring', { crm, range }, { placeholderData: keepPreviousData, refetchInterval: (q) => rateLimitRefresh(q.state.data) });
  return (
    <Stack gap="lg" data-testid="crm-monitoring">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={620}>
          How the sync with {name} is doing: updated as runs finish and records fail or recover.
        </Text>
        <Group gap="sm">
          <InitialSyncButton connection={connection} variant="default" />
          <SyncNowButton connection={connection} paused={!!monitoring.data?.paused} />
        </Group>
      </Group>
      {connection.state === 'not_connected' && (
        <Alert color="gray" data-testid="monitoring-not-connected">
          {name} is not connected: connect it on the Configuration tab to start syncing.
        </Alert>
      )}
      <QueryState query={monitoring} errorTitle={`Couldn't load ${name}'s monitoring`} loading={<Skeleton h={320} />}>
        {(m) => (
          <Stack gap="lg">
            {m.paused && (
              <Alert color="orange" title={`Sync with ${name} is paused`} data-testid="monitoring-paused">
                <Text size="sm">
                  {m.paused.reason} (since <RecordTime iso={m.paused.since} />)
                </Text>
                <Text size="sm" mt={4}>
                  What to do: {m.paused.fix}
                </Text>
              </Alert>
            )}
            <MonitoringTiles monitoring={m} crmName={name} />
            <RunsChart chart={m.chart} range={range} onRange={setRange} />
          </Stack>
        )}
      </QueryState>
      <ErrorsTable crm={crm} crmName={name} />
      <RunsTable crm={crm} />
    </Stack>
  );
}
