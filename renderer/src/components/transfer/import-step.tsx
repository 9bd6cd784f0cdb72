// Step 4 of the import wizard: the import running (progress from task.progress, with imports.result polled in
// case an event is missed), then what it did, the rejected rows to download, and where to see the records.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDownload, IconList, IconRefresh } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import type { ImportResult } from '../../../../shared/contract/transfer';
import type { RemoteError } from '../../../../shared/result';
import { useContractMutation, useContractQuery } from '../../api/client';
import { downloadText } from '../../download';
import type { TaskProgress } from '../../hooks/use-task-progress';
import { ErrorAlert } from '../query-state';
import { ImportCounts } from './import-counts';
import { useImportWizard } from './import-wizard-store';
import { rowsLabel } from './progress-view';
import { RejectsTable } from './rejects-table';
import { TaskProgressBar } from './task-progress-bar';

/** How often the outcome is asked for while the import runs, in case progress events don't arrive. */
const POLL_MS = 1000;

const LISTS = { cases: { to: '/cases', label: 'Open the cases' }, clients: { to: '/clients', label: 'Open the clients' } } as const;

function Finished({ result, onAnother }: { result: ImportResult; onAnother: () => void }) {
  const rejected = useContractMutation('imports.rejectedCsv');
  const download = () =>
    rejected.mutate({ taskId: result.taskId }, { onSuccess: ({ fileName, csv }) => downloadText(fileName, csv, 'text/csv; charset=utf-8') });
  const list = LISTS[result.kind];
  const failed = result.status === 'failed';
  return (
    <Stack gap="md">
      {failed ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="The import stopped" role="alert">
          <Text size="sm">
            {result.error ?? 'It failed.'} The rows counted below were imported; import the file again to finish (rows
            already in are left unchanged).
          </Text>
        </Alert>
      ) : (
        <Alert color="green" icon={<IconCheck size={18} />} p="sm" data-testid="import-done">
          <Text size="sm">
            Imported {result.fileName}: {rowsLabel(result.total)} read.
          </Text>
        </Alert>
      )}
      <ImportCounts counts={result} tense="did" />
      <RejectsTable rejects={result.rejects} rejected={result.rejected} />
      {rejected.error && <ErrorAlert title="Couldn't download the rejected rows" error={rejected.error} />}
      <Group justify="space-between">
        <Group gap="sm">
          {result.rejected > 0 && (
            <Button variant="light" leftSection={<IconDownload size={16} />} onClick={download} loading={rejected.isPending}>
              Download rejected rows
            </Button>
          )}
          <Button variant="default" component={Link} to={list.to} leftSection={<IconList size={16} />}>
            {list.label}
          </Button>
        </Group>
        <Button onClick={onAnother} leftSection={<IconRefresh size={16} />}>
          Import another file
        </Button>
      </Group>
    </Stack>
  );
}

function Forgotten({ error, onAnother }: { error: RemoteError; onAnother: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="This import's outcome is no longer known">
        <Text size="sm">
          {error.message} Whatever it imported is kept: check the records, or import the file again (rows already in
          are left unchanged).
        </Text>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onAnother}>Import another file</Button>
      </Group>
    </Stack>
  );
}

/** The running import's progress, then its outcome; `progress` comes from the page, which listened from mount. */
export function ImportStep({ progress }: { progress: TaskProgress | undefined }) {
  const taskId = useImportWizard((s) => s.taskId);
  const kind = useImportWizard((s) => s.kind);
  const reset = useImportWizard((s) => s.reset);
  const query = useContractQuery('imports.result', { taskId: taskId ?? '' }, {
    enabled: taskId !== null,
    refetchInterval: (q) => (q.state.data === undefined || q.state.data.status === 'running' ? POLL_MS : false),
  });
  const { refetch } = query;
  const result = query.data;
  const eventSaysFinished = progress?.finished ?? false;
  useEffect(() => {
    if (eventSaysFinished) void refetch();
  }, [eventSaysFinished, refetch]);

  if (taskId === null) return null;
  if (result && result.status !== 'running') {
    return (
      <Stack gap="lg">
        <TaskProgressBar title={result.status === 'failed' ? `Importing ${kind} stopped` : `Imported ${kind}`} done={result.done} total={result.total} finished error={result.error} />
        <Finished result={result} onAnother={reset} />
      </Stack>
    );
  }
  if (query.error && !result) {
    return query.error.code === 'NOT_FOUND' ? (
      <Forgotten error={query.error} onAnother={reset} />
    ) : (
      <ErrorAlert title="Couldn't follow the import" error={query.error} onRetry={() => void refetch()} retrying={query.isFetching} />
    );
  }
  // Events are fresher than the last poll; a poll can be ahead when an event was missed.
  const latest = progress && (!result || progress.done >= result.done) ? progress : result ? { done: result.done, total: result.total || null } : { done: 0, total: null };
  return (
    <Stack gap="md">
      <TaskProgressBar title={`Importing ${kind}`} done={latest.done} total={latest.total} finished={false} />
      <Text size="sm" c="dimmed">
        You can leave this screen: the import carries on, and coming back here shows how it went.
      </Text>
    </Stack>
  );
}
