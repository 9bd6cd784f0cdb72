import { describe, expect, it } from 'vitest';
import { dateFormat, formatFull, formatRelative, formatShort, formatShortZoned } from './relative-time';

const NOW = Date.parse('2026-11-26T20:00:00Z');

describe('formatRelative', () => {
  it('says "just now" for the last few seconds', () => {
    expect(formatRelative('2026-11-26T19:59:30Z', NOW)).toBe('just now');
  });

  it('counts minutes, hours and days back', () => {
    expect(formatRelative('2026-11-26T19:55:00Z', NOW)).toBe('5 minutes ago');
    expect(formatRelative('2026-11-26T17:00:00Z', NOW)).toBe('3 hours ago');
    expect(formatRelative('2026-11-25T20:00:00Z', NOW)).toBe('yesterday');
    expect(formatRelative('2026-08-26T20:00:00Z', NOW)).toBe('3 months ago');
  });

  it('leaves a value that is not a timestamp as it is', () => {
    expect(formatRelative('soon', NOW)).toBe('soon');
  });
});

describe('formatFull', () => {
  it('names the year, the time to the second and the zone', () => {
    const text = formatFull('2026-11-26T20:00:05Z', 'UTC');
    expect(text).toBe('Thu, Nov 26, 2026, 8:00:05 PM UTC');
  });

  it("shows the instant on the given zone's clock, whatever this computer's zone", () => {
    expect(formatFull('2026-11-26T20:00:05Z', 'America/Chicago')).toBe('Thu, Nov 26, 2026, 2:00:05 PM CST');
    expect(formatFull('2026-11-26T20:00:05Z', 'Asia/Kolkata')).toBe('Fri, Nov 27, 2026, 1:30:05 AM GMT+5:30');
  });

  it('follows daylight saving time: the same zone reads CDT in summer and CST in winter', () => {
    expect(formatFull('2026-07-01T17:00:00Z', 'America/Chicago')).toBe('Wed, Jul 1, 2026, 12:00:00 PM CDT');
    // US DST ends 2026-11-01 at 2:00 CDT: one hour apart in UTC, the same wall-clock hour twice.
    expect(formatShortZoned('2026-11-01T06:30:00Z', 'America/Chicago')).toBe('Nov 1, 1:30 AM CDT');
    expect(formatShortZoned('2026-11-01T07:30:00Z', 'America/Chicago')).toBe('Nov 1, 1:30 AM CST');
  });

  it('falls back to UTC for a zone this runtime does not know, instead of throwing', () => {
    expect(formatFull('2026-11-26T20:00:05Z', 'Mars/Olympus_Mons')).toMatch(/8:00:05 PM UTC$/);
  });

  it('leaves a value that is not a timestamp as it is', () => {
    expect(formatFull('later', 'UTC')).toBe('later');
  });
});

describe('formatShort and formatShortZoned', () => {
  it('move the date across midnight with the zone, and only the zoned one names it', () => {
    expect(formatShort('2026-03-02T03:15:00Z', 'America/Los_Angeles')).toBe('Mar 1, 7:15 PM');
    expect(formatShortZoned('2026-03-02T03:15:00Z', 'America/Los_Angeles')).toBe('Mar 1, 7:15 PM PST');
    expect(formatShortZoned('2026-03-02T03:15:00Z', 'Europe/Berlin')).toBe('Mar 2, 4:15 AM GMT+1');
  });
});

describe('dateFormat', () => {
  it('binds the formatters to one zone, and to UTC when none is known', () => {
    const chicago = dateFormat('America/Chicago');
    expect(chicago.timeZone).toBe('America/Chicago');
    expect(chicago.shortZoned('2026-11-26T20:00:00Z')).toBe('Nov 26, 2:00 PM CST');
    expect(dateFormat(undefined).full('2026-11-26T20:00:00Z')).toMatch(/UTC$/);
    // The same object each time, so a screen's memoised rows don't rebuild on every render.
    expect(dateFormat('America/Chicago')).toBe(chicago);
  });
});
