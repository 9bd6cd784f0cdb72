// Even y-axis ticks for count charts: steps of 1, 2 or 5 times a power of ten, from 0 to the first tick at or above
// the highest bar. Recharts' own choice gave uneven ones (0/1/2/4, 0/150/300/600).

const STEPS = [1, 2, 5, 10];

/** 0 and evenly spaced whole-number ticks up to at least `max`, about `intervals` of them (never fewer than 1 apart). */
export function niceTicks(max: number, intervals = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / intervals;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, (STEPS.find((s) => s * power >= raw) ?? 10) * power);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}
