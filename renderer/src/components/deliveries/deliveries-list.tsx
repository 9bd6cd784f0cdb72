// The deliveries list on screen: how many are shown, the table, and the loading, error (with Retry), "nothing yet"
// and "nothing matches" states — for the live log and an imported bundle alike.
import { Button, Center, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFilterOff, IconPlus, IconWebhook } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { RemoteError } from '../../../../shared/result';
import { LiveBadge } from '../live-badge';
import { ErrorAlert, LoadingState } from '../query-state';
import { deliveryColumns, type DeliveryRow } from './delivery-columns';
import { DeliveryTable } from './delivery-table';
import { newWebhookPath } from '../../routes/webhooks/webhook-paths';

/** CSS height of the table's scroll area: the window below the filters and chart, never cramped. */
export const DELIVERIES_HEIGHT = 'max(360px, calc(100dvh - 300px))';
const numberFormat = new Intl.NumberFormat('en-US');

interface DeliveriesListProps {
  rows: readonly DeliveryRow[];
  loaded: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  error: RemoteError | null;
  retry?: () => void;
  filtered: boolean;
  onClear: () => void;
  selectedId: string | null;
  onOpen: (row: DeliveryRow) => void;
  onVisibleRange?: (first: number, last: number) => void;
  /** Show the webhook column (the list spans every webhook). */
  withWebhook: boolean;
  /** The live log updates itself; a bundle does not. */
  live: boolean;
  /** Cases can be opened (this console's own log). */
  caseLinks: boolean;
}

function Empty({ filtered, onClear, live }: { filtered: boolean; onClear: () => void; live: boolean }) {
  return (
    <Center py="xl" data-testid={filtered ? 'deliveries-no-matches' : 'deliveries-empty'}>
      <Stack align="center" gap="xs" maw={420}>
        <ThemeIcon size={48} radius="xl" variant="light" color="gray">
          <IconWebhook size={26} />
        </ThemeIcon>
        <Text fw={600}>{filtered ? 'No deliveries match these filters' : 'No deliveries yet'}</Text>
        <Text size="sm" c="dimmed" ta="center">
          {filtered
            ? 'Try a longer time range or another status.'
            : 'Every event an active webhook receives is logged here, with each attempt’s request and response.'}
        </Text>
        {filtered && (
          <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
            Clear filters
          </Button>
        )}
        {!filtered && live && (
          // Nothing is logged without a webhook: the way to the first delivery starts there.
          <Button component={Link} to={newWebhookPath()} variant="light" leftSection={<IconPlus size={16} />} data-testid="deliveries-create-webhook">
            Create a webhook
          </Button>
        )}
      </Stack>
    </Center>
  );
}

/** The list; see the file header. Give it a `key` per filter so that a new filter starts at the top. */
export function DeliveriesList(props: DeliveriesListProps) {
  const { rows, loaded, hasMore, error, filtered, withWebhook, caseLinks } = props;
  const columns = useMemo(() => deliveryColumns({ withWebhook, caseLinks }), [withWebhook, caseLinks]);
  if (!loaded) {
    return error ? <ErrorAlert title="Couldn't load the deliveries" error={error} onRetry={props.retry} /> : <LoadingState label="Loading the deliveries…" />;
  }
  if (rows.length === 0 && !hasMore) return <Empty filtered={filtered} onClear={props.onClear} live={props.live} />;
  const n = numberFormat.format(rows.length);
  return (
    <Stack gap="xs">
      {error && <ErrorAlert title="Couldn't load all the deliveries" error={error} onRetry={props.retry} />}
      <Group gap="xs" h={22}>
        <Text size="sm" c="dimmed" data-testid="delivery-count" aria-live="polite">
          {hasMore ? `Newest ${n} deliveries loaded · scroll for older ones` : `${n} ${rows.length === 1 ? 'delivery' : 'deliveries'}`}
        </Text>
        {props.live && <LiveBadge />}
        {props.loadingMore && <Loader size={12} aria-label="Loading older deliveries" />}
      </Group>
      <DeliveryTable
        columns={columns}
        rows={rows}
        hasMore={hasMore}
        loadingMore={props.loadingMore}
        selectedId={props.selectedId}
        onOpen={props.onOpen}
        onVisibleRange={props.onVisibleRange}
        height={DELIVERIES_HEIGHT}
      />
    </Stack>
  );
}
