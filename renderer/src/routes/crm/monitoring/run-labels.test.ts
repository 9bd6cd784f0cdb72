// A run's duration as the runs table shows it: milliseconds under a second, seconds under a minute, then minutes.
import { describe, expect, it } from 'vitest';
import { durationLabel, triggerLabel } from './run-labels';

const at = (ms: number) => new Date(Date.UTC(2026, 11, 2, 14, 0, 0) + ms).toISOString();

describe('durationLabel', () => {
  it('picks the unit by length', () => {
    expect(durationLabel(at(0), at(850))).toBe('850 ms');
    expect(durationLabel(at(0), at(12_400))).toBe('12 s');
    expect(durationLabel(at(0), at(185_000))).toBe('3 min 5 s');
    expect(durationLabel(at(0), at(120_000))).toBe('2 min');
  });

  it('never shows a negative duration (clocks moved)', () => {
    expect(durationLabel(at(5_000), at(0))).toBe('0 ms');
  });
});

describe('triggerLabel', () => {
  it('names known triggers and shows an unknown one as it came', () => {
    expect(triggerLabel('manual')).toBe('Sync now');
    expect(triggerLabel('apply_all')).toBe('Apply to all');
    expect(triggerLabel('webhook')).toBe('webhook');
  });
});
