// Workspace → Cases → one case: header, status changer, fields, clients and history.
import { Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { CaseDetail } from '../../../../shared/domain/workspace-views';
import type { RemoteError } from '../../../../shared/result';
import { useContractQuery } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useBackTarget } from '../../components/records/back-target';
import { CaseClients } from '../../components/records/case-clients';
import { CaseFields } from '../../components/records/case-fields';
import { CaseStatusSelect } from '../../components/records/case-status-select';
import { clientName } from '../../components/records/client-contact';
import { DetailSkeleton } from '../../components/ui/detail-skeleton';
import { CaseStatusBadge } from '../../components/records/record-badges';
import { DemoBadge } from '../../components/ui/demo-badge';
import { RecordHistory } from '../../components/records/record-history';
import { CaseAppointments } from '../../components/records/case-appointments';
import { RecordNotFound } from '../../components/ui/record-not-found';
import { CaseCrmLinks } from './case-crm-links';

function CaseView({ detail, back, reload }: { detail: CaseDetail; back: string; reload: () => Promise<unknown> }) {
  const { case: record, caseType, campaign, clients, history, historyTotal } = detail;
  const clientNames = new Map(clients.map((c) => [c.id, clientName(c)]));
  return (
    <>
      <PageHeader
        title={record.name}
        above={<BackLink to={back}>Back to cases</BackLink>}
        aside={
          <Group gap="xs">
            <CaseStatusBadge status={record.status} size="lg" />
            {record.isDemo && <DemoBadge />}
          </Group>
        }
        description={
          <Text component="span" data-testid="case-subtitle">
            <Text span ff="monospace">
              {record.caseNumber}
            </Text>
            {` · ${caseType.name}${campaign ? ` · ${campaign.name}` : ''}`}
          </Text>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Card>
              <CaseStatusSelect current={record} caseType={caseType} reload={reload} />
            </Card>
            <Card>
              <Title order={3} size="h4" mb="sm">
                Fields
              </Title>
              <CaseFields detail={detail} />
            </Card>
            <Card>
              <Title order={3} size="h4" mb="sm">
                Clients
              </Title>
              <CaseClients clients={clients} />
            </Card>
            <CaseCrmLinks caseId={record.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card data-testid="case-history">
            <Title order={3} size="h4" mb="xs">
              History
            </Title>
            <CaseAppointments appointments={detail.appointments ?? []} />
            <RecordHistory
              history={history}
              total={historyTotal}
              context={{
                fields: caseType.fields,
                campaignName: (id) => (campaign && campaign.id === id ? campaign.name : undefined),
                clientName: (id) => clientNames.get(id),
              }}
            />
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

export function CaseDetailPage() {
  const id = useParams().id ?? '';
  const back = useBackTarget('/cases');
  const query = useContractQuery('cases.get', { id });
  const notFound = (error: RemoteError) =>
    error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT' ? (
      <RecordNotFound what="case" message={error.message} listPath="/cases" listLabel="cases" />
    ) : null;
  return (
    <QueryState query={query} errorTitle="Couldn't load this case" loading={<DetailSkeleton label="Loading the case" />} renderError={notFound}>
      {(detail) => <CaseView detail={detail} back={back} reload={() => query.refetch()} />}
    </QueryState>
  );
}
