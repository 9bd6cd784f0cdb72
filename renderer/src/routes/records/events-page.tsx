// Workspace → Events: the events the console received, newest first, filtered by type, campaign and time; new
// ones appear as they arrive. A row opens the event's payload in a drawer (kept in the address bar).
import { IconActivity } from '@tabler/icons-react';
import { useState } from 'react';
import { isEventType, type EventListRow } from '../../../../shared/domain/events';
import { PageHeader } from '../../components/page-header';
import { EVENT_COLUMNS } from '../../components/records/event-columns';
import { EventDrawer } from '../../components/records/event-drawer';
import { EVENT_FILTER_KEYS, EventFilters } from '../../components/records/event-filters';
import { LIST_HEIGHT } from '../../components/ui/list-height';
import { RecordList } from '../../components/records/record-list';
import { NoMatches, NothingYet } from '../../components/records/records-empty-state';
import { rangeStart } from '../../components/ui/time-range';
import { useRecordWindows, type FilterOf } from '../../components/records/use-record-windows';
import { useSearchFilters } from '../../hooks/use-search-filters';

interface EventsTableProps {
  filter: FilterOf<'events.list'>;
  filtered: boolean;
  onOpen: (row: EventListRow) => void;
  onClear: () => void;
}

function EventsTable({ filter, filtered, onOpen, onClear }: EventsTableProps) {
  const list = useRecordWindows('events.list', filter);
  return (
    <RecordList
      list={list}
      columns={EVENT_COLUMNS}
      label="Events"
      noun={['event', 'events']}
      filtered={filtered}
      empty={<NothingYet what="events" icon={<IconActivity size={28} />} events />}
      noMatches={<NoMatches what="events" onClear={onClear} />}
      onOpen={onOpen}
      height={LIST_HEIGHT}
      errorTitle="Couldn't load the events"
    />
  );
}

export function EventsPage() {
  const [values, update] = useSearchFilters(EVENT_FILTER_KEYS);
  // A range counts back from when it was chosen (or the page opened), so the query stays the same while new
  // events arrive — and they still show, since the range has no end.
  const [anchor, setAnchor] = useState(() => Date.now());
  const from = rangeStart(values.range, anchor);
  const filter: FilterOf<'events.list'> = {
    ...(isEventType(values.type) && { type: values.type }),
    ...(values.campaign && { campaignId: values.campaign }),
    ...(from && { from }),
  };
  const clear = () => update({ type: null, campaign: null, range: null });
  return (
    <>
      <PageHeader
        title="Events"
        description="Calls, transfers, messages, tasks and forms as the Kayse platform reported them, newest first. Select an event to see exactly what was received."
      />
      <EventFilters values={values} update={update} onRangeChosen={() => setAnchor(Date.now())} />
      <EventsTable
        key={JSON.stringify(filter)}
        filter={filter}
        filtered={Object.keys(filter).length > 0}
        onOpen={(row) => update({ event: row.id })}
        onClear={clear}
      />
      <EventDrawer id={values.event ?? null} onClose={() => update({ event: null })} />
    </>
  );
}
