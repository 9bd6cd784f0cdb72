// Whether an agent books appointments: On, Off, or On but unable to (scheduling disconnected, no event type).
import { Badge, Tooltip } from '@mantine/core';

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
      <Tooltip label={blocked}>
        <Badge color="orange" variant="light" size={size} data-testid="booking-badge" data-state="blocked" tabIndex={0} aria-label={`Booking on, but: ${blocked}`}>
          Can’t book
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge color="green" variant="light" size={size} data-testid="booking-badge" data-state="on">
      Booking on
    </Badge>
  );
}
