// Webhooks → Deliveries → an imported bundle, read-only: the deliveries of a bundle exported on another console
// (support reviewing payloads offline), browsed and filtered like the live log, but nothing can be sent again.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { DeliveryFilter } from '../../../../shared/contract/webhooks';
import { PageHeader } from '../../components/page-header';
import { BundleDeliveryDrawer } from '../../components/deliveries/bundle-delivery-drawer';
import { useBundleStore } from '../../components/deliveries/bundle-store';
import { DeliveriesList } from '../../components/deliveries/deliveries-list';
import { DELIVERY_QUERY_KEYS, FILTER_KEYS, isFiltered, matchesFilter, toDeliveryFilter } from '../../components/deliveries/delivery-filter';
import { DeliveryFilters } from '../../components/deliveries/delivery-filters';
import { ImportBundleButton } from '../../components/deliveries/import-bundle-button';
import { useSearchFilters } from '../../hooks/use-search-filters';
import { useDateFormat } from '../../hooks/use-date-format';

const LIVE_PATH = '/webhooks/deliveries';
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function NoBundle() {
  return (
    <>
      <PageHeader title="Imported bundle" description="A delivery bundle exported from a console opens here, read-only. Bundles stay in this window only: reloading closes them." />
      <Stack align="flex-start" gap="sm" data-testid="no-bundle">
        <Text size="sm">No bundle is open.</Text>
        <Group>
          <ImportBundleButton variant="filled" />
          <Button component={Link} to={LIVE_PATH} variant="subtle">
            Back to this console’s deliveries
          </Button>
        </Group>
      </Stack>
    </>
  );
}

export function ImportedBundlePage() {
  const dates = useDateFormat();
  const bundle = useBundleStore((s) => s.bundle);
  const fileName = useBundleStore((s) => s.fileName);
  const closeBundle = useBundleStore((s) => s.close);
  const [values, update] = useSearchFilters(DELIVERY_QUERY_KEYS);
  const [anchor, setAnchor] = useState(() => Date.now());
  const filterKey = JSON.stringify(toDeliveryFilter(values, anchor));
  // The same filter object while its values stay the same, so the rows are filtered again only when it changes.
  const filter = useMemo(() => JSON.parse(filterKey) as DeliveryFilter, [filterKey]);
  const rows = useMemo(() => (bundle ? bundle.deliveries.filter((d) => matchesFilter(d, filter)) : []), [bundle, filter]);
  if (!bundle) return <NoBundle />;
  const attempts = bundle.deliveries.reduce((n, d) => n + d.attemptDetails.length, 0);
  const open = bundle.deliveries.find((d) => d.id === values.delivery) ?? null;

  return (
    <>
      <PageHeader title="Imported bundle" description="Deliveries exported from a Kayse console, for inspection only." />
      <Alert color="orange" icon={<IconLock size={20} />} title="Imported bundle — read only" mb="md" data-testid="bundle-banner">
        <Stack gap={6}>
          <Text size="sm">
            {fileName ?? 'A bundle'}: {plural(bundle.deliveries.length, 'delivery', 'deliveries')}, {plural(attempts, 'attempt', 'attempts')}, exported{' '}
            {dates.full(bundle.exportedAt)}
            {bundle.exportedBy ? ` by ${bundle.exportedBy}` : ''}. Nothing here can be replayed or verified, and it is kept in this window only.
          </Text>
          {bundle.selection.note && <Text size="sm">{bundle.selection.note}</Text>}
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={closeBundle} data-testid="close-bundle">
              Close the bundle
            </Button>
            <Button size="xs" variant="subtle" component={Link} to={LIVE_PATH}>
              This console’s deliveries
            </Button>
          </Group>
        </Stack>
      </Alert>
      <DeliveryFilters values={values} update={update} webhooks={bundle.webhooks} onRangeChosen={() => setAnchor(Date.now())} />
      <DeliveriesList
        key={filterKey}
        rows={rows}
        loaded
        hasMore={false}
        loadingMore={false}
        error={null}
        filtered={isFiltered(filter)}
        onClear={() => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}
        selectedId={values.delivery ?? null}
        onOpen={(row) => update({ delivery: row.id, attempt: null })}
        withWebhook={filter.webhookId === undefined}
        live={false}
        caseLinks={false}
      />
      <BundleDeliveryDrawer
        delivery={open}
        attemptId={values.attempt ? Number(values.attempt) : null}
        onSelectAttempt={(id) => update({ attempt: String(id) })}
        onClose={() => update({ delivery: null, attempt: null })}
      />
    </>
  );
}
