// One stored event in a side drawer: its envelope (when, which campaign, case and client, how it came in) and
// its payload as formatted JSON with a Copy button.
import { Anchor, DataList, Drawer, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { StoredEvent } from '../../../../shared/domain/events';
import { useContractQuery } from '../../api/client';
import { ErrorAlert, LoadingState } from '../query-state';
import { CampaignName } from '../campaign-name';
import { EventTypeBadge } from '../events/event-type-badge';
import { JsonBlock } from '../ui/json-block';
import { DemoBadge } from '../ui/demo-badge';
import { DataItem, valueText } from '../ui/data-item';
import { useDateFormat } from '../../hooks/use-date-format';

function EventBody({ event }: { event: StoredEvent }) {
  const dates = useDateFormat();
  const keys = useContractQuery('ingestKeys.list', undefined, { enabled: event.apiKeyId !== null });
  const key = keys.data?.find((k) => k.id === event.apiKeyId);
  return (
    <Stack gap="lg">
      <DataList labelWidth="130px">
        <DataItem label="Event id">{valueText(event.id, true)}</DataItem>
        <DataItem label="Occurred">{valueText(dates.full(event.occurredAt))}</DataItem>
        <DataItem label="Received">{valueText(dates.full(event.receivedAt))}</DataItem>
        <DataItem label="Campaign">
          <CampaignName id={event.campaignId} />
        </DataItem>
        <DataItem label="Case">
          {event.caseId ? (
            <Anchor component={Link} to={`/cases/${event.caseId}`} size="sm">
              {event.caseType ? `Open the ${event.caseType} case` : 'Open the case'}
            </Anchor>
          ) : (
            valueText(null)
          )}
        </DataItem>
        <DataItem label="Client">
          {event.clientId ? (
            <Anchor component={Link} to={`/clients/${event.clientId}`} size="sm">
              Open the client
            </Anchor>
          ) : (
            valueText(null)
          )}
        </DataItem>
        <DataItem label="Came in">{valueText(event.apiKeyId ? `Ingest API, key ${key ? `"${key.name}" (${key.prefix}…)` : event.apiKeyId}` : 'Made in the console (demo mode)')}</DataItem>
        <DataItem label="Idempotency key">{valueText(event.idempotencyKey, true)}</DataItem>
      </DataList>
      <Stack gap="xs">
        <Title order={4}>Payload</Title>
        <JsonBlock value={event.data} label="payload" />
      </Stack>
    </Stack>
  );
}

function EventDetail({ id }: { id: string }) {
  const query = useContractQuery('events.get', { id });
  if (query.data) return <EventBody event={query.data} />;
  if (query.error) return <ErrorAlert title="Couldn't load this event" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  return <LoadingState label="Loading the event…" />;
}

/** The drawer for event `id` (closed when null). */
export function EventDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const summary = useContractQuery('events.get', { id: id ?? '-' }, { enabled: id !== null });
  const event = summary.data;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        event ? (
          <Group gap="xs">
            <EventTypeBadge type={event.type} size="lg" />
            {event.isDemo && <DemoBadge />}
          </Group>
        ) : (
          'Event'
        )
      }
      closeButtonProps={{ 'aria-label': 'Close the event' }}
      data-testid="event-drawer"
    >
      {id !== null && <EventDetail id={id} />}
    </Drawer>
  );
}
