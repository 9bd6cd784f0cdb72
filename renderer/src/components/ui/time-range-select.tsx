// The filter bars' time range: "Any time" or one of the presets, counted back from when it was chosen.
import { Select } from '@mantine/core';
import { TIME_RANGES } from './time-range';

const OPTIONS = TIME_RANGES.map((r) => ({ value: r.value, label: r.label }));

export function TimeRangeSelect({ label, value, onChange, width }: { label: string; value: string | null; onChange: (range: string | null) => void; width: number }) {
  return <Select label={label} placeholder="Any time" data={OPTIONS} value={value} onChange={onChange} clearable w={width} />;
}
