// The inspector's filter bar: webhook, event type, status, HTTP status class, time range and a search by event id,
// case id or delivery id; every value lives in the address bar.
import { Button, Group, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { EVENT_TYPE_OPTIONS } from '../events/event-types';
import { SearchBox } from '../ui/search-box';
import { TimeRangeSelect } from '../ui/time-range-select';
import { FILTER_KEYS, type DeliveryQuery, type DeliveryQueryKey } from './delivery-filter';
import { HTTP_FILTER_OPTIONS, STATUS_FILTER_OPTIONS } from './delivery-status';

interface DeliveryFiltersProps {
  values: DeliveryQuery;
  update: (patch: Partial<Record<DeliveryQueryKey, string | null>>) => void;
  /** The webhook choices (a bundle's own, or this console's). */
  webhooks: readonly { id: string; name: string }[];
  webhooksError?: string;
  /** Called when a time range is chosen, so that it counts back from now. */
  onRangeChosen: () => void;
}

/** The filter bar; "Clear filters" appears when any filter is set. */
export function DeliveryFilters({ values, update, webhooks, webhooksError, onRangeChosen }: DeliveryFiltersProps) {
  const any = FILTER_KEYS.some((key) => values[key]);
  const known = webhooks.some((w) => w.id === values.webhookId);
  // A link may name a webhook that was deleted since: it still filters, shown by its id.
  const webhookOptions = [...webhooks.map((w) => ({ value: w.id, label: w.name })), ...(values.webhookId && !known ? [{ value: values.webhookId, label: values.webhookId }] : [])];
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <Select
        label="Webhook"
        placeholder="All webhooks"
        data={webhookOptions}
        value={values.webhookId ?? null}
        onChange={(webhookId) => update({ webhookId })}
        error={webhooksError}
        clearable
        searchable
        w={200}
      />
      <Select label="Event" placeholder="All events" data={EVENT_TYPE_OPTIONS} value={values.type ?? null} onChange={(type) => update({ type })} clearable searchable w={190} />
      <Select label="Status" placeholder="Any status" data={STATUS_FILTER_OPTIONS} value={values.status ?? null} onChange={(status) => update({ status })} clearable w={170} />
      <Select label="HTTP status" placeholder="Any" data={[...HTTP_FILTER_OPTIONS]} value={values.http ?? null} onChange={(http) => update({ http })} clearable w={160} />
      <TimeRangeSelect
        label="Created"
        value={values.range ?? null}
        onChange={(range) => {
          onRangeChosen();
          update({ range });
        }}
        width={160}
      />
      <SearchBox label="Search" placeholder="Event id, case id or delivery id" value={values.q} onSearch={(q) => update({ q: q || null })} />
      {any && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={() => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
