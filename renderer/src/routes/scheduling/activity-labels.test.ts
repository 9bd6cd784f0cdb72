// The Activity log's words for outcomes and latencies.
import { describe, expect, it } from 'vitest';
import { latencyLabel, outcomeColor, outcomeLabel } from './activity-labels';

describe('activity labels', () => {
  it('names outcomes in words, with the reason when refused or failed', () => {
    expect(outcomeLabel({ outcome: 'ok', reason: null })).toBe('OK');
    expect(outcomeLabel({ outcome: 'refused', reason: 'slot_taken' })).toBe('Refused: slot taken');
    expect(outcomeLabel({ outcome: 'timed_out', reason: null })).toBe('Timed out');
    expect(outcomeLabel({ outcome: 'something_new', reason: null })).toBe('Something new');
    expect(outcomeLabel({ outcome: '', reason: null })).toBe('Unknown');
  });

  it('colours what the caller can fix apart from failures', () => {
    expect(outcomeColor({ ok: true, outcome: 'replayed' })).toBe('green');
    expect(outcomeColor({ ok: false, outcome: 'refused' })).toBe('orange');
    expect(outcomeColor({ ok: false, outcome: 'unavailable' })).toBe('red');
  });

  it('shows latency in ms below a second, in seconds above', () => {
    expect(latencyLabel(12)).toBe('12 ms');
    expect(latencyLabel(999)).toBe('999 ms');
    expect(latencyLabel(2400)).toBe('2.4 s');
  });
});
