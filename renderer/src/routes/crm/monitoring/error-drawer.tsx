// One record's error in a side drawer: what failed and the CRM's answer (status, its words, the field it refused),
// the call that failed as it was sent, the request the next attempt sends, every mapped value of the record, Retry
// now (either direction) and a link to the record.
import { Alert, Anchor, Badge, DataList, Drawer, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { CrmConnectorId } from '../../../../../shared/domain/connectors';
import type { ErrorDetail } from '../../../../../shared/domain/sync-monitoring';
import { useContractQuery } from '../../../api/client';
import { QueryState } from '../../../components/query-state';
import { DataItem, valueText } from '../../../components/ui/data-item';
import { JsonBlock } from '../../../components/ui/json-block';
import { useDateFormat } from '../../../hooks/use-date-format';
import { useCrmValueFormat } from '../sample/crm-value-format';
import { MappedValuesTable } from '../sample/mapped-values-table';
import { casePath } from './case-label';
import { RetryButton } from './retry-button';

const OPERATIONS: Record<ErrorDetail['request']['operation'], string> = {
  create: 'Create a record',
  update: 'Update the linked record',
  apply: 'Apply to the Kayse case',
  skip: 'Nothing to send',
};

/** "Update the record <id>": what a call does, and to which CRM record (in monospace). */
function CallTarget({ operation, crmRecordId }: { operation: ErrorDetail['request']['operation']; crmRecordId: string | null }) {
  return (
    <>
      {OPERATIONS[operation]}
      {crmRecordId && (
        <>
          {' '}
          <Text span ff="monospace" size="sm">
            {crmRecordId}
          </Text>
        </>
      )}
    </>
  );
}

/** The failed attempt's call as kept with the error (Kayse → CRM only; the CRM → Kayse side sends nothing). */
function SentSection({ sent, crmName }: { sent: ErrorDetail['sent']; crmName: string }) {
  const dates = useDateFormat();
  return (
    <div data-testid="error-detail-sent">
      <Title order={4} size="h5" mb="xs">
        What was sent
      </Title>
      {sent ? (
        <>
          <Text size="sm" mb="xs">
            <CallTarget operation={sent.operation} crmRecordId={sent.crmRecordId} />,{' '}
            sent {dates.full(sent.at)}, with these values:
          </Text>
          <JsonBlock value={sent.values} label="the values sent" />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          No create or update went out to {crmName} before it failed (a read or a check failed first), or the error was recorded before this version kept calls.
        </Text>
      )}
    </div>
  );
}

function DetailBody({ detail, crmName }: { detail: ErrorDetail; crmName: string }) {
  const dates = useDateFormat();
  const format = useCrmValueFormat(detail.crm);
  const { error, request, response } = detail;
  return (
    <Stack gap="lg">
      <Alert color="red" title={error.message} data-testid="error-detail-message">
        <Text size="sm">
          {error.attempts} {error.attempts === 1 ? 'attempt' : 'attempts'} since {dates.full(error.firstAt)};{' '}
          {error.nextTryAt ? `next try ${dates.full(error.nextTryAt)}.` : 'it waits for a change of the record or Retry now.'}
        </Text>
      </Alert>
      <Group gap="sm">
        <RetryButton crm={detail.crm} caseId={detail.caseId} direction={detail.direction} label={detail.caseName ?? 'this record'} size="sm" />
        {detail.direction === 'from_crm' && (
          <Text size="sm" c="dimmed">
            Retry now reads the record from {crmName} again and applies it.
          </Text>
        )}
        {!detail.caseId.startsWith('crm:') && (
          <Anchor component={Link} to={casePath(detail.caseId)} size="sm" data-testid="error-detail-case">
            Open the case
          </Anchor>
        )}
      </Group>
      <div>
        <Title order={4} size="h5" mb="xs">
          {crmName}’s answer
        </Title>
        <DataList labelWidth="130px" data-testid="error-detail-response">
          <DataItem label="Kind">{valueText(response.kind)}</DataItem>
          <DataItem label="HTTP status">{valueText(response.httpStatus === null ? null : String(response.httpStatus), true)}</DataItem>
          <DataItem label="Its words">{valueText(response.crmMessage)}</DataItem>
          <DataItem label="Field refused">{valueText(response.field, true)}</DataItem>
        </DataList>
      </div>
      {detail.direction === 'to_crm' && <SentSection sent={detail.sent} crmName={crmName} />}
      <div data-testid="error-detail-request">
        {/* Built from the case as it is now (what Retry now would send), not a copy of the failed call. */}
        <Title order={4} size="h5" mb="xs">
          What the next attempt sends
        </Title>
        <Text size="sm" mb="xs">
          <CallTarget operation={request.operation} crmRecordId={request.crmRecordId} />
          {request.operation !== 'skip' && ', with the values that differ from the last sync:'}
        </Text>
        {request.operation !== 'skip' && <JsonBlock value={request.values} label="the request's values" />}
      </div>
      <div>
        <Title order={4} size="h5" mb="xs">
          Mapped values
        </Title>
        <MappedValuesTable values={detail.mappedValues} crmName={crmName} format={format} />
      </div>
    </Stack>
  );
}

/** Which error the drawer shows: a record (a case id, or `crm:<id>`) and a direction. */
export interface OpenError {
  caseId: string;
  direction: 'to_crm' | 'from_crm';
}

const directionLabel = (direction: OpenError['direction'], crmName: string) => (direction === 'to_crm' ? `Kayse → ${crmName}` : `${crmName} → Kayse`);

/** The drawer of the error `open` (closed when null). */
export function ErrorDrawer({ crm, crmName, open, onClose }: { crm: CrmConnectorId; crmName: string; open: OpenError | null; onClose: () => void }) {
  return (
    <Drawer
      opened={open !== null}
      onClose={onClose}
      position="right"
      size={880}
      title={
        <Group gap="xs">
          <Text fw={600}>Sync error</Text>
          {open && (
            <Badge color="red" variant="light">
              {directionLabel(open.direction, crmName)}
            </Badge>
          )}
        </Group>
      }
      closeButtonProps={{ 'aria-label': 'Close the error' }}
      data-testid="error-drawer"
    >
      {open !== null && <ErrorDetailQuery crm={crm} crmName={crmName} open={open} onGone={onClose} />}
    </Drawer>
  );
}

function ErrorDetailQuery({ crm, crmName, open, onGone }: { crm: CrmConnectorId; crmName: string; open: OpenError; onGone: () => void }) {
  const detail = useContractQuery('sync.errorDetail', { crm, caseId: open.caseId, direction: open.direction }, { retry: false });
  // Retried and sent: the error is gone (even with the old detail still loaded), which is good news, not a failure.
  if (detail.error?.code === 'NOT_FOUND') {
    return (
      <Alert color="teal" title="No error any more" data-testid="error-detail-gone">
        This record has no error with {crmName} now.{' '}
        <Anchor component="button" size="sm" onClick={onGone}>
          Close
        </Anchor>
      </Alert>
    );
  }
  return (
    <QueryState query={detail} errorTitle="Couldn't load the error" loading={<Skeleton h={240} />}>
      {(d) => <DetailBody detail={d} crmName={crmName} />}
    </QueryState>
  );
}
