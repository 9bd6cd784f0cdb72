// Deliveries per hour by outcome (succeeded, retrying, failed) for one webhook or all, over the last 24 hours or
// 7 days, as stacked bars; the current hour is the last bar. Refreshes every 30 seconds.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, ColorSwatch, Group, SegmentedControl, Skeleton, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { HourlyBucket, HourlyRange } from '../../../../shared/contract/delivery-log';
import { useContractQuery } from '../../api/client';
import { useDateFormat } from '../../hooks/use-date-format';
import { ErrorAlert } from '../query-state';
import { niceTicks } from './nice-ticks';

const HEIGHT = 160;
/** The chart is not refreshed by every change of the log (see deliveryLog.hourly): hourly bars can wait this long. */
const REFRESH_MS = 30_000;
const count = new Intl.NumberFormat('en-US');

const SERIES = [
  { name: 'succeeded', label: 'Succeeded', color: 'teal.6' },
  { name: 'retrying', label: 'Retrying', color: 'yellow.6' },
  { name: 'failed', label: 'Failed', color: 'red.6' },
] as const;

/** The chart's rows: each hour labelled in the company's timezone ("3 PM", or "Tue 3 PM" over a week). */
function toRows(hours: readonly HourlyBucket[], range: HourlyRange, timeZone: string) {
  const label = new Intl.DateTimeFormat('en-US', range === '24h' ? { hour: 'numeric', timeZone } : { weekday: 'short', hour: 'numeric', timeZone });
  return hours.map((h) => ({ ...h, label: label.format(Date.parse(h.hour)) }));
}

/** The zone's short name now ("CST", "GMT+9"), shown beside the chart's title. */
const zoneName = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;

interface HourlyChartProps {
  webhookId?: string;
  range: HourlyRange;
  onRange: (range: HourlyRange) => void;
}

/** The chart card with its 24 h / 7 days switch and the totals of the range. */
export function HourlyChart({ webhookId, range, onRange }: HourlyChartProps) {
  const query = useContractQuery('deliveryLog.hourly', { ...(webhookId && { webhookId }), range }, { refetchInterval: REFRESH_MS });
  const { timeZone } = useDateFormat();
  const rows = useMemo(() => (query.data ? toRows(query.data.hours, range, timeZone) : []), [query.data, range, timeZone]);
  // Even ticks from 0 to just above the tallest stacked bar.
  const ticks = niceTicks(Math.max(0, ...rows.map((h) => h.succeeded + h.retrying + h.failed)));
  const totals = rows.reduce((t, h) => ({ succeeded: t.succeeded + h.succeeded, retrying: t.retrying + h.retrying, failed: t.failed + h.failed }), { succeeded: 0, retrying: 0, failed: 0 });
  return (
    <Card withBorder padding="sm" mb="md" data-testid="hourly-chart">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Text fw={600} size="sm">
          Deliveries per hour {webhookId ? '' : '(all webhooks)'}{' '}
          <Text span size="xs" c="dimmed" fw={400} data-testid="hourly-zone">
            {zoneName(timeZone)}
          </Text>
        </Text>
        <Group gap="md">
          {/* The legend, with each outcome's total over the range. */}
          <Group gap="sm" data-testid="hourly-totals">
            {SERIES.map((s) => (
              <Group key={s.name} gap={6} wrap="nowrap">
                <ColorSwatch color={`var(--mantine-color-${s.color.replace('.', '-')})`} size={10} withShadow={false} />
                <Text size="xs" c="dimmed">
                  {count.format(totals[s.name])} {s.label.toLowerCase()}
                </Text>
              </Group>
            ))}
          </Group>
          <SegmentedControl
            size="xs"
            value={range}
            onChange={(r) => onRange(r as HourlyRange)}
            data={[
              { value: '24h', label: '24 hours' },
              { value: '7d', label: '7 days' },
            ]}
            aria-label="Chart range"
          />
        </Group>
      </Group>
      {query.error ? (
        <ErrorAlert title="Couldn't load the chart" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : query.data ? (
        <BarChart
          h={HEIGHT}
          data={rows}
          dataKey="label"
          type="stacked"
          series={SERIES.map(({ name, label, color }) => ({ name, label, color }))}
          tickLine="none"
          gridAxis="y"
          xAxisProps={{ interval: range === '24h' ? 2 : 23, fontSize: 11 }}
          yAxisProps={{ allowDecimals: false, width: 36, fontSize: 11, ticks, domain: [0, ticks.at(-1)!], interval: 0 }}
          valueFormatter={(v) => count.format(v)}
          maxBarWidth={range === '24h' ? 28 : 6}
          aria-label={`Deliveries per hour over the last ${range === '24h' ? '24 hours' : '7 days'}`}
        />
      ) : (
        <Skeleton h={HEIGHT} />
      )}
    </Card>
  );
}
