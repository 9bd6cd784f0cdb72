// Records per run by outcome over 24 hours (hourly bars) or 7 / 30 days (daily bars), stacked, with each outcome's
// total over the range; the chart library and habits of the deliveries chart.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, ColorSwatch, Group, SegmentedControl, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ChartRange, SyncMonitoring } from '../../../../../shared/domain/sync-monitoring';
import { niceTicks } from '../../../components/deliveries/nice-ticks';
import { useDateFormat } from '../../../hooks/use-date-format';

const HEIGHT = 180;
const count = new Intl.NumberFormat('en-US');

const SERIES = [
  { name: 'created', label: 'Created', color: 'teal.6' },
  { name: 'updated', label: 'Updated', color: 'blue.6' },
  { name: 'pulled', label: 'Pulled', color: 'cyan.5' },
  { name: 'unchanged', label: 'Unchanged', color: 'gray.5' },
  { name: 'skipped', label: 'Skipped', color: 'grape.4' },
  { name: 'conflicts', label: 'Conflicts', color: 'yellow.6' },
  { name: 'failed', label: 'Failed', color: 'red.6' },
] as const;
type SeriesName = (typeof SERIES)[number]['name'];

const RANGES: { value: ChartRange; label: string; words: string }[] = [
  { value: '24h', label: '24 hours', words: 'the last 24 hours' },
  { value: '7d', label: '7 days', words: 'the last 7 days' },
  { value: '30d', label: '30 days', words: 'the last 30 days' },
];

interface RunsChartProps {
  chart: SyncMonitoring['chart'];
  range: ChartRange;
  onRange: (range: ChartRange) => void;
}

export function RunsChart({ chart, range, onRange }: RunsChartProps) {
  const { timeZone } = useDateFormat();
  const rows = useMemo(() => {
    const label = new Intl.DateTimeFormat('en-US', chart.range === '24h' ? { hour: 'numeric', timeZone } : { month: 'short', day: 'numeric', timeZone: chart.timezone });
    return chart.buckets.map((b) => ({ ...b, label: label.format(Date.parse(b.start)) }));
  }, [chart, timeZone]);
  const totals = Object.fromEntries(SERIES.map((s) => [s.name, rows.reduce((n, b) => n + b[s.name], 0)])) as Record<SeriesName, number>;
  const runs = rows.reduce((n, b) => n + b.runs, 0);
  const ticks = niceTicks(Math.max(0, ...rows.map((b) => SERIES.reduce((n, s) => n + b[s.name], 0))));
  const words = RANGES.find((r) => r.value === range)?.words ?? range;
  return (
    <Card withBorder padding="sm" data-testid="runs-chart" data-runs={runs}>
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Text fw={600} size="sm">
          Records per run{' '}
          <Text span size="xs" c="dimmed" fw={400} data-testid="runs-chart-count">
            {count.format(runs)} {runs === 1 ? 'run' : 'runs'} in {words}
          </Text>
        </Text>
        <Group gap="md">
          <Group gap="sm" data-testid="runs-chart-totals">
            {SERIES.filter((s) => totals[s.name] > 0 || s.name === 'failed').map((s) => (
              <Group key={s.name} gap={6} wrap="nowrap">
                <ColorSwatch color={`var(--mantine-color-${s.color.replace('.', '-')})`} size={10} withShadow={false} />
                <Text size="xs" c="dimmed">
                  {count.format(totals[s.name])} {s.label.toLowerCase()}
                </Text>
              </Group>
            ))}
          </Group>
          <SegmentedControl size="xs" value={range} onChange={(r) => onRange(r as ChartRange)} data={RANGES.map(({ value, label }) => ({ value, label }))} aria-label="Chart range" />
        </Group>
      </Group>
      <BarChart
        h={HEIGHT}
        data={rows}
        dataKey="label"
        type="stacked"
        series={SERIES.map(({ name, label, color }) => ({ name, label, color }))}
        tickLine="none"
        gridAxis="y"
        xAxisProps={{ interval: chart.range === '24h' ? 2 : chart.range === '7d' ? 0 : 4, fontSize: 11 }}
        yAxisProps={{ allowDecimals: false, width: 36, fontSize: 11, ticks, domain: [0, ticks.at(-1)!], interval: 0 }}
        valueFormatter={(v) => count.format(v)}
        maxBarWidth={chart.range === '30d' ? 14 : 28}
        aria-label={`Records per run by outcome over ${words}`}
      />
    </Card>
  );
}
