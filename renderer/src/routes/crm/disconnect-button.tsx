// Disconnect, confirmed: the credentials leave the keychain; mappings, the catalog and history stay for a later
// connection.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import type { CrmConnectionView } from '../../../../shared/domain/crm';
import { useContractMutation } from '../../api/client';
import { ErrorAlert } from '../../components/query-state';
import { crmName } from './crm-paths';

export function DisconnectButton({ connection }: { connection: CrmConnectionView }) {
  const [open, setOpen] = useState(false);
  const disconnect = useContractMutation('crm.disconnect');
  const name = crmName(connection.crm);
  const close = () => {
    disconnect.reset();
    setOpen(false);
  };
  const confirm = () =>
    disconnect.mutate(
      { crm: connection.crm },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', icon: <IconCheck size={18} />, title: `${name} disconnected`, message: 'Its credentials were removed from the keychain.' });
          setOpen(false);
        },
      },
    );
  return (
    <>
      <Button variant="light" color="red" leftSection={<IconPlugConnectedX size={16} />} onClick={() => setOpen(true)} w="fit-content">
        Disconnect
      </Button>
      <Modal opened={open} onClose={close} title={`Disconnect ${name}?`}>
        <Stack gap="md">
          <Text size="sm">
            The console stops syncing with {name} and removes its credentials (password, secrets) from this computer's keychain. Mappings, the loaded
            fields and statuses, and the sync history are kept: connect again later to carry on where you stopped.
          </Text>
          {disconnect.error && <ErrorAlert title={`Couldn't disconnect ${name}`} error={disconnect.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={disconnect.isPending} data-autofocus>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={disconnect.isPending}>
              Disconnect
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
