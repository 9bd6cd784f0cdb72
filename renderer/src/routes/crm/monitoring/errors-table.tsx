// The records whose sync is failing, both directions: the record (linked to it), the direction, the CRM's answer,
// attempts and the next retry, with Details (the drawer) and Retry now (Kayse → CRM sent again; CRM → Kayse read again).
// From sync.recordErrors, refreshed whenever an error changes; sync.status says when the CRM asked to slow down.
import { Button, Card, EmptyState, Group, Skeleton, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { CrmConnectorId } from '../../../../../shared/domain/connectors';
import type { RecordErrorRow } from '../../../../../shared/domain/sync-case-links';
import type { PushRecordError } from '../../../../../shared/domain/sync-push';
import { useContractQuery } from '../../../api/client';
import { QueryState } from '../../../components/query-state';
import { RecordTime } from '../../../components/ui/record-time';
import { CaseLabel } from './case-label';
import { ErrorDrawer, type OpenError } from './error-drawer';
import { RetryButton } from './retry-button';

/** The CRM's own words where it gave them, with its HTTP status; else what the console understood. */
export function crmAnswer(error: Pick<PushRecordError, 'crmMessage' | 'message' | 'httpStatus'>): string {
  const words = error.crmMessage ?? error.message;
  return error.httpStatus ? `${error.httpStatus} · ${words}` : words;
}

/** The record: its case, or the CRM record the pull couldn't bring in (`crm:<id>`, no case yet). */
function RecordCell({ error, crmName }: { error: RecordErrorRow; crmName: string }) {
  if (error.caseId.startsWith('crm:')) {
    return (
      <Text size="sm" data-testid="error-crm-record">
        {crmName} record{' '}
        <Text span ff="monospace" size="sm">
          {error.crmRecordId}
        </Text>
      </Text>
    );
  }
  return <CaseLabel caseId={error.caseId} />;
}

function ErrorRow({ crm, crmName, error: e, onDetails }: { crm: CrmConnectorId; crmName: string; error: RecordErrorRow; onDetails: () => void }) {
  const toCrm = e.direction === 'to_crm';
  return (
    <Table.Tr data-testid="error-row" data-case-id={e.caseId} data-direction={e.direction} data-kind={e.kind}>
      <Table.Td>
        <RecordCell error={e} crmName={crmName} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {toCrm ? `Kayse → ${crmName}` : `${crmName} → Kayse`}
        </Text>
      </Table.Td>
      <Table.Td maw={360}>
        <Text size="sm" data-testid="error-answer" style={{ overflowWrap: 'anywhere' }}>
          {crmAnswer(e)}
        </Text>
        {e.field && (
          <Text size="xs" c="dimmed">
            Field: {e.field}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="error-attempts">{e.attempts}</Table.Td>
      <Table.Td>
        {e.nextTryAt ? (
          <RecordTime iso={e.nextTryAt} size="sm" />
        ) : (
          <Text size="xs" c="dimmed">
            {toCrm ? 'After a change or Retry now' : `After a change in ${crmName} or Retry now`}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" justify="flex-end">
          <Button size="xs" variant="default" onClick={onDetails}>
            Details
          </Button>
          <RetryButton crm={crm} caseId={e.caseId} direction={e.direction} label="this record" />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function ErrorsTable({ crm, crmName }: { crm: CrmConnectorId; crmName: string }) {
  const status = useContractQuery('sync.status', { crm });
  const errors = useContractQuery('sync.recordErrors', { crm });
  const [open, setOpen] = useState<OpenError | null>(null);
  return (
    <Card data-testid="errors-table">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          Errors
        </Title>
        {status.data?.waitingUntil && (
          <Text size="xs" c="dimmed" data-testid="errors-waiting">
            {crmName} asked to slow down: nothing is sent before <RecordTime iso={status.data.waitingUntil} size="xs" mode="short" />
          </Text>
        )}
      </Group>
      <QueryState
        query={errors}
        errorTitle="Couldn't load the errors"
        loading={<Skeleton h={80} />}
        isEmpty={(s) => s.errors.length === 0}
        empty={<EmptyState size="sm" icon={<IconCircleCheck size={22} />} title="No errors" description={`Every record reached ${crmName} or is waiting its turn.`} />}
      >
        {(s) => (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Record</Table.Th>
                  <Table.Th>Direction</Table.Th>
                  <Table.Th>{crmName}’s answer</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                  <Table.Th>Next retry</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.errors.map((e) => (
                  <ErrorRow key={`${e.caseId}:${e.direction}`} crm={crm} crmName={crmName} error={e} onDetails={() => setOpen({ caseId: e.caseId, direction: e.direction })} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <ErrorDrawer crm={crm} crmName={crmName} open={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
