// Try it, after booking: the test appointment as the voice agent would confirm it, and Cancel (a real booking on
// the calendar until cancelled).
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCalendarCheck, IconCalendarX } from '@tabler/icons-react';
import type { TryItBooking } from '../../../../shared/domain/scheduling';
import { useContractMutation } from '../../api/client';
import { ErrorAlert } from '../../components/query-state';

export function TryItBookingResult({ booking, onCancelled }: { booking: TryItBooking; onCancelled: () => void }) {
  const cancel = useContractMutation('schedulingBooking.cancel');
  const cancelled = cancel.data !== undefined;
  return (
    <Stack gap="xs">
      <Alert
        color={cancelled ? 'gray' : 'green'}
        icon={cancelled ? <IconCalendarX size={18} /> : <IconCalendarCheck size={18} />}
        title={cancelled ? 'Test appointment cancelled' : 'Test appointment booked'}
        data-testid="try-it-booking"
        data-state={cancelled ? 'cancelled' : 'booked'}
        role="status"
      >
        <Text size="sm">
          {cancelled ? 'It was' : 'The agent would say: “You’re booked for'} <strong data-testid="try-it-booked-at">{booking.spoken}</strong>
          {cancelled ? ', and is now cancelled on Cal.com.' : '.”'}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          Booking {booking.bookingUid}
        </Text>
      </Alert>
      {cancel.error && <ErrorAlert title="Couldn't cancel the test appointment" error={cancel.error} />}
      <Group justify="flex-end" gap="sm">
        {cancelled ? (
          <Button variant="default" size="xs" onClick={onCancelled}>
            Try again
          </Button>
        ) : (
          <Button variant="light" color="red" size="xs" leftSection={<IconCalendarX size={14} />} loading={cancel.isPending} onClick={() => cancel.mutate({ bookingUid: booking.bookingUid })}>
            Cancel test appointment
          </Button>
        )}
      </Group>
    </Stack>
  );
}
