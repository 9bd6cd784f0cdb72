// The live look-up behind an agent's Event Type ID field: the number, or the pasted editor URL, asked of Cal.com
// with the company key. A 404 says the two reasons it happens (a wrong id, or a team event type: Cal.com's GET
// answers only for the key owner's own event types, though team ones still book). Each answer is kept so the agent
// list shows the title without asking again.
import { parseEventTypeRef, type EventTypeSummary } from '../../shared/domain/scheduling';
import { AppError } from '../../shared/result';
import { isSchedulingError, type CalcomClient } from '../connectors';
import { announceChanged, type Clock, type EventBus } from '../kernel';
import type { ConnectionStore } from './connection-store';

export const NOT_CONNECTED_MESSAGE = 'Scheduling is not connected: connect Cal.com with the company API key first (Settings → Integrations → Scheduling).';

export interface EventTypeLookupDeps {
  store: ConnectionStore;
  clientFor(): Promise<CalcomClient | null>;
  events: EventBus;
  clock: Clock;
}

export function createEventTypeLookup(deps: EventTypeLookupDeps) {
  return async (input: string | number): Promise<EventTypeSummary> => {
    const ref = parseEventTypeRef(input);
    if (!ref.ok) throw new AppError('INVALID_INPUT', ref.message, { issues: [{ path: 'eventType', message: ref.message }] });
    const client = await deps.clientFor();
    if (!client) throw new AppError('CONFLICT', NOT_CONNECTED_MESSAGE);
    try {
      const found = await client.eventType(ref.id);
      const summary = { id: found.id, title: found.title, slug: found.slug, lengthMinutes: found.lengthInMinutes };
      deps.store.putEventType(summary, deps.clock.now().toISOString());
      announceChanged(deps.events, ['scheduling_event_types']);
      return summary;
    } catch (error) {
      if (!isSchedulingError(error, 'not_found')) throw error;
      const account = deps.store.get()?.account.email ?? 'the connected account';
      throw new AppError(
        'NOT_FOUND',
        `Cal.com has no event type ${ref.id} for ${account}. Either the ID is wrong (it is the number at the end of the event type's editor URL, e.g. …/event-types/3685354), or it is a team event type: Cal.com only shows the key owner's own event types, so a team one can't be looked up here (bookings into it still work if the key's owner is on the team).`,
        { kind: 'not_found', eventTypeId: ref.id },
      );
    }
  };
}
