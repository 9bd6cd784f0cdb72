// Webhooks → Deliveries: the delivery log inspector. Every delivery of one webhook or all, newest first and live,
// filtered from the address bar; a chart of deliveries per hour; a delivery opens in a drawer with its attempts in
// full. Actions: replay failed in a range, export the filtered set, import a bundle to inspect read-only.
import { Button, Group } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { DeliveryFilter } from '../../../../shared/contract/webhooks';
import { useContractQuery } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { DeliveriesList } from '../../components/deliveries/deliveries-list';
import { DeliveryDrawer } from '../../components/deliveries/delivery-drawer';
import { DELIVERY_QUERY_KEYS, FILTER_KEYS, isFiltered, toDeliveryFilter } from '../../components/deliveries/delivery-filter';
import { DeliveryFilters } from '../../components/deliveries/delivery-filters';
import { ExportBundleButton } from '../../components/deliveries/export-bundle-button';
import { HourlyChart } from '../../components/deliveries/hourly-chart';
import { ImportBundleButton } from '../../components/deliveries/import-bundle-button';
import { ReplayFailedModal } from '../../components/deliveries/replay-failed-modal';
import { useLiveDeliveries } from '../../components/deliveries/use-live-deliveries';
import { useSearchFilters } from '../../hooks/use-search-filters';

interface LiveListProps {
  filter: DeliveryFilter;
  /** Told whether the list, fully loaded, holds no delivery at all. */
  onEmpty: (empty: boolean) => void;
  selectedId: string | null;
  onOpen: (id: string) => void;
  onClear: () => void;
}

function LiveList({ filter, onEmpty, selectedId, onOpen, onClear }: LiveListProps) {
  const live = useLiveDeliveries(filter);
  const empty = live.loaded && live.rows.length === 0 && !live.hasMore;
  useEffect(() => onEmpty(empty), [empty, onEmpty]);
  return (
    <DeliveriesList
      rows={live.rows}
      loaded={live.loaded}
      hasMore={live.hasMore}
      loadingMore={live.loadingMore}
      error={live.error}
      retry={live.retry}
      // One webhook's list with nothing in it is "nothing yet", not "nothing matches".
      filtered={isFiltered({ ...filter, webhookId: undefined })}
      onClear={onClear}
      selectedId={selectedId}
      onOpen={(row) => onOpen(row.id)}
      onVisibleRange={live.onVisibleRange}
      withWebhook={filter.webhookId === undefined}
      live
      caseLinks
    />
  );
}

export function DeliveriesPage() {
  const [values, update] = useSearchFilters(DELIVERY_QUERY_KEYS);
  // A range counts back from when it was chosen (or the page opened): the query stays the same while deliveries
  // arrive, and they still show, since the range has no end.
  const [anchor, setAnchor] = useState(() => Date.now());
  const [replaying, setReplaying] = useState(false);
  // Replaying or exporting nothing would only lead to an empty dialog or file.
  const [empty, setEmpty] = useState(false);
  const filter = toDeliveryFilter(values, anchor);
  const webhooks = useContractQuery('deliveryLog.webhooks', undefined);
  const choices = (webhooks.data ?? []).map((w) => ({ id: w.id, name: w.deleted ? `${w.name} (deleted)` : w.name }));
  // Deleted webhooks keep their log, but are never sent to again.
  const replayable = (webhooks.data ?? []).filter((w) => !w.deleted).map((w) => ({ id: w.id, name: w.name }));
  // An empty list under filters may still hide failed deliveries to replay; an empty unfiltered list has none.
  const narrowed = isFiltered({ ...filter, webhookId: undefined });
  const clear = () => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])));

  return (
    <>
      <PageHeader
        title="Webhook deliveries"
        description="What was sent where, what came back and why it failed: every delivery with each attempt's request and response, newest first. Select one to see it in full."
      />
      <Group gap="sm" mb="md" align="flex-start">
        <Button variant="default" leftSection={<IconPlayerPlay size={16} />} onClick={() => setReplaying(true)} disabled={replayable.length === 0 || (empty && !narrowed)}>
          Replay failed…
        </Button>
        <ExportBundleButton input={{ filter }} label="Export filtered" disabled={empty} />
        <ImportBundleButton />
      </Group>
      <DeliveryFilters
        values={values}
        update={update}
        webhooks={choices}
        webhooksError={webhooks.error ? `Couldn't load the webhooks: ${webhooks.error.message}` : undefined}
        onRangeChosen={() => setAnchor(Date.now())}
      />
      <HourlyChart webhookId={values.webhookId} range={values.chart === '7d' ? '7d' : '24h'} onRange={(range) => update({ chart: range === '24h' ? null : range })} />
      <LiveList key={JSON.stringify(filter)} filter={filter} onEmpty={setEmpty} selectedId={values.delivery ?? null} onOpen={(id) => update({ delivery: id, attempt: null })} onClear={clear} />
      <DeliveryDrawer
        id={values.delivery ?? null}
        attemptId={values.attempt ? Number(values.attempt) : null}
        onSelectAttempt={(id) => update({ attempt: String(id) })}
        onClose={() => update({ delivery: null, attempt: null })}
      />
      {replaying && <ReplayFailedModal opened onClose={() => setReplaying(false)} webhooks={replayable} webhookId={replayable.some((w) => w.id === values.webhookId) ? values.webhookId : undefined} range={values.range} />}
    </>
  );
}
