// Picks a Kayse case by name or number (the cases list's own search), a few matches at a time.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useContractQuery } from '../../../api/client';

const SHOWN = 20;

export function CasePicker({ value, onChange }: { value: string | null; onChange: (caseId: string | null) => void }) {
  const [search, setSearch] = useState('');
  // The chosen case stays an option whatever the list shows, and its label in the box is not a search.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const typed = chosen && search === chosen.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, 250);
  const cases = useContractQuery('cases.list', { ...(debounced && { search: debounced }), limit: SHOWN });
  const found = (cases.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.caseNumber} · ${c.name}` }));
  const data = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <Select
      label="Kayse case"
      placeholder="Search by name or number"
      searchable
      data={data}
      value={value}
      onChange={(id, option) => {
        setChosen(id ? option : null);
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The list is already filtered by the search in the core.
      filter={({ options }) => options}
      nothingFoundMessage={cases.isFetching ? 'Searching…' : 'No case matches'}
      w={{ base: '100%', sm: 420 }}
      data-testid="sample-case-picker"
    />
  );
}
