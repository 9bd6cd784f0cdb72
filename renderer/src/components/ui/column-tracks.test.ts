import { describe, expect, it } from 'vitest';
import { fitColumns, tableMinWidth, trackMinWidth } from './column-tracks';

describe('column tracks', () => {
  it('reads the minimum of fixed, minmax and flexible tracks', () => {
    expect(trackMinWidth('120px')).toBe(120);
    expect(trackMinWidth('minmax(180px, 2fr)')).toBe(180);
    expect(trackMinWidth('1fr')).toBe(0);
  });

  it('adds gaps between columns and padding on both sides', () => {
    expect(tableMinWidth(['100px', 'minmax(200px, 1fr)', '1fr'], 12, 16)).toBe(100 + 200 + 0 + 2 * 12 + 2 * 16);
  });
});

describe('fitColumns', () => {
  const tracks = [
    { width: '100px', priority: 1 },
    { width: '100px', priority: 3 },
    { width: '100px', priority: 2 },
    { width: '100px', priority: 3 },
    { width: '100px', priority: 1 },
  ];
  // Five columns need 5 × 100 + 4 × 10 gaps = 540 px with no padding.

  it('shows every column when they fit', () => {
    expect(fitColumns(tracks, 540, 10, 0)).toEqual([true, true, true, true, true]);
  });

  it('hides the least important first, the rightmost of equals before the others', () => {
    expect(fitColumns(tracks, 539, 10, 0)).toEqual([true, true, true, false, true]);
    expect(fitColumns(tracks, 320, 10, 0)).toEqual([true, false, true, false, true]);
  });

  it('keeps the key columns even when they alone are too wide (the table scrolls then)', () => {
    expect(fitColumns(tracks, 50, 10, 0)).toEqual([true, false, false, false, true]);
  });
});
