// Voice agents: their campaign and appointment booking (the Cal.com event type they book into). Every write
// announces `tables.changed` for agents.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Agent, agentInputSchema } from '../../shared/domain/workspace';
import type { AgentUpdate } from '../../shared/domain/workspace-views';
import { AppError } from '../../shared/result';
import { announceChanged } from '../kernel';
import { ulidIds, type Clock, type EventBus, type IdGenerator } from '../kernel';

export type AgentInput = z.output<typeof agentInputSchema>;

export interface AgentRepository {
  list(): Agent[];
  get(id: string): Agent | undefined;
  create(input: AgentInput, options?: { isDemo?: boolean }): Agent;
  /** Changes only the fields given; NOT_FOUND for an unknown id. */
  update(changes: AgentUpdate): Agent;
}

interface Row {
  id: string;
  name: string;
  campaign_id: string | null;
  appointment_booking: number;
  event_type_id: number | null;
  is_demo: number;
}

const toAgent = (r: Row): Agent => ({
  id: r.id,
  name: r.name,
  campaignId: r.campaign_id,
  appointmentBooking: r.appointment_booking === 1,
  eventTypeId: r.event_type_id,
  isDemo: r.is_demo === 1,
});

/** Agents over one database. */
export function createAgentRepository(sqlite: Database.Database, clock: Clock, events: EventBus, ids: IdGenerator = ulidIds): AgentRepository {
  const q = {
    all: sqlite.prepare('SELECT * FROM agents ORDER BY name COLLATE NOCASE, id'),
    byId: sqlite.prepare('SELECT * FROM agents WHERE id = ?'),
    campaigns: sqlite.prepare('SELECT id, name FROM campaigns ORDER BY name COLLATE NOCASE'),
    insert: sqlite.prepare(
      'INSERT INTO agents (id, name, campaign_id, appointment_booking, event_type_id, created_at, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    update: sqlite.prepare('UPDATE agents SET name = ?, campaign_id = ?, appointment_booking = ?, event_type_id = ? WHERE id = ?'),
  };
  const get = (id: string) => {
    const row = q.byId.get(id) as Row | undefined;
    return row ? toAgent(row) : undefined;
  };

  const check = (next: Omit<Agent, 'id' | 'isDemo'>) => {
    if (next.appointmentBooking && next.eventTypeId === null) {
      throw new AppError(
        'INVALID_INPUT',
        'An agent that books appointments needs an Event Type ID: the number at the end of the event type\'s editor URL (e.g. .../event-types/3685354).',
        { issues: [{ path: 'eventTypeId', message: 'required when appointment booking is on' }] },
      );
    }
    if (next.campaignId !== null) {
      const campaigns = q.campaigns.all() as { id: string; name: string }[];
      if (!campaigns.some((c) => c.id === next.campaignId)) {
        throw new AppError(
          'UNPROCESSABLE',
          `Unknown campaign id "${next.campaignId}". Valid campaigns: ${campaigns.map((c) => `${c.name} (${c.id})`).join(', ') || '(none yet: create one first)'}.`,
          { issues: [{ path: 'campaignId', message: 'unknown campaign' }], valid: campaigns.map((c) => c.id) },
        );
      }
    }
  };

  return {
    list: () => (q.all.all() as Row[]).map(toAgent),
    get,
    create(input, { isDemo = false } = {}) {
      check(input);
      const id = ids.next();
      q.insert.run(id, input.name, input.campaignId, input.appointmentBooking ? 1 : 0, input.eventTypeId, clock.now().toISOString(), isDemo ? 1 : 0);
      announceChanged(events, ['agents']);
      return get(id)!;
    },
    update({ id, ...changes }) {
      const current = get(id);
      if (!current) throw new AppError('NOT_FOUND', `No agent with id ${id}. It may have been removed: reload the list.`);
      const next: Agent = {
        ...current,
        name: changes.name ?? current.name,
        campaignId: changes.campaignId === undefined ? current.campaignId : changes.campaignId,
        appointmentBooking: changes.appointmentBooking ?? current.appointmentBooking,
        eventTypeId: changes.eventTypeId === undefined ? current.eventTypeId : changes.eventTypeId,
      };
      const same = (['name', 'campaignId', 'appointmentBooking', 'eventTypeId'] as const).every((k) => next[k] === current[k]);
      if (same) return current;
      check(next);
      q.update.run(next.name, next.campaignId, next.appointmentBooking ? 1 : 0, next.eventTypeId, id);
      announceChanged(events, ['agents']);
      return get(id)!;
    },
  };
}
