// Handlers of the event ingest procedures: stored events, ingest API keys and the server's status.
import type { eventsContract } from '../../shared/contract/events';
import type { Handlers } from '../../shared/rpc';
import { announceChanged } from '../kernel';
import type { EventBus } from '../kernel';
import type { Ingest } from './create-ingest';

export interface EventsDeps {
  ingest: Ingest;
  events: EventBus;
}

/** The contract's `events`, `ingestKeys` and `ingest` namespaces over the ingest capability. */
export function eventsHandlers({ ingest, events }: EventsDeps): Handlers<typeof eventsContract> {
  const keysChanged = () => announceChanged(events, ['ingest_api_keys']);
  return {
    events: {
      list: (input) => ingest.eventLog.list(input),
      get: ({ id }) => ingest.eventLog.get(id),
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
