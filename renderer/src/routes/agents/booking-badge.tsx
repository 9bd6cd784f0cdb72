// Whether an agent books appointments: On, Off, or On but unable to (scheduling disconnected, no event type), with
// the reason written under the badge.
import { Badge, Stack, Text } from '@mantine/core';

interface BookingBadgeProps {
  on: boolean;
  /** Why an agent with booking on can't book right now, if it can't. */
  blocked?: string | null;
  size?: 'sm' | 'md' | 'lg';
}

export function BookingBadge({ on, blocked = null, size = 'sm' }: BookingBadgeProps) {
  if (!on) {
    return (
      <Badge color="gray" variant="outline" size={size} data-testid="booking-badge" data-state="off">
        Booking off
      </Badge>
    );
  }
  if (blocked) {
    return (
      <Stack gap={2} align="flex-start" miw={0}>
        <Badge color="orange" variant="light" size={size} data-testid="booking-badge" data-state="blocked">
          Booking on
        </Badge>
        <Text size="xs" c="var(--mantine-color-orange-text)" data-testid="booking-blocked">
          {blocked}
        </Text>
      </Stack>
    );
  }
  return (
    <Badge color="green" variant="light" size={size} data-testid="booking-badge" data-state="on">
      Booking on
    </Badge>
  );
}
