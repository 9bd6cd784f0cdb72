// Initial sync as a short wizard: 1. the match preview (nothing written), 2. the run with progress and Cancel,
// 3. the result. Opened while a run is under way (started here, in another window, or resumed after a restart),
// it shows that run.
import { Button, Group, Modal, Skeleton, Stack, Stepper, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import type { CrmConnectorId } from '../../../../../shared/domain/connectors';
import { useContractMutation, useContractQuery } from '../../../api/client';
import { ErrorAlert, QueryState } from '../../../components/query-state';
import { RecordTime } from '../../../components/ui/record-time';
import { InitialResult, InitialRunning } from './initial-sync-run';
import { MatchPreview } from './match-preview';

interface WizardProps {
  crm: CrmConnectorId;
  crmName: string;
  opened: boolean;
  onClose: () => void;
}

interface PreviewStepProps {
  crm: CrmConnectorId;
  crmName: string;
  /** The wizard's start: it outlives this step, which unmounts as soon as the run shows as running. */
  start: ReturnType<typeof useContractMutation<'sync.initialStart'>>;
  onStart: (total: number) => void;
  onClose: () => void;
}

function PreviewStep({ crm, crmName, start, onStart, onClose }: PreviewStepProps) {
  // Read afresh each time the step shows: the CRM's records change outside the console.
  const preview = useContractQuery('sync.initialPreview', { crm }, { staleTime: 0, gcTime: 0, retry: false });
  return (
    <Stack gap="md">
      <QueryState query={preview} errorTitle={`Couldn't read ${crmName}'s records for the preview`} loading={<Skeleton h={220} data-testid="initial-preview-loading" />}>
        {(p) => <MatchPreview preview={p} crmName={crmName} />}
      </QueryState>
      {start.error && <ErrorAlert title="Couldn't start the initial sync" error={start.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Not now
        </Button>
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          disabled={!preview.data}
          loading={start.isPending}
          onClick={() => {
            onStart((preview.data?.crmRecords ?? 0) + (preview.data?.wouldCreateInCrm ?? 0));
            start.mutate({ crm });
          }}
        >
          Start initial sync
        </Button>
      </Group>
    </Stack>
  );
}

export function InitialSyncWizard({ crm, crmName, opened, onClose }: WizardProps) {
  const status = useContractQuery('sync.initialStatus', { crm }, { enabled: opened });
  // The run this window started (its result is shown when it ends), and the preview's estimate of its size.
  const start = useContractMutation('sync.initialStart');
  const [total, setTotal] = useState<number | null>(null);
  const job = status.data?.job ?? null;
  const running = job?.state === 'running';
  const ours = job !== null && start.data?.id === job.id;
  const step = running ? 1 : ours ? 2 : 0;
  const again = () => {
    start.reset();
    setTotal(null);
  };
  const close = () => {
    again();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Initial sync with ${crmName}`} size="xl" data-testid="initial-sync-wizard">
      <Stepper active={step} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label="Match preview" description="Nothing written yet" />
        <Stepper.Step label="Run" description="Progress, cancel" />
        <Stepper.Step label="Result" />
      </Stepper>
      {status.data === undefined ? (
        <QueryState query={status} errorTitle="Couldn't load the initial sync" loading={<Skeleton h={160} />}>
          {() => null}
        </QueryState>
      ) : step === 1 && job ? (
        <InitialRunning job={job} total={total} crmName={crmName} />
      ) : step === 2 && job ? (
        <InitialResult job={job} crmName={crmName} onClose={close} onAgain={again} />
      ) : (
        <Stack gap="md">
          <Text size="sm">
            Brings {crmName}'s existing records into Kayse and Kayse's cases into {crmName}, matching first by link, then external id, case number, email and phone. The
            preview below counts what would happen; nothing is written until you start.
          </Text>
          {job && job.finishedAt && (
            <Text size="xs" c="dimmed" data-testid="initial-last">
              The last initial sync {job.state === 'done' ? 'finished' : job.state === 'cancelled' ? 'was cancelled' : 'stopped'} <RecordTime iso={job.finishedAt} size="xs" />.
            </Text>
          )}
          <PreviewStep crm={crm} crmName={crmName} start={start} onClose={close} onStart={setTotal} />
        </Stack>
      )}
    </Modal>
  );
}
