// The cases list's search and filters: case type, status (of that case type) and campaign.
import { Button, Group, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useContractQuery } from '../../api/client';
import { SearchBox } from '../ui/search-box';
import type { FilterValues } from '../../hooks/use-search-filters';

/** The address-bar keys of the cases list. */
export const CASE_FILTER_KEYS = ['q', 'type', 'status', 'campaign'] as const;
export type CaseFilterKey = (typeof CASE_FILTER_KEYS)[number];

interface CaseFiltersProps {
  values: FilterValues<CaseFilterKey>;
  update: (patch: Partial<Record<CaseFilterKey, string | null>>) => void;
}

const loadingOr = (loading: boolean, failed: boolean, placeholder: string) => (loading ? 'Loading…' : failed ? 'Unavailable' : placeholder);

/** Search box and filter selects; "Clear filters" appears when any is set. */
export function CaseFilters({ values, update }: CaseFiltersProps) {
  const caseTypes = useContractQuery('caseTypes.list', undefined);
  const campaigns = useContractQuery('campaigns.list', undefined);
  const chosenType = caseTypes.data?.find((t) => t.id === values.type);
  const any = CASE_FILTER_KEYS.some((key) => values[key]);

  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <SearchBox
        label="Search"
        placeholder="Case number, name, client or external id"
        value={values.q}
        onSearch={(q) => update({ q })}
      />
      <Select
        label="Case type"
        placeholder={loadingOr(caseTypes.isPending, caseTypes.isError, 'All case types')}
        data={(caseTypes.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={values.type ?? null}
        // A status belongs to one case type: changing the type drops it.
        onChange={(type) => update({ type, status: null })}
        error={caseTypes.error ? `Couldn't load case types: ${caseTypes.error.message}` : undefined}
        clearable
        searchable
        w={180}
      />
      <Select
        label="Status"
        placeholder={chosenType ? 'All statuses' : 'Choose a case type'}
        data={(chosenType?.statuses ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={values.status ?? null}
        onChange={(status) => update({ status })}
        disabled={!chosenType}
        clearable
        w={170}
      />
      <Select
        label="Campaign"
        placeholder={loadingOr(campaigns.isPending, campaigns.isError, 'All campaigns')}
        data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={values.campaign ?? null}
        onChange={(campaign) => update({ campaign })}
        error={campaigns.error ? `Couldn't load campaigns: ${campaigns.error.message}` : undefined}
        clearable
        searchable
        w={180}
      />
      {any && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={() => update({ q: null, type: null, status: null, campaign: null })}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
