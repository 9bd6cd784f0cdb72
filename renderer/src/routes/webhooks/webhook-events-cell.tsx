// Which events a webhook receives, compactly: "All events", the one or two types, or a count with the list on hover.
import { Badge, Group, Tooltip } from '@mantine/core';
import type { EventType } from '../../../../shared/domain/events';
import { EventTypeBadge } from '../../components/events/event-type-badge';
import { eventTypeLabel } from '../../components/events/event-types';

const SHOWN = 2;

export function WebhookEventsCell({ events }: { events: readonly EventType[] }) {
  if (events.length === 0) {
    return (
      <Badge variant="outline" color="gray" data-testid="webhook-events" style={{ flexShrink: 0, overflow: 'visible' }}>
        All events
      </Badge>
    );
  }
  if (events.length <= SHOWN) {
    return (
      <Group gap={4} data-testid="webhook-events">
        {events.map((t) => (
          <EventTypeBadge key={t} type={t} />
        ))}
      </Group>
    );
  }
  return (
    <Tooltip label={events.map(eventTypeLabel).join(', ')} multiline w={260}>
      <Badge variant="light" color="gray" data-testid="webhook-events" tabIndex={0}>
        {events.length} events
      </Badge>
    </Tooltip>
  );
}
