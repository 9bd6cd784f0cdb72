// Reading a refused booking off a host error: the reason and the next free slots offered instead.
import { describe, expect, it } from 'vitest';
import { RemoteError } from '../../../../shared/result';
import { bookingRefusal } from './booking-refusal';

const slot = { start: '2026-12-08T14:30:00.000-05:00', spoken: 'Tuesday, December 8 at 2:30 PM' };

describe('bookingRefusal', () => {
  it('reads the reason and the alternatives of a taken slot', () => {
    const error = new RemoteError({ code: 'CONFLICT', message: 'That time was taken', details: { reason: 'slot_taken', alternatives: [slot] } });
    expect(bookingRefusal(error)).toEqual({ reason: 'slot_taken', alternatives: [slot] });
  });

  it('has no alternatives when none were sent', () => {
    expect(bookingRefusal(new RemoteError({ code: 'FORBIDDEN', message: 'off', details: { reason: 'booking_off' } }))).toEqual({ reason: 'booking_off', alternatives: [] });
  });

  it('is null for errors that are not refusals', () => {
    expect(bookingRefusal(new RemoteError({ code: 'INTERNAL', message: 'x' }))).toBeNull();
    expect(bookingRefusal(new Error('x'))).toBeNull();
    expect(bookingRefusal(null)).toBeNull();
  });
});
