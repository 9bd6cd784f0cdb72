import { describe, expect, it } from 'vitest';
import { placeRows, windowsFor } from './record-windows';

describe('windowsFor', () => {
  it('fetches only the first window at the top of a long list', () => {
    expect(windowsFor(0, 20, 100_000, 200, 60)).toEqual([0, 0]);
  });

  it('fetches the next window before its first row scrolls into view', () => {
    // Rows 150–170 are on screen: row 230 (in window 1) is within the prefetch margin.
    expect(windowsFor(150, 170, 100_000, 200, 60)).toEqual([0, 1]);
  });

  it('fetches only the last window after a jump to the end of 100,000 rows', () => {
    expect(windowsFor(99_980, 99_999, 100_000, 200, 60)).toEqual([499, 499]);
  });

  it('never asks for a window past the end of a short list', () => {
    expect(windowsFor(0, 30, 12, 200, 60)).toEqual([0, 0]);
    expect(windowsFor(0, 0, 0, 200, 60)).toEqual([0, 0]);
  });
});

describe('placeRows', () => {
  it('puts each window\'s rows at their place in the whole list, in order', () => {
    const placed = placeRows(
      [
        { window: 3, rows: ['d0', 'd1'] },
        { window: 2, rows: ['c0', 'c1'] },
      ],
      2,
    );
    expect(placed.rows).toEqual(['c0', 'c1', 'd0', 'd1']);
    expect(placed.indices).toEqual([4, 5, 6, 7]);
  });

  it('shows a window once when both slots hold it, and skips windows not loaded yet', () => {
    const placed = placeRows([{ window: 1, rows: ['b0'] }, undefined, { window: 1, rows: ['b0'] }], 10);
    expect(placed.rows).toEqual(['b0']);
    expect(placed.indices).toEqual([10]);
  });
});
