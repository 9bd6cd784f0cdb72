// The two filters besides events: the campaign (call events only; fixed for a campaign-scoped webhook) and the
// case types (none = all).
import { MultiSelect, Select } from '@mantine/core';
import { useContractQuery } from '../../api/client';

interface CampaignFilterFieldProps {
  value: string | null;
  onChange: (value: string | null) => void;
  /** Why the filter can't be used with the chosen events, in one line; null when it can. */
  hint: string | null;
  /** Set for a campaign-scoped webhook: the filter is that campaign and can't change. */
  fixed: boolean;
  error: string | undefined;
}

export function CampaignFilterField({ value, onChange, hint, fixed, error }: CampaignFilterFieldProps) {
  const campaigns = useContractQuery('campaigns.list', undefined);
  const data = (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (value !== null && !data.some((d) => d.value === value)) data.push({ value, label: value });
  // Disabled only when it can't be used and isn't set: a set filter stays editable so it can be removed.
  const unusable = hint !== null && value === null;
  const description = fixed
    ? 'This webhook is scoped to this campaign: it only sends the campaign’s call events.'
    : unusable
      ? hint
      : 'Only events of this campaign. Applies to call events (calls, transcripts, transfers).';
  return (
    <Select
      label="Campaign filter"
      placeholder={campaigns.isPending ? 'Loading campaigns…' : 'All campaigns'}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      clearable={!fixed}
      searchable
      disabled={fixed || unusable}
      error={error}
      nothingFoundMessage="No campaign matches"
      data-testid="campaign-filter"
    />
  );
}

interface CaseTypesFieldProps {
  value: string[];
  onChange: (value: string[]) => void;
  error: string | undefined;
}

export function CaseTypesField({ value, onChange, error }: CaseTypesFieldProps) {
  const caseTypes = useContractQuery('caseTypes.list', undefined);
  const names = (caseTypes.data ?? []).map((t) => t.name);
  // A stored name the workspace no longer has still shows, so it can be removed.
  const data = [...names, ...value.filter((v) => !names.includes(v))];
  return (
    <MultiSelect
      label="Case type filter"
      description="Only events whose case has one of these types (events without a case are then skipped). None chosen: all events, with or without a case."
      placeholder={value.length === 0 ? 'All case types' : undefined}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      error={error}
      nothingFoundMessage={names.length === 0 ? 'No case types in this workspace yet' : 'No case type matches'}
    />
  );
}
