import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-ticks';

const evenlySpaced = (ticks: number[]) => ticks.every((t, i) => i === 0 || t - ticks[i - 1]! === ticks[1]! - ticks[0]!);

describe('nice ticks', () => {
  it.each([
    [4, [0, 1, 2, 3, 4]],
    [3, [0, 1, 2, 3]],
    [7, [0, 2, 4, 6, 8]],
    [600, [0, 200, 400, 600]],
    [450, [0, 200, 400, 600]],
    [1, [0, 1]],
    [0, [0, 1]],
    [12_345, [0, 5_000, 10_000, 15_000]],
  ])('a highest bar of %i gets %o', (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });

  it('is always even, starts at 0, reaches the highest bar and uses steps of 1, 2 or 5 × 10ⁿ', () => {
    for (let max = 1; max <= 5_000; max += 7) {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(evenlySpaced(ticks), `${max}: ${ticks.join('/')}`).toBe(true);
      const step = ticks[1]!;
      expect(Number.isInteger(step)).toBe(true);
      expect(String(step)).toMatch(/^[125]0*$/);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});
