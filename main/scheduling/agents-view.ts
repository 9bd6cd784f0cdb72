// Workspace → Agents as Scheduling sees it: each agent's campaign, booking toggle and event type (title from the
// last live look-up), its last booking, and whether it can book right now, with the reason the screen shows.
import type Database from 'better-sqlite3';
import type { EventTypeSummary, SchedulingAgentRow, SchedulingConnection } from '../../shared/domain/scheduling';

interface Row {
  id: string;
  name: string;
  campaign_id: string | null;
  campaign_name: string | null;
  appointment_booking: number;
  event_type_id: number | null;
  is_demo: number;
}

/** Why an agent can't book now, or null when it can. */
export function cannotBookReason(agent: { appointmentBooking: boolean; eventTypeId: number | null }, connection: SchedulingConnection): string | null {
  if (!agent.appointmentBooking) return 'Appointment Booking is off';
  if (agent.eventTypeId === null) return "Can't book: no Event Type ID";
  if (connection.state === 'not_connected') return "Can't book: scheduling is disconnected";
  if (connection.state === 'error') return `Can't book: ${connection.message}`;
  return null;
}

export interface AgentsViewDeps {
  sqlite: Database.Database;
  eventTypes(): Map<number, EventTypeSummary>;
  /** Each agent's last booking (ISO), from the booking service's log; empty until it exists. */
  lastBookings(): Map<string, string>;
}

export function createAgentsView(deps: AgentsViewDeps) {
  const all = deps.sqlite.prepare<[], Row>(
    `SELECT a.id, a.name, a.campaign_id, c.name AS campaign_name, a.appointment_booking, a.event_type_id, a.is_demo
       FROM agents a LEFT JOIN campaigns c ON c.id = a.campaign_id ORDER BY a.name COLLATE NOCASE, a.id`,
  );
  return (connection: SchedulingConnection): SchedulingAgentRow[] => {
    const eventTypes = deps.eventTypes();
    const lastBookings = deps.lastBookings();
    return all.all().map((r) => {
      const agent = { appointmentBooking: r.appointment_booking === 1, eventTypeId: r.event_type_id };
      const reason = cannotBookReason(agent, connection);
      return {
        id: r.id,
        name: r.name,
        campaignId: r.campaign_id,
        campaignName: r.campaign_name,
        ...agent,
        eventType: r.event_type_id === null ? null : (eventTypes.get(r.event_type_id) ?? null),
        lastBookingAt: lastBookings.get(r.id) ?? null,
        canBook: reason === null,
        cannotBookReason: reason,
        isDemo: r.is_demo === 1,
      };
    });
  };
}
