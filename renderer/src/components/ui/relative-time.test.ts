import { describe, expect, it } from 'vitest';
import { formatFull, formatRelative } from './relative-time';

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
    const text = formatFull('2026-11-26T20:00:05Z');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/:00:05/);
    // Ends with the zone's name (UTC, GMT+2, PST…), so a reader knows which clock it is.
    expect(text).toMatch(/ (UTC|GMT([+-]\d{1,2}(:\d{2})?)?|[A-Z]{3,5})$/);
  });
});
