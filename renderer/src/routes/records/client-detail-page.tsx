// Workspace → Clients → one client: contact details and opt-outs, their cases, and their history.
import { Card, DataList, Grid, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { ClientDetail } from '../../../../shared/domain/workspace-views';
import type { RemoteError } from '../../../../shared/result';
import { useContractQuery } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useBackTarget } from '../../components/records/back-target';
import { ClientCases } from '../../components/records/client-cases';
import { ClientContact, clientName } from '../../components/records/client-contact';
import { DetailSkeleton } from '../../components/ui/detail-skeleton';
import { EMPTY_VALUE } from '../../components/ui/format-value';
import { DemoBadge } from '../../components/ui/demo-badge';
import { RecordHistory } from '../../components/records/record-history';
import { RecordNotFound } from '../../components/ui/record-not-found';
import { RecordTime } from '../../components/ui/record-time';

function ClientView({ detail, back }: { detail: ClientDetail; back: string }) {
  const { client, cases, history, historyTotal } = detail;
  const reference = client.externalSource && client.externalId ? `${client.externalSource} / ${client.externalId}` : null;
  return (
    <>
      <PageHeader
        title={clientName(client)}
        above={<BackLink to={back}>Back to clients</BackLink>}
        aside={client.isDemo ? <DemoBadge /> : undefined}
        description={`${cases.length === 1 ? 'On 1 case' : `On ${cases.length} cases`}`}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Card>
              <Title order={3} size="h4" mb="sm">
                Contact
              </Title>
              <ClientContact client={client} />
              <DataList labelWidth="150px" mt="md">
                <DataList.Item>
                  <DataList.ItemLabel>External reference</DataList.ItemLabel>
                  <DataList.ItemValue>
                    <Text size="sm" c={reference ? undefined : 'dimmed'}>
                      {reference ?? EMPTY_VALUE}
                    </Text>
                  </DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Created</DataList.ItemLabel>
                  <DataList.ItemValue>
                    <RecordTime iso={client.createdAt} mode="short" />
                  </DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Updated</DataList.ItemLabel>
                  <DataList.ItemValue>
                    <RecordTime iso={client.updatedAt} mode="short" />
                  </DataList.ItemValue>
                </DataList.Item>
              </DataList>
            </Card>
            <Card>
              <Title order={3} size="h4" mb="sm">
                Cases
              </Title>
              <ClientCases cases={cases} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card data-testid="client-history">
            <Title order={3} size="h4" mb="xs">
              History
            </Title>
            <RecordHistory history={history} total={historyTotal} />
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

export function ClientDetailPage() {
  const id = useParams().id ?? '';
  const back = useBackTarget('/clients');
  const query = useContractQuery('clients.get', { id });
  const notFound = (error: RemoteError) =>
    error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT' ? (
      <RecordNotFound what="client" message={error.message} listPath="/clients" listLabel="clients" />
    ) : null;
  return (
    <QueryState query={query} errorTitle="Couldn't load this client" loading={<DetailSkeleton label="Loading the client" />} renderError={notFound}>
      {(detail) => <ClientView detail={detail} back={back} />}
    </QueryState>
  );
}
