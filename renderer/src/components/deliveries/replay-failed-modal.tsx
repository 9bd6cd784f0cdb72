// Replay failed in range: every failed delivery of one webhook created in a time range is queued again as a manual
// attempt, with a progress bar (task.progress) and Cancel (deliveries already queued stay queued).
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useContractMutation } from '../../api/client';
import { useTaskProgress, type TaskProgress } from '../../hooks/use-task-progress';
import { ErrorAlert } from '../query-state';
import { TIME_RANGES } from '../ui/time-range';
import { TaskProgressBar } from '../transfer/task-progress-bar';
import { DELIVERIES } from './delivery-status';

interface ReplayFailedModalProps {
  opened: boolean;
  onClose: () => void;
  webhooks: readonly { id: string; name: string }[];
  /** Preselected: the list's webhook and time range. */
  webhookId?: string;
  range?: string;
}

function Running({ taskId, total, progress, onClose }: { taskId: string; total: number; progress: TaskProgress | undefined; onClose: () => void }) {
  const cancel = useContractMutation('webhooks.cancelTask');
  const finished = progress?.finished ?? false;
  return (
    <Stack gap="sm" data-testid="replay-progress">
      <TaskProgressBar
        unit={DELIVERIES}
        title={finished ? (progress?.error ? 'Replay stopped' : 'Replays queued') : 'Queueing replays'}
        done={progress?.done ?? 0}
        total={progress?.total ?? total}
        finished={finished}
        error={progress?.error}
      />
      {progress?.error && (
        <Text size="sm" c="dimmed">
          {progress.error}. Deliveries already queued stay queued.
        </Text>
      )}
      {finished && !progress?.error && (
        <Text size="sm" c="dimmed">
          Each one is sent as a manual attempt; watch them in the list.
        </Text>
      )}
      <Group justify="flex-end">
        {!finished && (
          <Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ taskId })}>
            Cancel
          </Button>
        )}
        <Button onClick={onClose} variant={finished ? 'filled' : 'subtle'}>
          {finished ? 'Done' : 'Close (keeps running)'}
        </Button>
      </Group>
    </Stack>
  );
}

/** The modal; see the file header. */
export function ReplayFailedModal({ opened, onClose, webhooks, webhookId, range }: ReplayFailedModalProps) {
  const [hook, setHook] = useState<string | null>(webhookId ?? null);
  const [span, setSpan] = useState<string>(range ?? '24h');
  const start = useContractMutation('webhooks.replayFailed');
  // Listening from mount: a small replay can report every step before the call that started it answers.
  const progress = useTaskProgress(start.data?.taskId ?? null);
  const close = () => {
    start.reset();
    onClose();
  };
  const run = () => {
    const ms = TIME_RANGES.find((r) => r.value === span)?.ms ?? 86_400_000;
    const now = Date.now();
    if (hook) start.mutate({ webhookId: hook, from: new Date(now - ms).toISOString(), to: new Date(now + 1000).toISOString() });
  };
  const rangeLabel = TIME_RANGES.find((r) => r.value === span)?.label.toLowerCase() ?? span;
  return (
    <Modal opened={opened} onClose={close} title="Replay failed deliveries" size="md">
      {start.data && start.data.total > 0 ? (
        <Running taskId={start.data.taskId} total={start.data.total} progress={progress} onClose={close} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Sends every failed delivery of a webhook, created in the range, again as a manual attempt (same delivery and event ids: receivers deduplicate by event id).
          </Text>
          <Select label="Webhook" placeholder="Choose a webhook" data={webhooks.map((w) => ({ value: w.id, label: w.name }))} value={hook} onChange={setHook} required searchable />
          <Select label="Created" data={TIME_RANGES.map((r) => ({ value: r.value, label: r.label }))} value={span} onChange={(v) => setSpan(v ?? '24h')} allowDeselect={false} />
          {start.data && start.data.total === 0 && (
            <Alert color="gray" data-testid="replay-nothing">
              No failed deliveries of this webhook were created in the {rangeLabel}.
            </Alert>
          )}
          {start.error && <ErrorAlert title="Couldn't start the replay" error={start.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button leftSection={<IconPlayerPlay size={16} />} disabled={!hook} loading={start.isPending} onClick={run}>
              Replay failed
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
