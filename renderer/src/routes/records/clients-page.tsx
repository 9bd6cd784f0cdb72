// Workspace → Clients: every client, searchable (the search lives in the address bar), in a virtualized table.
import { Box } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router';
import type { Client } from '../../../../shared/domain/workspace';
import { PageHeader } from '../../components/page-header';
import { CLIENT_COLUMNS } from '../../components/records/client-columns';
import { LIST_HEIGHT } from '../../components/ui/list-height';
import { RecordList } from '../../components/records/record-list';
import { NoMatches, NothingYet } from '../../components/records/records-empty-state';
import { SearchBox } from '../../components/ui/search-box';
import { useRecordWindows, type FilterOf } from '../../components/records/use-record-windows';
import { useSearchFilters } from '../../hooks/use-search-filters';

const KEYS = ['q'] as const;

function ClientsTable({ filter, onClear }: { filter: FilterOf<'clients.list'>; onClear: () => void }) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const list = useRecordWindows('clients.list', filter);
  return (
    <RecordList
      list={list}
      columns={CLIENT_COLUMNS}
      label="Clients"
      noun={['client', 'clients']}
      filtered={filter.search !== undefined}
      empty={<NothingYet what="clients" icon={<IconUsers size={28} />} />}
      noMatches={<NoMatches what="clients" onClear={onClear} />}
      onOpen={(row: Client) => void navigate(`/clients/${row.id}`, { state: { back: `/clients${search}` } })}
      height={LIST_HEIGHT}
      errorTitle="Couldn't load the clients"
    />
  );
}

export function ClientsPage() {
  const [values, update] = useSearchFilters(KEYS);
  const filter: FilterOf<'clients.list'> = values.q ? { search: values.q } : {};
  return (
    <>
      <PageHeader title="Clients" description="The people behind your cases. Select one to see their contact details, cases and history." />
      <Box display="flex" mb="md" maw={520}>
        <SearchBox label="Search" placeholder="Name, phone, email or external id" value={values.q} onSearch={(q) => update({ q })} />
      </Box>
      <ClientsTable key={values.q ?? ''} filter={filter} onClear={() => update({ q: null })} />
    </>
  );
}
