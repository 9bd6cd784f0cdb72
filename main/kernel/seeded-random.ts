// The one seeded pseudo-random generator behind every deterministic data set (demo workspace, simulators' records,
// benchmark seeds): the same seed gives the same data on every run and machine. Not for anything secret.

/** mulberry32: a small, fast, well-spread PRNG, returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
