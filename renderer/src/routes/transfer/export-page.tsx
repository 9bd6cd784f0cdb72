// Data → Export: cases, clients or events as CSV or JSON, filtered, exported in the background and downloaded.
import { Alert, Button, Card, Group, Input, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDownload, IconFileExport } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { ExportFile } from '../../../../shared/contract/transfer';
import { useContractMutation, useContractQuery } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ErrorAlert } from '../../components/query-state';
import { ExportFilters } from '../../components/transfer/export-filters';
import { EMPTY_CHOICES, exportRequest, type ExportChoices, type ExportFormat, type ExportKind } from '../../components/transfer/export-request';
import { rowsLabel } from '../../components/transfer/progress-view';
import { TaskProgressBar } from '../../components/transfer/task-progress-bar';
import { downloadText } from '../../download';
import { formErrors } from '../../field-issues';
import { useTaskProgress, type TaskProgress } from '../../hooks/use-task-progress';

const KINDS: { value: ExportKind; label: string }[] = [
  { value: 'cases', label: 'Cases' },
  { value: 'clients', label: 'Clients' },
  { value: 'events', label: 'Events' },
];
const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'csv', label: 'CSV' },
  { value: 'json', label: 'JSON' },
];
const FILTER_FIELDS = ['filters.caseTypeId', 'filters.statusId', 'filters.campaignId', 'filters.type', 'filters.from', 'filters.to'] as const;

const save = (file: ExportFile) => downloadText(file.fileName, file.content, file.mimeType);

function Exported({ file }: { file: ExportFile }) {
  return (
    <Alert color="green" icon={<IconCheck size={18} />} data-testid="export-done">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {rowsLabel(file.rows)} exported to <strong>{file.fileName}</strong>. The download has started.
        </Text>
        <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} onClick={() => save(file)}>
          Download again
        </Button>
      </Group>
    </Alert>
  );
}

/** How often the file is asked for while no "finished" event has come, in case the event stream dropped it. */
const POLL_MS = 2000;

function ExportRun({ taskId, progress }: { taskId: string; progress: TaskProgress | undefined }) {
  const eventSaysFinished = progress?.finished === true && progress.error === null;
  // The host answers CONFLICT while the export runs: until the file comes, that only means "not yet".
  const result = useContractQuery('exports.result', { taskId }, {
    staleTime: Infinity,
    retry: false,
    refetchInterval: (q) => (q.state.data || eventSaysFinished ? false : POLL_MS),
  });
  const { refetch } = result;
  useEffect(() => {
    if (eventSaysFinished) void refetch();
  }, [eventSaysFinished, refetch]);
  const file = result.data;
  const finished = eventSaysFinished || file !== undefined;
  const fetchError = result.error && (result.error.code !== 'CONFLICT' || eventSaysFinished) ? result.error : null;
  // Saved once, when the file arrives; "Download again" is there for more.
  const saved = useRef<string | null>(null);
  useEffect(() => {
    if (file && saved.current !== taskId) {
      saved.current = taskId;
      save(file);
    }
  }, [file, taskId]);

  if (progress?.error) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title="The export failed" role="alert">
        <Text size="sm">{progress.error} Export again; if it keeps failing, the console's log has the details.</Text>
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <TaskProgressBar
        title={finished ? 'Export finished' : 'Exporting'}
        done={file?.rows ?? progress?.done ?? 0}
        total={file?.rows ?? progress?.total ?? null}
        finished={finished}
      />
      {fetchError && <ErrorAlert title="Couldn't fetch the exported file" error={fetchError} onRetry={() => void refetch()} retrying={result.isFetching} />}
      {file && <Exported file={file} />}
    </Stack>
  );
}

/** The export form, then the running export's progress and its file. */
export function ExportPage() {
  const [choices, setChoices] = useState<ExportChoices>(EMPTY_CHOICES);
  const [taskId, setTaskId] = useState<string | null>(null);
  // Listening from mount: a small export can finish before exports.run has answered with its id.
  const progress = useTaskProgress(taskId);
  const run = useContractMutation('exports.run');
  const change = (patch: Partial<ExportChoices>) => setChoices((c) => ({ ...c, ...patch }));
  const errors = formErrors(run.error, FILTER_FIELDS);
  const fieldErrors = Object.fromEntries(Object.entries(errors.fields).map(([path, message]) => [path.replace('filters.', ''), message]));
  const start = () => {
    setTaskId(null);
    run.mutate(exportRequest(choices), { onSuccess: ({ taskId: id }) => setTaskId(id) });
  };

  return (
    <>
      <PageHeader title="Export" description="Download cases, clients or received events as a CSV file (for spreadsheets) or JSON (for scripts)." />
      <Stack gap="lg">
        <Card component="section" aria-labelledby="export-what">
          <Title order={3} size="h4" mb="md" id="export-what">
            What to export
          </Title>
          <Stack gap="md">
            <Group gap="xl" align="flex-start">
              <Input.Wrapper label="Records" id="export-kind-label">
                <div>
                  <SegmentedControl
                    aria-labelledby="export-kind-label"
                    data={KINDS}
                    value={choices.kind}
                    onChange={(kind) => {
                      // A finished export's panel speaks of the records exported before: it goes when the kind changes.
                      if (progress?.finished !== false) setTaskId(null);
                      change({ kind: kind as ExportKind });
                    }}
                    disabled={run.isPending}
                  />
                </div>
              </Input.Wrapper>
              <Input.Wrapper label="Format" id="export-format-label">
                <div>
                  <SegmentedControl
                    aria-labelledby="export-format-label"
                    data={FORMATS}
                    value={choices.format}
                    onChange={(format) => change({ format: format as ExportFormat })}
                    disabled={run.isPending}
                  />
                </div>
              </Input.Wrapper>
            </Group>
            <ExportFilters choices={choices} onChange={change} errors={fieldErrors} disabled={run.isPending} />
            {errors.general.length > 0 && run.error && <ErrorAlert title="Couldn't start the export" error={run.error} />}
            <Group justify="flex-end">
              <Button onClick={start} loading={run.isPending} leftSection={<IconFileExport size={16} />}>
                Export {choices.kind}
              </Button>
            </Group>
          </Stack>
        </Card>
        {taskId && (
          <Card component="section" aria-label="Export progress">
            <ExportRun key={taskId} taskId={taskId} progress={progress} />
          </Card>
        )}
      </Stack>
    </>
  );
}
