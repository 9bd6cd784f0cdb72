// The 12 event types as the Events screen groups, names and colours them.
import type { MantineColor } from '@mantine/core';
import type { EventType } from '../../../../shared/domain/events';

export interface EventTypeGroup {
  label: string;
  color: MantineColor;
  types: readonly EventType[];
}

/** Calls, transfers, messages, tasks & forms: every type in exactly one group. */
export const EVENT_TYPE_GROUPS: readonly EventTypeGroup[] = [
  { label: 'Calls', color: 'blue', types: ['call_started', 'call_ended', 'call_analyzed', 'transcript_updated'] },
  { label: 'Transfers', color: 'grape', types: ['transfer_started', 'transfer_bridged', 'transfer_cancelled', 'transfer_ended'] },
  { label: 'Messages', color: 'teal', types: ['message_sent', 'message_delivered'] },
  { label: 'Tasks & forms', color: 'orange', types: ['task_completed', 'form_submitted'] },
];

/** "call_started" → "Call started". */
export function eventTypeLabel(type: string): string {
  const words = type.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The group an event type belongs to. */
export function eventTypeGroup(type: EventType): EventTypeGroup {
  return EVENT_TYPE_GROUPS.find((g) => g.types.includes(type)) ?? EVENT_TYPE_GROUPS[0]!;
}

/** Select options for the type filter, grouped. */
export const EVENT_TYPE_OPTIONS = EVENT_TYPE_GROUPS.map((g) => ({
  group: g.label,
  items: g.types.map((t) => ({ value: t, label: eventTypeLabel(t) })),
}));

