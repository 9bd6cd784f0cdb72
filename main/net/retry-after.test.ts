import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from './retry-after';

const NOW = new Date('1994-11-06T08:49:00.000Z');

describe('Retry-After parsing', () => {
  it('reads delta-seconds, surrounding spaces allowed', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('  7 ', NOW)).toBe(7_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });

  it('reads the three HTTP-date forms as UTC, measured from now', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(expected);
    expect(parseRetryAfter('sun, 06 nov 1994 08:49:37 gmt', NOW)).toBe(37_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:00:00 GMT', NOW)).toBe(0);
  });

  it('returns null for missing and unreadable values', () => {
    for (const value of [null, undefined, '', '  ', 'soon', '-5', '1.5', '1e3', 'Mon, 1', 'Sun, 06 Nov 1994 08:49:37', 'Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 25:00:00 GMT']) {
      expect(parseRetryAfter(value, NOW)).toBeNull();
    }
  });
});
