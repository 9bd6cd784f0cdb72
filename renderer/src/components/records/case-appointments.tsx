// A case's appointments in its History card: each booking, reschedule and cancel the booking API made for the case
// (a voice agent during a call, or Try it), newest first, with the appointment's time in the company's timezone.
import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import type { CaseAppointment } from '../../../../shared/domain/workspace-views';
import { useDateFormat } from '../../hooks/use-date-format';
import { RecordTime } from '../ui/record-time';

const LABELS: Record<CaseAppointment['kind'], { text: string; color: string }> = {
  booked: { text: 'Appointment booked', color: 'teal' },
  rescheduled: { text: 'Appointment moved', color: 'blue' },
  cancelled: { text: 'Appointment cancelled', color: 'gray' },
};

/** The list, or nothing when the case has no appointments. */
export function CaseAppointments({ appointments }: { appointments: readonly CaseAppointment[] }) {
  const dates = useDateFormat();
  if (appointments.length === 0) return null;
  return (
    <Stack gap={0} component="ol" aria-label="Appointments, newest first" m={0} mb="sm" p={0} style={{ listStyle: 'none' }}>
      {appointments.map((a, n) => (
        <Box component="li" key={a.id} py="xs" data-testid="case-appointment" style={n > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}>
          <Group gap="xs" wrap="wrap">
            <IconCalendarEvent size={16} aria-hidden />
            <Text size="sm" fw={700}>
              {LABELS[a.kind].text}
            </Text>
            <Badge size="sm" variant="light" color={LABELS[a.kind].color}>
              {a.agentName ?? 'Booking API'}
            </Badge>
            <Text size="xs" c="dimmed">
              <RecordTime iso={a.at} size="xs" mode="short" />
            </Text>
          </Group>
          <Text size="sm" ml={24}>
            {a.start ? `For ${dates.full(a.start)}` : 'The appointment was cancelled'}
            {a.bookingUid && (
              <Text span size="xs" c="dimmed" ff="monospace">
                {` · ${a.bookingUid}`}
              </Text>
            )}
          </Text>
        </Box>
      ))}
    </Stack>
  );
}
