import { describe, expect, it } from 'vitest';
import { progressView, rowsLabel } from './progress-view';

describe('progressView', () => {
  it('says how many of how many rows, with thousands separators', () => {
    expect(progressView({ done: 12_000, total: 100_000, finished: false })).toEqual({ percent: 12, label: '12,000 of 100,000 rows' });
  });

  it('never shows 100 % before the task says it finished', () => {
    expect(progressView({ done: 99_999, total: 100_000, finished: false }).percent).toBe(99);
    expect(progressView({ done: 100_000, total: 100_000, finished: false }).percent).toBe(99);
    expect(progressView({ done: 100_000, total: 100_000, finished: true }).percent).toBe(100);
  });

  it('is 100 % for a finished empty file, and stays where it stopped when the task failed', () => {
    expect(progressView({ done: 0, total: 0, finished: true }).percent).toBe(100);
    expect(progressView({ done: 500, total: 2_000, finished: true, error: 'disk full' }).percent).toBe(25);
  });

  it('counts in the unit it is given (deliveries for a bulk replay)', () => {
    const unit = { one: 'delivery', many: 'deliveries' };
    expect(progressView({ done: 3_000, total: 5_000, finished: false, unit }).label).toBe('3,000 of 5,000 deliveries');
    expect(progressView({ done: 1, total: null, finished: false, unit }).label).toBe('1 delivery');
  });

  it('counts rows without a total while the file is still being read', () => {
    expect(progressView({ done: 0, total: null, finished: false })).toEqual({ percent: 0, label: '0 rows' });
  });
});

describe('rowsLabel', () => {
  it('uses the singular for one row', () => {
    expect(rowsLabel(1)).toBe('1 row');
    expect(rowsLabel(1_500)).toBe('1,500 rows');
  });
});
