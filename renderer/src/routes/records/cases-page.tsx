// Workspace → Cases: every case, searchable and filterable (filters live in the address bar), in a table that
// stays fast at 100,000 cases. A row opens the case.
import { IconBriefcase } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router';
import type { CaseListRow } from '../../../../shared/domain/workspace-views';
import { PageHeader } from '../../components/page-header';
import { CASE_COLUMNS } from '../../components/records/case-columns';
import { CASE_FILTER_KEYS, CaseFilters } from '../../components/records/case-filters';
import { RecordList } from '../../components/records/record-list';
import { NoMatches, NothingYet } from '../../components/records/records-empty-state';
import { LIST_HEIGHT } from '../../components/ui/list-height';
import { useRecordWindows, type FilterOf } from '../../components/records/use-record-windows';
import { useSearchFilters } from '../../hooks/use-search-filters';

function CasesTable({ filter, filtered, onClear }: { filter: FilterOf<'cases.list'>; filtered: boolean; onClear: () => void }) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const list = useRecordWindows('cases.list', filter);
  return (
    <RecordList
      list={list}
      columns={CASE_COLUMNS}
      label="Cases"
      noun={['case', 'cases']}
      filtered={filtered}
      empty={<NothingYet what="cases" icon={<IconBriefcase size={28} />} />}
      noMatches={<NoMatches what="cases" onClear={onClear} />}
      onOpen={(row: CaseListRow) => void navigate(`/cases/${row.id}`, { state: { back: `/cases${search}` } })}
      height={LIST_HEIGHT}
      errorTitle="Couldn't load the cases"
    />
  );
}

export function CasesPage() {
  const [values, update] = useSearchFilters(CASE_FILTER_KEYS);
  const filter: FilterOf<'cases.list'> = {
    ...(values.q && { search: values.q }),
    ...(values.type && { caseTypeId: values.type }),
    ...(values.type && values.status && { statusId: values.status }),
    ...(values.campaign && { campaignId: values.campaign }),
  };
  const filtered = Object.keys(filter).length > 0;
  return (
    <>
      <PageHeader title="Cases" description="Every case in your Kayse workspace. Select one to see its fields, clients and history, or to change its status." />
      <CaseFilters values={values} update={update} />
      <CasesTable
        key={JSON.stringify(filter)}
        filter={filter}
        filtered={filtered}
        onClear={() => update({ q: null, type: null, status: null, campaign: null })}
      />
    </>
  );
}
