// The tiles at the top of the Monitoring tab: Last sync (when, outcome), Records synced, Errors, Pending, and the
// rate the console sends at (the firm's set limit, or the CRM's default learnt down from its 429s, and a 429's wait).
import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SyncMonitoring } from '../../../../../shared/domain/sync-monitoring';
import { RecordTime } from '../../../components/ui/record-time';
import { OUTCOME_COLORS, OUTCOME_LABELS, triggerLabel } from './run-labels';

const count = new Intl.NumberFormat('en-US');
const perSecond = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

type RateLimit = SyncMonitoring['rateLimit'];
const PACE_LABELS: Record<RateLimit['pace'], string> = { set: 'as set', slowed: 'slowed', default: 'CRM default', learnt: 'learnt' };
const PACE_COLORS: Record<RateLimit['pace'], string> = { set: 'blue', slowed: 'orange', default: 'gray', learnt: 'teal' };

/**
 * Milliseconds until the monitoring is read again while the rate moves with time alone (a 429's wait counting down,
 * a slowed limit climbing back); false: on table changes only (a learnt rate moves only while requests go).
 */
export function rateLimitRefresh(m: SyncMonitoring | undefined): number | false {
  if (!m) return false;
  if (m.rateLimit.holdSeconds > 0) return 1000;
  return m.rateLimit.pace === 'slowed' ? 3000 : false;
}

function rateDetail(r: RateLimit, crmName: string): string {
  if (r.holdSeconds > 0) return `${crmName} answered 429 (too many requests): nothing is sent for ${r.holdSeconds} s`;
  switch (r.pace) {
    case 'set':
      return `the limit set in Sync settings`;
    case 'slowed':
      return `slowed after repeated 429s from ${crmName}; back to the set limit within 15 s`;
    case 'learnt':
      return `learnt from ${crmName}'s 429s; if you know its limit, set it in Sync settings`;
    default:
      return `no limit set: slows down if ${crmName} answers 429 (Sync settings)`;
  }
}
const changes = (n: number) => `${count.format(n)} ${n === 1 ? 'change' : 'changes'}`;

function Tile({ label, testId, value, detail }: { label: string; testId: string; value: ReactNode; detail: ReactNode }) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Group gap="xs" mt={4} mb={2} wrap="nowrap" data-testid="tile-value">
        {value}
      </Group>
      <Text size="xs" c="dimmed" data-testid="tile-detail">
        {detail}
      </Text>
    </Card>
  );
}

export function MonitoringTiles({ monitoring: m, crmName }: { monitoring: SyncMonitoring; crmName: string }) {
  const last = m.lastSync;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md">
      <Tile
        label="Last sync"
        testId="tile-last-sync"
        value={
          last ? (
            <>
              <Text fw={700} size="lg">
                <RecordTime iso={last.at} size="lg" />
              </Text>
              <Badge color={OUTCOME_COLORS[last.outcome]} variant="light" data-testid="last-sync-outcome">
                {OUTCOME_LABELS[last.outcome]}
              </Badge>
            </>
          ) : (
            <Text fw={700} size="lg">
              Never
            </Text>
          )
        }
        detail={last ? triggerLabel(last.trigger) : 'No run yet: the first change or Sync now starts one.'}
      />
      <Tile
        label="Records synced"
        testId="tile-records"
        value={
          <Text fw={700} size="lg">
            {count.format(m.recordsSynced.linked)}
          </Text>
        }
        detail={`linked with ${crmName}; ${count.format(m.recordsSynced.changedLast24h)} synced in the last 24 h`}
      />
      <Tile
        label="Errors"
        testId="tile-errors"
        value={
          <Text fw={700} size="lg" c={m.errors > 0 ? 'red' : undefined}>
            {count.format(m.errors)}
          </Text>
        }
        detail={m.errors > 0 ? 'records waiting for a fix or a retry (below)' : 'no record is failing'}
      />
      <Tile
        label="Pending"
        testId="tile-pending"
        value={
          <Text fw={700} size="lg">
            {count.format(m.pending.kayse + (m.pending.crm ?? 0))}
          </Text>
        }
        detail={`${changes(m.pending.kayse)} of Kayse to send${m.pending.crm === null ? '' : `, ${changes(m.pending.crm)} of ${crmName} to apply`}`}
      />
      <Tile
        label="Requests to the CRM"
        testId="tile-rate-limit"
        value={
          <>
            <Text fw={700} size="lg">
              {perSecond.format(m.rateLimit.requestsPerSecond)}/s
            </Text>
            <Badge color={m.rateLimit.holdSeconds > 0 ? 'red' : PACE_COLORS[m.rateLimit.pace]} variant="light" data-testid="rate-limit-pace">
              {m.rateLimit.holdSeconds > 0 ? 'waiting' : PACE_LABELS[m.rateLimit.pace]}
            </Badge>
          </>
        }
        detail={rateDetail(m.rateLimit, crmName)}
      />
    </SimpleGrid>
  );
}
