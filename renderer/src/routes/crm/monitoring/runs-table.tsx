// The runs of an integration, newest first: when, what started it, which way, how long, its counts and outcome
// (with the error summary under a run that had errors). Refreshed whenever a run is written.
import { Badge, Card, EmptyState, Group, Skeleton, Table, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { CrmConnectorId } from '../../../../../shared/domain/connectors';
import { RUN_COUNT_KEYS, type RunCounts } from '../../../../../shared/domain/sync-runs';
import { useContractQuery } from '../../../api/client';
import { QueryState } from '../../../components/query-state';
import { RecordTime } from '../../../components/ui/record-time';
import { DIRECTION_LABELS, durationLabel, OUTCOME_COLORS, OUTCOME_LABELS, TRIGGER_LABELS } from './run-labels';

const SHOWN = 25;
const count = new Intl.NumberFormat('en-US');

/** Only the counts that are not zero ("3 read · 2 created · 1 error"); "nothing to do" when all are. */
function countsText(counts: RunCounts): string {
  const parts = RUN_COUNT_KEYS.filter((k) => counts[k] > 0).map((k) => `${count.format(counts[k])} ${k === 'errors' && counts[k] === 1 ? 'error' : k}`);
  return parts.length ? parts.join(' · ') : 'nothing to do';
}

export function RunsTable({ crm }: { crm: CrmConnectorId }) {
  const runs = useContractQuery('sync.runs', { crm, limit: SHOWN });
  return (
    <Card data-testid="runs-table">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          Runs
        </Title>
        {runs.data && runs.data.total > SHOWN && (
          <Text size="xs" c="dimmed">
            The newest {SHOWN} of {count.format(runs.data.total)}
          </Text>
        )}
      </Group>
      <QueryState
        query={runs}
        errorTitle="Couldn't load the runs"
        loading={<Skeleton h={120} />}
        isEmpty={(page) => page.runs.length === 0}
        empty={<EmptyState size="sm" icon={<IconHistory size={22} />} title="No runs yet" description="Each batch of changes, scheduled run, Sync now and initial sync is listed here." />}
      >
        {(page) => (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Started</Table.Th>
                  <Table.Th>Trigger</Table.Th>
                  <Table.Th>Direction</Table.Th>
                  <Table.Th>Duration</Table.Th>
                  <Table.Th>Records</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.runs.map((run) => (
                  <Table.Tr key={run.id} data-testid="run-row" data-trigger={run.trigger} data-outcome={run.outcome}>
                    <Table.Td>
                      <RecordTime iso={run.startedAt} mode="short" tooltip="native" />
                    </Table.Td>
                    <Table.Td>{TRIGGER_LABELS[run.trigger]}</Table.Td>
                    <Table.Td>{DIRECTION_LABELS[run.direction]}</Table.Td>
                    <Table.Td>{durationLabel(run.startedAt, run.finishedAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" data-testid="run-counts">
                        {countsText(run.counts)}
                      </Text>
                      {run.errorSummary && (
                        <Text size="xs" c="red" data-testid="run-error-summary">
                          {run.errorSummary}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={OUTCOME_COLORS[run.outcome]} variant="light">
                        {OUTCOME_LABELS[run.outcome]}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Card>
  );
}
