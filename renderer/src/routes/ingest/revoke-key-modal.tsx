// Confirms revoking an ingest API key: requests with it get 401 from then on, and that can't be undone.
import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { IngestKey } from '../../../../shared/contract/events';
import { useContractMutation } from '../../api/client';
import { ErrorAlert } from '../../components/query-state';
import { useDateFormat } from '../../hooks/use-date-format';

/** The confirmation for `target`; closed when `target` is null. */
export function RevokeKeyModal({ target, onClose }: { target: IngestKey | null; onClose: () => void }) {
  const dates = useDateFormat();
  const revoke = useContractMutation('ingestKeys.revoke');
  const close = () => {
    revoke.reset();
    onClose();
  };
  const confirm = () => {
    if (!target) return;
    revoke.mutate(
      { id: target.id },
      {
        onSuccess: (key) => {
          notifications.show({ color: 'green', icon: <IconCheck size={18} />, title: 'Key revoked', message: `${key.name} (${key.prefix}…) no longer works.` });
          close();
        },
      },
    );
  };
  return (
    <Modal opened={target !== null} onClose={close} title={target ? `Revoke "${target.name}"?` : ''}>
      {target && (
        <Stack gap="md">
          <Text size="sm">
            Requests that use the key <Code>{target.prefix}…</Code> will be refused with 401 from now on. Whatever posts
            with it needs a new key. This can't be undone.
          </Text>
          {revoke.error && <ErrorAlert title="Couldn't revoke the key" error={revoke.error} />}
          {target.lastUsedAt && (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />} p="xs">
              <Text size="sm">Last used {dates.shortZoned(target.lastUsedAt)}.</Text>
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={revoke.isPending} data-autofocus>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={revoke.isPending}>
              Revoke key
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
