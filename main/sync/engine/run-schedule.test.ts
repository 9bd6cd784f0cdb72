// Scheduled slots in the company's timezone: hourly at the top of the hour, daily at a wall time that stays the
// same local time across daylight saving (America/Los_Angeles and Asia/Kolkata's half-hour offset).
import { describe, expect, it } from 'vitest';
import { nextSlotAfter } from './run-schedule';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const LA = 'America/Los_Angeles';

describe('sync schedule', () => {
  it('real time has no slots; hourly is the next top of the hour in the company zone', () => {
    expect(nextSlotAfter({ kind: 'real_time' }, at('2026-11-26T20:10:00Z'), LA)).toBeNull();
    expect(iso(nextSlotAfter({ kind: 'hourly' }, at('2026-11-26T20:10:00Z'), LA))).toBe('2026-11-26T21:00:00.000Z');
    expect(iso(nextSlotAfter({ kind: 'hourly' }, at('2026-11-26T21:00:00Z'), LA))).toBe('2026-11-26T22:00:00.000Z');
    // India is UTC+5:30: its top of the hour is :30 UTC.
    expect(iso(nextSlotAfter({ kind: 'hourly' }, at('2026-11-26T20:10:00Z'), 'Asia/Kolkata'))).toBe('2026-11-26T20:30:00.000Z');
  });

  it('daily runs at the local time, today or tomorrow', () => {
    const daily = { kind: 'daily' as const, at: '02:30', timezone: LA };
    // 2026-11-26 12:00 PST → the next 02:30 PST is the 27th at 10:30 UTC.
    expect(iso(nextSlotAfter(daily, at('2026-11-26T20:00:00Z'), LA))).toBe('2026-11-27T10:30:00.000Z');
    expect(iso(nextSlotAfter(daily, at('2026-11-27T10:00:00Z'), LA))).toBe('2026-11-27T10:30:00.000Z');
    expect(iso(nextSlotAfter(daily, at('2026-11-27T10:30:00Z'), LA))).toBe('2026-11-28T10:30:00.000Z');
  });

  it('daily keeps its local time across DST: PDT in summer, the gap on spring-forward day, once on fall-back day', () => {
    const daily = (time: string) => ({ kind: 'daily' as const, at: time, timezone: LA });
    // Summer: 02:30 PDT = 09:30 UTC.
    expect(iso(nextSlotAfter(daily('02:30'), at('2027-06-01T12:00:00Z'), LA))).toBe('2027-06-02T09:30:00.000Z');
    // 2027-03-14: 02:00 PST jumps to 03:00 PDT; 02:30 does not exist: the run is at 03:00 PDT (10:00 UTC).
    expect(iso(nextSlotAfter(daily('02:30'), at('2027-03-13T12:00:00Z'), LA))).toBe('2027-03-14T10:00:00.000Z');
    // The day after, 02:30 PDT again.
    expect(iso(nextSlotAfter(daily('02:30'), at('2027-03-14T10:00:00Z'), LA))).toBe('2027-03-15T09:30:00.000Z');
    // 2026-11-01: 01:30 happens twice (PDT, then PST); the run is at the first (08:30 UTC), and not again at the second.
    expect(iso(nextSlotAfter(daily('01:30'), at('2026-10-31T20:00:00Z'), LA))).toBe('2026-11-01T08:30:00.000Z');
    expect(iso(nextSlotAfter(daily('01:30'), at('2026-11-01T08:30:00Z'), LA))).toBe('2026-11-02T09:30:00.000Z');
    // Hourly across the fall-back hour: each real hour once.
    expect(iso(nextSlotAfter({ kind: 'hourly' }, at('2026-11-01T08:59:00Z'), LA))).toBe('2026-11-01T09:00:00.000Z');
    expect(iso(nextSlotAfter({ kind: 'hourly' }, at('2026-11-01T09:00:00Z'), LA))).toBe('2026-11-01T10:00:00.000Z');
  });
});
