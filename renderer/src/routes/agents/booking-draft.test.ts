// The Appointment Booking form: what Save sends (the id out of a pasted URL), and what it refuses before sending.
import { describe, expect, it } from 'vitest';
import { agentUpdateSchema } from '../../../../shared/domain/workspace-views';
import { bookingChange, draftOf, isDirty } from './booking-draft';

const agent = { appointmentBooking: true, eventTypeId: 501 };

describe('booking draft', () => {
  it('starts from the saved agent', () => {
    expect(draftOf(agent)).toEqual({ booking: true, eventType: '501' });
    expect(draftOf({ appointmentBooking: false, eventTypeId: null })).toEqual({ booking: false, eventType: '' });
  });

  it('sends the id out of a pasted URL, in a shape the contract accepts', () => {
    const change = bookingChange({ booking: true, eventType: 'https://app.cal.com/event-types/3685354?tabName=setup' });
    expect(change).toEqual({ ok: true, appointmentBooking: true, eventTypeId: 3685354 });
    if (change.ok) expect(agentUpdateSchema.safeParse({ id: 'a1', appointmentBooking: change.appointmentBooking, eventTypeId: change.eventTypeId }).success).toBe(true);
  });

  it('refuses booking on without an event type, and says what to do', () => {
    expect(bookingChange({ booking: true, eventType: ' ' })).toEqual({ ok: false, message: expect.stringMatching(/Enter the Event Type ID/) });
  });

  it('keeps an event type while booking is off, and clears it when emptied', () => {
    expect(bookingChange({ booking: false, eventType: '502' })).toEqual({ ok: true, appointmentBooking: false, eventTypeId: 502 });
    expect(bookingChange({ booking: false, eventType: '' })).toEqual({ ok: true, appointmentBooking: false, eventTypeId: null });
  });

  it('is dirty only when Save would change something', () => {
    expect(isDirty({ booking: true, eventType: 'https://app.cal.com/event-types/501' }, agent)).toBe(false);
    expect(isDirty({ booking: false, eventType: '501' }, agent)).toBe(true);
    expect(isDirty({ booking: true, eventType: 'nonsense' }, agent)).toBe(true);
  });

  it('refuses what holds no event type id, saying where to find it', () => {
    expect(bookingChange({ booking: true, eventType: 'https://app.cal.com/jordan/free-consultation' })).toEqual({ ok: false, message: expect.stringMatching(/event-types/) });
  });
});
