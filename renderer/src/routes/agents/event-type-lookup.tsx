// Under Event Type ID: the event type it points at, looked up live with the company key once typing pauses —
// title and length, or why Cal.com didn't find it (a wrong number, or a team event type the key's owner doesn't
// own), or that scheduling must be connected first.
import { Alert, Anchor, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconPlugConnectedX, IconQuestionMark } from '@tabler/icons-react';
import { Link } from 'react-router';
import { parseEventTypeRef, type SchedulingConnection } from '../../../../shared/domain/scheduling';
import { useContractQuery } from '../../api/client';
import { SCHEDULING_PATH } from '../scheduling/scheduling-paths';

const LOOKUP_DELAY_MS = 400;

interface EventTypeLookupProps {
  text: string;
  /** The company's Cal.com connection: only a connected one looks event types up (undefined while loading). */
  connection: SchedulingConnection['state'] | undefined;
}

/** The host's 404 names both reasons (a wrong id, a team event type) and the account the key belongs to. */
function NotFound({ id, message }: { id: number; message: string }) {
  return (
    <Alert color="orange" icon={<IconQuestionMark size={18} />} title={`Event type ${id} not found`} p="xs" data-testid="event-type-lookup" data-state="not_found">
      <Text size="sm">{message}</Text>
    </Alert>
  );
}

export function EventTypeLookup({ text, connection }: EventTypeLookupProps) {
  const connected = connection === 'connected';
  const [debounced] = useDebouncedValue(text.trim(), LOOKUP_DELAY_MS);
  const ref = debounced === '' ? null : parseEventTypeRef(debounced);
  const id = ref?.ok ? ref.id : null;
  const lookup = useContractQuery('scheduling.lookupEventType', { eventType: id ?? 0 }, { enabled: connected && id !== null, staleTime: 60_000, retry: false });
  if (id === null) return null;
  if (connection !== undefined && !connected) {
    return (
      <Group gap={6} wrap="nowrap" data-testid="event-type-lookup" data-state="disconnected">
        <IconPlugConnectedX size={14} aria-hidden />
        <Text size="xs" c="dimmed">
          {connection === 'error' ? 'Not checked: the company’s Cal.com key isn’t working.' : 'Not checked: scheduling is disconnected.'}{' '}
          <Anchor component={Link} to={SCHEDULING_PATH} size="xs">
            {connection === 'error' ? 'Fix the key' : 'Connect Cal.com'}
          </Anchor>{' '}
          to look event types up.
        </Text>
      </Group>
    );
  }
  if (text.trim() !== debounced || lookup.isPending) {
    return (
      <Group gap={6} wrap="nowrap" data-testid="event-type-lookup" data-state="checking" role="status">
        <Loader size={12} />
        <Text size="xs" c="dimmed">
          Looking up event type {id} on Cal.com…
        </Text>
      </Group>
    );
  }
  if (lookup.error) {
    if (lookup.error.code === 'NOT_FOUND') return <NotFound id={id} message={lookup.error.message} />;
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Couldn't look the event type up" p="xs" data-testid="event-type-lookup" data-state="error">
        <Text size="sm">{lookup.error.message}</Text>
      </Alert>
    );
  }
  const eventType = lookup.data;
  return (
    <Group gap={6} wrap="nowrap" data-testid="event-type-lookup" data-state="found" role="status">
      <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" aria-hidden />
      <Text size="sm">
        <Text span fw={600} data-testid="event-type-title">
          {eventType.title}
        </Text>{' '}
        · {eventType.lengthMinutes} min
      </Text>
    </Group>
  );
}
