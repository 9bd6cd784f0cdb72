import { describe, expect, it } from 'vitest';
import { tableMinWidth, trackMinWidth } from './column-tracks';

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
