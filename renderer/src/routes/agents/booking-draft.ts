// The Appointment Booking form's state: the toggle and the Event Type ID as typed, what would be saved, and the
// local rules checked before anything is sent.
import type { Agent } from '../../../../shared/domain/workspace';
import { parseEventTypeRef } from '../../../../shared/domain/scheduling';

export interface BookingDraft {
  booking: boolean;
  /** As typed or pasted: a number or an event type URL. */
  eventType: string;
}

export const draftOf = (agent: Pick<Agent, 'appointmentBooking' | 'eventTypeId'>): BookingDraft => ({
  booking: agent.appointmentBooking,
  eventType: agent.eventTypeId === null ? '' : String(agent.eventTypeId),
});

export type BookingChange = { ok: true; appointmentBooking: boolean; eventTypeId: number | null } | { ok: false; message: string };

/** What Save would send, or why it can't: booking on needs an event type; a value typed must be readable. */
export function bookingChange(draft: BookingDraft): BookingChange {
  if (draft.eventType.trim() === '') {
    return draft.booking
      ? { ok: false, message: 'Enter the Event Type ID this agent books into, or turn Appointment Booking off.' }
      : { ok: true, appointmentBooking: false, eventTypeId: null };
  }
  const ref = parseEventTypeRef(draft.eventType);
  return ref.ok ? { ok: true, appointmentBooking: draft.booking, eventTypeId: ref.id } : ref;
}

/** Whether the draft differs from what is saved on the agent. */
export function isDirty(draft: BookingDraft, agent: Pick<Agent, 'appointmentBooking' | 'eventTypeId'>): boolean {
  const change = bookingChange(draft);
  if (!change.ok) return true;
  return change.appointmentBooking !== agent.appointmentBooking || change.eventTypeId !== agent.eventTypeId;
}
