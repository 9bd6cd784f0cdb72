// Disconnect, confirmed: the key leaves the keychain; agents keep their settings but can't book until a key is
// connected again. The dialog names how many booking agents that stops.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import { useContractMutation, useContractQuery } from '../../api/client';
import { ErrorAlert } from '../../components/query-state';

function bookingAgentsLine(count: number | undefined): string {
  if (count === undefined) return 'Agents with Appointment Booking on will not be able to book until a key is connected again.';
  if (count === 0) return 'No agent has Appointment Booking on right now.';
  return `${count === 1 ? '1 agent has' : `${count} agents have`} Appointment Booking on: ${count === 1 ? 'it' : 'they'} will say “Can't book: scheduling is disconnected” and the booking API will refuse their calls until a key is connected again.`;
}

export function SchedulingDisconnect() {
  const [open, setOpen] = useState(false);
  const disconnect = useContractMutation('scheduling.disconnect');
  const agents = useContractQuery('scheduling.agents', undefined, { enabled: open });
  const booking = agents.data?.filter((a) => a.appointmentBooking).length;
  const close = () => {
    disconnect.reset();
    setOpen(false);
  };
  const confirm = () =>
    disconnect.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'green', icon: <IconCheck size={18} />, title: 'Scheduling disconnected', message: 'The Cal.com key was removed from the keychain.' });
        setOpen(false);
      },
    });
  return (
    <>
      <Button variant="light" color="red" leftSection={<IconPlugConnectedX size={16} />} onClick={() => setOpen(true)} w="fit-content">
        Disconnect
      </Button>
      <Modal opened={open} onClose={close} title="Disconnect scheduling?">
        <Stack gap="md">
          <Text size="sm">The console removes the Cal.com API key from this computer’s keychain. Agents keep their booking settings for a later key.</Text>
          <Text size="sm" fw={500} data-testid="disconnect-agents">
            {bookingAgentsLine(booking)}
          </Text>
          {disconnect.error && <ErrorAlert title="Couldn't disconnect scheduling" error={disconnect.error} />}
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
