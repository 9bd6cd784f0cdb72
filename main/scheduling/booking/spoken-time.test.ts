// Slot times as a voice agent says them and as ISO with the company's offset, across a DST change and at the edges
// of the day.
import { describe, expect, it } from 'vitest';
import { isoInZone, spokenTime } from './spoken-time';

const NOW = new Date('2026-12-02T15:00:00Z');

describe('spoken slot times', () => {
  it('says the weekday, month, day and time in the company timezone; whole hours without ":00"', () => {
    expect(spokenTime('2026-12-08T19:30:00Z', 'America/New_York', NOW)).toBe('Tuesday, December 8 at 2:30 PM');
    expect(spokenTime('2026-12-08T17:00:00Z', 'America/New_York', NOW)).toBe('Tuesday, December 8 at 12 PM');
    expect(spokenTime('2026-12-09T05:00:00Z', 'America/New_York', NOW)).toBe('Wednesday, December 9 at 12 AM');
    expect(spokenTime('2026-12-08T19:30:00Z', 'Europe/London', NOW)).toBe('Tuesday, December 8 at 7:30 PM');
    expect(spokenTime('2027-03-02T15:05:00Z', 'America/New_York', NOW)).toBe('Tuesday, March 2, 2027 at 10:05 AM');
  });

  it('follows the offset through daylight saving time (New York: -05:00 before 8 March 2026, -04:00 after)', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(isoInZone('2026-03-06T14:00:00Z', 'America/New_York')).toBe('2026-03-06T09:00:00.000-05:00');
    expect(isoInZone('2026-03-09T13:00:00Z', 'America/New_York')).toBe('2026-03-09T09:00:00.000-04:00');
    expect(spokenTime('2026-03-09T13:00:00Z', 'America/New_York', now)).toBe('Monday, March 9 at 9 AM');
    expect(isoInZone('2026-06-01T08:00:00Z', 'Asia/Kolkata')).toBe('2026-06-01T13:30:00.000+05:30');
    expect(isoInZone('2026-06-01T08:00:00Z', 'UTC')).toBe('2026-06-01T08:00:00.000+00:00');
  });
});
