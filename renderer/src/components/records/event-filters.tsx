// The Events screen's filters: type (grouped), campaign and time range.
import { Button, Group, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useContractQuery } from '../../api/client';
import { EVENT_TYPE_OPTIONS } from '../events/event-types';
import { TimeRangeSelect } from '../ui/time-range-select';
import type { FilterValues } from '../../hooks/use-search-filters';

/** The address-bar keys of the events list (`event` is the open drawer). */
export const EVENT_FILTER_KEYS = ['type', 'campaign', 'range', 'event'] as const;
export type EventFilterKey = (typeof EVENT_FILTER_KEYS)[number];

interface EventFiltersProps {
  values: FilterValues<EventFilterKey>;
  update: (patch: Partial<Record<EventFilterKey, string | null>>) => void;
  /** Called when a time range is chosen, so that it counts back from now. */
  onRangeChosen: () => void;
}

/** Type, campaign and time range selects; "Clear filters" appears when any is set. */
export function EventFilters({ values, update, onRangeChosen }: EventFiltersProps) {
  const campaigns = useContractQuery('campaigns.list', undefined);
  const any = Boolean(values.type || values.campaign || values.range);
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <Select
        label="Type"
        placeholder="All types"
        data={EVENT_TYPE_OPTIONS}
        value={values.type ?? null}
        onChange={(type) => update({ type })}
        clearable
        searchable
        w={230}
      />
      <Select
        label="Campaign"
        placeholder={campaigns.isPending ? 'Loading…' : 'All campaigns'}
        data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={values.campaign ?? null}
        onChange={(campaign) => update({ campaign })}
        error={campaigns.error ? `Couldn't load campaigns: ${campaigns.error.message}` : undefined}
        clearable
        searchable
        w={220}
      />
      <TimeRangeSelect
        label="Received"
        value={values.range ?? null}
        onChange={(range) => {
          onRangeChosen();
          update({ range });
        }}
        width={190}
      />
      {any && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={() => update({ type: null, campaign: null, range: null })}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
