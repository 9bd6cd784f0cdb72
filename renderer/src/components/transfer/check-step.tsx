// Step 3 of the import wizard: the dry run. What the import would create, update, leave alone and reject (with
// the reasons), before anything is written.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCheck, IconDatabaseImport, IconInfoCircle } from '@tabler/icons-react';
import type { ImportCounts as Counts } from '../../../../shared/contract/transfer';
import type { RemoteError } from '../../../../shared/result';
import type { TaskProgress } from '../../hooks/use-task-progress';
import { ErrorAlert, LoadingState } from '../query-state';
import { ImportCounts } from './import-counts';
import { useImportWizard } from './import-wizard-store';
import { rowsLabel } from './progress-view';
import { RejectsTable } from './rejects-table';
import { TaskProgressBar } from './task-progress-bar';

interface CheckStepProps {
  checking: boolean;
  /** Progress of the running dry run, when the host has reported any. */
  progress: TaskProgress | undefined;
  checkError: RemoteError | null;
  onCheck: () => void;
  onBack: () => void;
  onImport: () => void;
  starting: boolean;
  startError: RemoteError | null;
}

function Outcome({ counts }: { counts: Counts }) {
  const importable = counts.created + counts.updated + counts.unchanged;
  return (
    <Stack gap="md">
      <ImportCounts counts={counts} tense="would" />
      {counts.rejected === 0 ? (
        <Alert color="green" icon={<IconCheck size={18} />} p="sm">
          <Text size="sm">Every row can be imported.</Text>
        </Alert>
      ) : (
        <Alert color={importable === 0 ? 'red' : 'yellow'} icon={<IconAlertTriangle size={18} />} p="sm">
          <Text size="sm">
            {importable === 0
              ? 'No row can be imported. Fix the file or the mapping (Back) and check again.'
              : `${rowsLabel(counts.rejected)} would be skipped. Import the rest now and download the rejected rows afterwards to fix and import them again, or fix the file first.`}
          </Text>
        </Alert>
      )}
      <RejectsTable rejects={counts.rejects} rejected={counts.rejected} />
    </Stack>
  );
}

/** The dry run's progress, then its counts and rejects; Back to the mapping, or on to the import. */
export function CheckStep({ checking, progress, checkError, onCheck, onBack, onImport, starting, startError }: CheckStepProps) {
  const dryRun = useImportWizard((s) => s.dryRun);
  const rowCount = useImportWizard((s) => s.inspection?.rowCount ?? 0);
  const importable = dryRun ? dryRun.created + dryRun.updated + dryRun.unchanged : 0;

  let body;
  if (checking) {
    body = progress ? (
      <TaskProgressBar title="Checking the file" done={progress.done} total={progress.total} finished={false} />
    ) : (
      <LoadingState label={`Checking ${rowsLabel(rowCount)}…`} />
    );
  } else if (checkError) {
    body = <ErrorAlert title="Couldn't check the file" error={checkError} onRetry={onCheck} />;
  } else if (dryRun) {
    body = <Outcome counts={dryRun} />;
  } else {
    body = (
      <Group>
        <Button variant="light" onClick={onCheck}>
          Check the file
        </Button>
      </Group>
    );
  }

  return (
    <Stack gap="lg">
      <Group gap="xs" c="dimmed">
        <IconInfoCircle size={16} aria-hidden />
        <Text size="sm">A dry run: nothing has been written yet.</Text>
      </Group>
      <div data-testid="dry-run">{body}</div>
      {startError && <ErrorAlert title="Couldn't start the import" error={startError} />}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack} leftSection={<IconArrowLeft size={16} />} disabled={starting}>
          Back
        </Button>
        <Button onClick={onImport} disabled={!dryRun || checking || importable === 0} loading={starting} leftSection={<IconDatabaseImport size={16} />}>
          {dryRun && importable > 0 ? `Import ${rowsLabel(importable)}` : 'Import'}
        </Button>
      </Group>
    </Stack>
  );
}
