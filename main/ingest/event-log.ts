// The stored events as the console reads them (`events.list`, `events.get`): received-time bounds are accepted
// with any UTC offset and compared in UTC, the form they are stored in; an id that is not stored is NOT_FOUND.
import type { EventListInput } from '../../shared/contract/events';
import type { EventListRow, StoredEvent } from '../../shared/domain/events';
import { AppError } from '../../shared/result';
import type { EventStore } from './event-store';

export interface EventLog {
  /** A page of events with their case number and client name, newest received first. */
  list(input: EventListInput): { rows: EventListRow[]; total: number };
  /** One stored event with its data; NOT_FOUND when there is none with that id. */
  get(id: string): StoredEvent;
}

const utc = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso).toISOString());

/** The event log over the event store. */
export function createEventLog(store: EventStore): EventLog {
  return {
    list: (input) => store.list({ ...input, from: utc(input.from), to: utc(input.to) }),
    get(id) {
      const event = store.get(id);
      if (!event) throw new AppError('NOT_FOUND', `No event with id ${id}.`);
      return event;
    },
  };
}
