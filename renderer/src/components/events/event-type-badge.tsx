// An event's type as a badge, coloured by its group (calls, transfers, messages, tasks & forms).
import { Badge } from '@mantine/core';
import type { EventType } from '../../../../shared/domain/events';
import { eventTypeGroup, eventTypeLabel } from './event-types';

/** "Call started", in the calls colour. */
export function EventTypeBadge({ type, size = 'sm' }: { type: EventType; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={eventTypeGroup(type).color} variant="light" size={size} data-testid="event-type">
      {eventTypeLabel(type)}
    </Badge>
  );
}
