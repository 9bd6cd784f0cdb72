// A delivery's attempts as a timeline, first first: trigger, time, duration, resolved IP and outcome; one is chosen
// to show in full below it.
import { Badge, Group, Text, Timeline, UnstyledButton } from '@mantine/core';
import { IconCheck, IconClock, IconX } from '@tabler/icons-react';
import type { AttemptSummary } from '../../../../shared/contract/webhooks';
import { formatDuration } from './delivery-status';
import { HttpOutcome } from './http-outcome';
import classes from './attempt-timeline.module.css';
import { useDateFormat } from '../../hooks/use-date-format';

const TRIGGER_LABELS: Record<AttemptSummary['trigger'], string> = { scheduled: 'Scheduled', manual: 'Replay', test: 'Test' };

const outcome = (a: AttemptSummary) => (a.finishedAt === null ? 'sending' : a.errorClass === null && a.responseStatus !== null && a.responseStatus < 300 ? 'ok' : 'failed');

interface AttemptTimelineProps {
  attempts: readonly AttemptSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}

/** The timeline; a click on an attempt selects it. */
export function AttemptTimeline({ attempts, selectedId, onSelect }: AttemptTimelineProps) {
  const dates = useDateFormat();
  if (attempts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No attempt yet: the first one is on its way.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={22} lineWidth={2} data-testid="attempt-timeline">
      {attempts.map((a) => {
        const state = outcome(a);
        const selected = a.id === selectedId;
        return (
          <Timeline.Item
            key={a.id}
            color={state === 'ok' ? 'teal' : state === 'failed' ? 'red' : 'blue'}
            bullet={state === 'ok' ? <IconCheck size={13} /> : state === 'failed' ? <IconX size={13} /> : <IconClock size={13} />}
          >
            <UnstyledButton
              onClick={() => onSelect(a.id)}
              className={`${classes.attempt} ${selected ? classes.selected : ''}`}
              aria-pressed={selected}
              aria-label={`Attempt ${a.number}`}
              data-testid="attempt-item"
              data-attempt-number={a.number}
            >
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  #{a.number}
                </Text>
                <Badge size="xs" variant="outline" color={a.trigger === 'manual' ? 'violet' : 'gray'}>
                  {TRIGGER_LABELS[a.trigger]}
                </Badge>
                <HttpOutcome status={a.responseStatus} errorClass={a.errorClass} />
                {a.durationMs !== null && (
                  <Text size="xs" c="dimmed">
                    {formatDuration(a.durationMs)}
                  </Text>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {dates.full(a.startedAt)}
                {a.resolvedIp ? ` · ${a.resolvedIp}` : ''}
              </Text>
            </UnstyledButton>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
