// The events a webhook receives: "All events (including future types)", or a choice grouped by category (calls,
// transfers, messages, tasks & forms). Campaign-scoped webhooks may only pick call events.
import { Checkbox, Code, Group, Input, SimpleGrid, Stack, Text } from '@mantine/core';
import type { EventType } from '../../../../shared/domain/events';
import { isCallEvent, WEBHOOK_EVENT_CATEGORIES } from '../../../../shared/domain/webhooks';
import { eventTypeLabel } from '../../components/events/event-types';

interface EventsPickerProps {
  allEvents: boolean;
  events: readonly EventType[];
  onChange: (next: { allEvents: boolean; events: EventType[] }) => void;
  /** Only call events can be chosen (a campaign-scoped webhook). */
  callEventsOnly?: boolean;
  error?: string;
}

export function EventsPicker({ allEvents, events, onChange, callEventsOnly = false, error }: EventsPickerProps) {
  const chosen = new Set(events);
  const set = (types: readonly EventType[], on: boolean) => {
    const next = new Set(chosen);
    for (const t of types) if (on) next.add(t);
    else next.delete(t);
    onChange({ allEvents: false, events: [...next] });
  };
  return (
    <Input.Wrapper
      label="Events"
      description="Which events this webhook sends. Each delivery carries one event."
      error={error}
      withAsterisk
      role="group"
      aria-label="Events"
    >
      <Stack gap="sm" mt={6}>
        <Checkbox
          label="All events (including future types)"
          description={callEventsOnly ? 'Not for a campaign-scoped webhook: messages, tasks and forms have no campaign.' : 'Event types added to Kayse later are sent too.'}
          checked={allEvents}
          disabled={callEventsOnly}
          onChange={(e) => onChange({ allEvents: e.currentTarget.checked, events: [...chosen] })}
        />
        {!allEvents && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
            {WEBHOOK_EVENT_CATEGORIES.map((category) => {
              const disabled = callEventsOnly && !category.types.every((t) => isCallEvent(t));
              const count = category.types.filter((t) => chosen.has(t)).length;
              return (
                <Stack key={category.key} gap={6} data-testid={`event-category-${category.key}`}>
                  <Checkbox
                    label={<Text fw={600} size="sm">{category.label}</Text>}
                    checked={count === category.types.length}
                    indeterminate={count > 0 && count < category.types.length}
                    disabled={disabled}
                    onChange={(e) => set(category.types, e.currentTarget.checked)}
                  />
                  <Stack gap={4} pl="lg">
                    {category.types.map((type) => (
                      <Checkbox
                        key={type}
                        size="xs"
                        label={
                          <Group gap={6} wrap="nowrap">
                            <span>{eventTypeLabel(type)}</span>
                            <Code fz={10}>{type}</Code>
                          </Group>
                        }
                        aria-label={eventTypeLabel(type)}
                        checked={chosen.has(type)}
                        disabled={disabled}
                        onChange={(e) => set([type], e.currentTarget.checked)}
                      />
                    ))}
                  </Stack>
                </Stack>
              );
            })}
          </SimpleGrid>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
