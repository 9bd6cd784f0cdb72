// Handlers of the event ingest procedures: stored events, ingest API keys and the server's status.
import type { eventsContract } from '../../shared/contract/events';
import { AppError } from '../../shared/result';
import type { Handlers } from '../../shared/rpc';
import { announceChanged } from '../kernel';
import type { EventBus } from '../kernel/event-bus';
import type { Ingest } from './create-ingest';

export interface EventsDeps {
  ingest: Ingest;
  events: EventBus;
}

const utc = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso).toISOString());

/** The contract's `events`, `ingestKeys` and `ingest` namespaces over the ingest capability. */
export function eventsHandlers({ ingest, events }: EventsDeps): Handlers<typeof eventsContract> {
  const keysChanged = () => announceChanged(events, ['ingest_api_keys']);
  return {
    events: {
      list: (input) => ingest.store.list({ ...input, from: utc(input.from), to: utc(input.to) }),
      get: ({ id }) => {
        const event = ingest.store.get(id);
        if (!event) throw new AppError('NOT_FOUND', `No event with id ${id}.`);
        return event;
      },
    },
    ingestKeys: {
      list: () => ingest.keys.list(),
      create: (input) => {
        const created = ingest.keys.create(input);
        keysChanged();
        return created;
      },
      revoke: ({ id }) => {
        const key = ingest.keys.revoke(id);
        keysChanged();
        return key;
      },
    },
    ingest: {
      status: () => ingest.status(),
    },
  };
}
