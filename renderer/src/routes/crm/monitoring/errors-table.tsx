// The records whose sync is failing: the record (linked to it), the direction, the CRM's answer, attempts and the
// next retry, with Details (the drawer) and Retry now. From sync.status, refreshed whenever an error changes.
import { Button, Card, EmptyState, Group, Skeleton, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { CrmConnectorId } from '../../../../../shared/domain/connectors';
import type { PushRecordError } from '../../../../../shared/domain/sync-push';
import { useContractQuery } from '../../../api/client';
import { QueryState } from '../../../components/query-state';
import { RecordTime } from '../../../components/ui/record-time';
import { CaseLabel } from './case-label';
import { ErrorDrawer } from './error-drawer';
import { RetryButton } from './retry-button';

/** The CRM's own words where it gave them, with its HTTP status; else what the console understood. */
export function crmAnswer(error: Pick<PushRecordError, 'crmMessage' | 'message' | 'httpStatus'>): string {
  const words = error.crmMessage ?? error.message;
  return error.httpStatus ? `${error.httpStatus} · ${words}` : words;
}

export function ErrorsTable({ crm, crmName }: { crm: CrmConnectorId; crmName: string }) {
  const status = useContractQuery('sync.status', { crm });
  const [open, setOpen] = useState<string | null>(null);
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
        query={status}
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
                  <Table.Tr key={e.caseId} data-testid="error-row" data-case-id={e.caseId} data-kind={e.kind}>
                    <Table.Td>
                      <CaseLabel caseId={e.caseId} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        Kayse → {crmName}
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
                    <Table.Td>{e.nextTryAt ? <RecordTime iso={e.nextTryAt} size="sm" /> : <Text size="xs" c="dimmed">After a change or Retry now</Text>}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        <Button size="xs" variant="default" onClick={() => setOpen(e.caseId)}>
                          Details
                        </Button>
                        <RetryButton crm={crm} caseId={e.caseId} label="this record" />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <ErrorDrawer crm={crm} crmName={crmName} caseId={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
