// Progress of a bulk action on deliveries (a replay, an export): "60 %" and "3,000 of 5,000 deliveries".
import { Group, Progress, Stack, Text } from '@mantine/core';
import { formatCount, progressView } from '../transfer/progress-view';

interface DeliveryProgressProps {
  /** What is happening, e.g. "Queueing replays". */
  title: string;
  done: number;
  total: number | null;
  finished: boolean;
  error?: string | null;
}

const deliveries = (n: number) => `${formatCount(n)} ${n === 1 ? 'delivery' : 'deliveries'}`;

/** The bar with its title, percentage and count; green when finished, red when it failed. */
export function DeliveryProgress({ title, done, total, finished, error = null }: DeliveryProgressProps) {
  const { percent } = progressView({ done, total, finished, error });
  const label = total === null ? deliveries(done) : `${formatCount(done)} of ${deliveries(total)}`;
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500}>
          {title}
        </Text>
        <Text size="sm" c="dimmed" data-testid="task-progress-label" aria-live="polite">
          {percent} % · {label}
        </Text>
      </Group>
      <Progress
        value={percent}
        size="lg"
        striped={!finished}
        animated={!finished}
        color={error ? 'red' : finished ? 'green' : undefined}
        aria-label={`${title}: ${percent} %`}
        data-testid="task-progress"
        data-percent={percent}
      />
    </Stack>
  );
}
