// The export form's filters: only those the chosen kind offers, with case types, statuses and campaigns from
// the workspace.
import { Select, SimpleGrid, Stack, type ComboboxData } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { EVENT_TYPES } from '../../../../shared/domain/events';
import type { CaseType } from '../../../../shared/domain/workspace';
import { useContractQuery } from '../../api/client';
import { ErrorAlert } from '../query-state';
import { DATES_LABEL, FILTERS_BY_KIND, type ExportChoices } from './export-request';

/** "call_started" → "Call started". */
const eventLabel = (type: string) => type.charAt(0).toUpperCase() + type.slice(1).replaceAll('_', ' ');
const EVENT_OPTIONS = EVENT_TYPES.map((t) => ({ value: t, label: eventLabel(t) }));

/** The statuses of the chosen case type, or every case type's statuses grouped under its name. */
function statusOptions(types: readonly CaseType[], caseTypeId: string | null): ComboboxData {
  const chosen = types.find((t) => t.id === caseTypeId);
  if (chosen) return chosen.statuses.map((s) => ({ value: s.id, label: s.name }));
  return types.map((t) => ({ group: t.name, items: t.statuses.map((s) => ({ value: s.id, label: s.name })) }));
}

interface ExportFiltersProps {
  choices: ExportChoices;
  onChange: (patch: Partial<ExportChoices>) => void;
  errors: Partial<Record<'caseTypeId' | 'statusId' | 'campaignId' | 'type' | 'from' | 'to', string>>;
  disabled: boolean;
}

/** The filter inputs of `choices.kind`, each with the host's error for it, if any. */
export function ExportFilters({ choices, onChange, errors, disabled }: ExportFiltersProps) {
  const offered = new Set(FILTERS_BY_KIND[choices.kind]);
  const wantsCaseTypes = offered.has('caseType') || offered.has('status');
  const caseTypes = useContractQuery('caseTypes.list', undefined, { enabled: wantsCaseTypes });
  const campaigns = useContractQuery('campaigns.list', undefined, { enabled: offered.has('campaign') });
  const types = caseTypes.data ?? [];
  const placeholder = (query: { isPending: boolean; data?: readonly unknown[] }, none: string, any: string) =>
    query.isPending ? 'Loading…' : query.data?.length === 0 ? none : any;

  return (
    <Stack gap="md">
      {wantsCaseTypes && caseTypes.error && (
        <ErrorAlert title="Couldn't load the case types" error={caseTypes.error} onRetry={() => void caseTypes.refetch()} retrying={caseTypes.isFetching} />
      )}
      {offered.has('campaign') && campaigns.error && (
        <ErrorAlert title="Couldn't load the campaigns" error={campaigns.error} onRetry={() => void campaigns.refetch()} retrying={campaigns.isFetching} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {offered.has('eventType') && (
          <Select
            label="Event type"
            placeholder="All event types"
            data={EVENT_OPTIONS}
            value={choices.eventType}
            onChange={(eventType) => onChange({ eventType })}
            clearable
            searchable
            disabled={disabled}
            error={errors.type}
          />
        )}
        {offered.has('caseType') && (
          <Select
            label="Case type"
            placeholder={placeholder(caseTypes, 'No case types yet', 'All case types')}
            data={types.map((t) => ({ value: t.id, label: t.name }))}
            value={choices.caseTypeId}
            // A status belongs to one case type: a new case type drops a status of another.
            onChange={(caseTypeId) => {
              const keep = types.find((t) => t.id === caseTypeId)?.statuses.some((s) => s.id === choices.statusId);
              onChange({ caseTypeId, statusId: caseTypeId === null || keep ? choices.statusId : null });
            }}
            clearable
            searchable
            disabled={disabled || types.length === 0}
            error={errors.caseTypeId}
          />
        )}
        {offered.has('status') && (
          <Select
            label="Status"
            placeholder={placeholder(caseTypes, 'No statuses yet', 'All statuses')}
            data={statusOptions(types, choices.caseTypeId)}
            value={choices.statusId}
            onChange={(statusId) => onChange({ statusId })}
            clearable
            searchable
            disabled={disabled || types.length === 0}
            error={errors.statusId}
          />
        )}
        {offered.has('campaign') && (
          <Select
            label="Campaign"
            placeholder={placeholder(campaigns, 'No campaigns yet', 'All campaigns')}
            data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={choices.campaignId}
            onChange={(campaignId) => onChange({ campaignId })}
            clearable
            searchable
            disabled={disabled || (campaigns.data?.length ?? 0) === 0}
            error={errors.campaignId}
          />
        )}
        {offered.has('dates') && (
          <DatePickerInput
            type="range"
            label={DATES_LABEL[choices.kind]}
            description="Whole days, in UTC; leave empty for any time."
            placeholder="Any time"
            leftSection={<IconCalendar size={16} />}
            value={choices.range}
            onChange={(range) => onChange({ range: [range[0] ?? null, range[1] ?? null] })}
            allowSingleDateInRange
            clearable
            disabled={disabled}
            error={errors.from ?? errors.to}
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}
