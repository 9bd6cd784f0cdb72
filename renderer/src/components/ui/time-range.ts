// The Events screen's time ranges: presets measured back from when the range was chosen.

export const TIME_RANGES = [
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
] as const;

/** The start (ISO) of range `value` counted back from `anchor`; undefined for "any time" or an unknown range. */
export function rangeStart(value: string | undefined, anchor: number): string | undefined {
  const range = TIME_RANGES.find((r) => r.value === value);
  return range ? new Date(anchor - range.ms).toISOString() : undefined;
}
