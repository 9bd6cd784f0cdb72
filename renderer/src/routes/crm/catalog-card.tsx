// What the CRM offers to map: counts of case types, fields, statuses and substatus types, a compact list per case
// type, when it loaded, Refresh, and a failed load said plainly beside the last catalog that did load.
import { Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconListTree, IconRefresh } from '@tabler/icons-react';
import type { CrmCatalogState, CrmCatalogView, CrmConnectionView } from '../../../../shared/domain/crm';
import { useContractMutation, useContractQuery } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { RecordTime } from '../../components/ui/record-time';
import { CatalogCaseTypes } from './catalog-case-types';
import { CatalogFailureAlert } from './catalog-failure-alert';
import { crmName } from './crm-paths';

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0} data-testid={`catalog-count-${label.toLowerCase().replace(/ /g, '-')}`}>
      <Text size="xl" fw={650} lh={1.2}>
        {value.toLocaleString('en-US')}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

function Counts({ catalog, withSubstatuses }: { catalog: CrmCatalogView; withSubstatuses: boolean }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: withSubstatuses ? 4 : 3 }} spacing="md">
      <Count label="Case types" value={catalog.caseTypes.length} />
      <Count label="Fields" value={catalog.fields.length} />
      <Count label="Statuses" value={catalog.statuses.length} />
      {withSubstatuses && <Count label="Substatus types" value={catalog.substatusTypes.length} />}
    </SimpleGrid>
  );
}

function CatalogBody({ state, connected }: { state: CrmCatalogState; connected: boolean }) {
  const name = crmName(state.crm);
  const { catalog, failure } = state;
  return (
    <Stack gap="md">
      {failure && <CatalogFailureAlert failure={failure} crmName={name} lastGoodAt={catalog ? state.loadedAt : null} />}
      {catalog ? (
        <>
          <Counts catalog={catalog} withSubstatuses={state.crm === 'smartadvocate'} />
          {catalog.caseTypes.length > 0 ? (
            <CatalogCaseTypes catalog={catalog} />
          ) : (
            <Text size="sm" c="dimmed">
              {name} listed no case types.
            </Text>
          )}
        </>
      ) : (
        !failure && (
          <Text size="sm" c="dimmed" data-testid="catalog-none">
            {connected ? `Not loaded yet: press Refresh to load ${name}'s fields and statuses.` : `Loaded from ${name} once connected.`}
          </Text>
        )
      )}
    </Stack>
  );
}

export function CatalogCard({ connection }: { connection: CrmConnectionView }) {
  const { crm } = connection;
  const query = useContractQuery('crm.catalog', { crm });
  const refresh = useContractMutation('crm.refreshCatalog');
  const connected = connection.state !== 'not_connected';
  const loadedAt = query.data?.loadedAt ?? null;
  const onRefresh = () =>
    refresh.mutate(
      { crm },
      { onError: (error) => notifications.show({ color: 'red', title: `Couldn't refresh ${crmName(crm)}'s catalog`, message: error.message }) },
    );
  return (
    <Card data-testid="crm-catalog">
      <Group justify="space-between" gap="sm" mb="md" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <IconListTree size={20} aria-hidden />
            <Title order={3} size="h4">
              Fields and statuses
            </Title>
          </Group>
          <Text size="xs" c="dimmed" data-testid="catalog-loaded-at">
            {loadedAt ? (
              <>
                Loaded <RecordTime iso={loadedAt} size="xs" />
              </>
            ) : (
              'Never loaded'
            )}
          </Text>
        </Stack>
        <Button variant="default" leftSection={<IconRefresh size={16} />} loading={refresh.isPending} disabled={!connected} onClick={onRefresh}>
          Refresh
        </Button>
      </Group>
      <QueryState query={query} errorTitle="Couldn't load the catalog" loading={<Skeleton height={120} />}>
        {(state) => <CatalogBody state={state} connected={connected} />}
      </QueryState>
    </Card>
  );
}
