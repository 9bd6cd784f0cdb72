// A small seeded pseudo-random generator (mulberry32): the same seed gives the same demo workspace and the same
// event stream, so tests and screenshots are stable. Not for anything secret.
import { mulberry32 } from '../kernel';

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `weights[i]` is the relative likelihood of `items[i]`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Up to `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[];
}

/** A generator seeded with `seed` (any 32-bit integer). */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[int(0, items.length - 1)]!;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted(items, weights) {
      const total = weights.reduce((a, b) => a + b, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
    sample(items, n) {
      const pool = [...items];
      const out: (typeof items)[number][] = [];
      while (out.length < n && pool.length > 0) out.push(pool.splice(int(0, pool.length - 1), 1)[0]!);
      return out;
    },
  };
}
