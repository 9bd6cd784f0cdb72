// The initial sync while it runs (progress, counts so far, Cancel) and once it ended (the result: what was linked
// and created on each side, what was skipped, failed or ambiguous). Both read the job, which refreshes after every
// page.
import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { InitialJob } from '../../../../../shared/domain/sync-initial';
import { useContractMutation } from '../../../api/client';
import { ErrorAlert } from '../../../components/query-state';
import { TaskProgressBar } from '../../../components/transfer/task-progress-bar';
import { AmbiguousList } from './match-preview';

const count = new Intl.NumberFormat('en-US');

function JobCounts({ job, crmName }: { job: InitialJob; crmName: string }) {
  const c = job.counts;
  const items: [string, number, string][] = [
    [`${crmName} records read`, c.read, 'read'],
    ['Already linked', c.alreadyLinked, 'alreadyLinked'],
    ['Linked', c.linked, 'linked'],
    ['Created in Kayse', c.createdInKayse, 'createdInKayse'],
    [`Created in ${crmName}`, c.createdInCrm, 'createdInCrm'],
    ['Skipped', c.skipped, 'skipped'],
    ['Ambiguous', c.ambiguous, 'ambiguous'],
    ['Failed', c.failed, 'failed'],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="initial-counts">
      {items.map(([label, value, key]) => (
        <div key={key} data-testid={`initial-count-${key}`}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700} c={key === 'failed' && value > 0 ? 'red' : undefined} data-testid="initial-count">
            {count.format(value)}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** Progress: CRM records read, then Kayse cases sent; the total is the preview's estimate when there was one. */
export function InitialRunning({ job, total, crmName }: { job: InitialJob; total: number | null; crmName: string }) {
  const cancel = useContractMutation('sync.initialCancel');
  const done = job.counts.read + (job.phase === 'kayse' ? job.counts.createdInCrm + job.counts.failed : 0);
  return (
    <Stack gap="md" data-testid="initial-running">
      <TaskProgressBar
        title={job.phase === 'crm' ? `Reading ${crmName} records` : `Sending Kayse cases to ${crmName}`}
        done={done}
        total={total !== null ? Math.max(total, done) : null}
        finished={false}
        unit={{ one: 'record', many: 'records' }}
      />
      <JobCounts job={job} crmName={crmName} />
      <Text size="sm" c="dimmed">
        You can close this window: the initial sync goes on, and after a restart it continues from its last page.
      </Text>
      {cancel.error && <ErrorAlert title="Couldn't cancel" error={cancel.error} />}
      <Group justify="flex-end">
        <Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ crm: job.crm })}>
          Cancel the initial sync
        </Button>
      </Group>
    </Stack>
  );
}

const ENDED: Record<Exclude<InitialJob['state'], 'running'>, { color: string; title: string }> = {
  done: { color: 'teal', title: 'Initial sync finished' },
  cancelled: { color: 'gray', title: 'Initial sync cancelled: what it synced stays' },
  failed: { color: 'red', title: 'Initial sync stopped' },
};

export function InitialResult({ job, crmName, onClose, onAgain }: { job: InitialJob; crmName: string; onClose: () => void; onAgain: () => void }) {
  const ended = ENDED[job.state === 'running' ? 'done' : job.state];
  return (
    <Stack gap="md" data-testid="initial-result" data-state={job.state}>
      <Alert color={ended.color} title={ended.title} data-testid="initial-result-title">
        {job.error ?? `${count.format(job.counts.linked + job.counts.alreadyLinked + job.counts.createdInKayse + job.counts.createdInCrm)} records are now linked with ${crmName}, and kept in sync from now on.`}
      </Alert>
      <JobCounts job={job} crmName={crmName} />
      <AmbiguousList records={job.ambiguous} total={job.counts.ambiguous} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onAgain}>
          Preview again
        </Button>
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}
