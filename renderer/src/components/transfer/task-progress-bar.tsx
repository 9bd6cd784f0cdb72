// A progress bar for background work: "37 %" and "12,000 of 100,000 rows" (or deliveries…), announced to screen readers.
import { Group, Progress, Stack, Text } from '@mantine/core';
import { progressView, type CountUnit } from './progress-view';

interface TaskProgressBarProps {
  /** What is happening, e.g. "Importing cases". */
  title: string;
  done: number;
  total: number | null;
  finished: boolean;
  error?: string | null;
  /** What `done` counts; rows unless said otherwise. */
  unit?: CountUnit;
}

/** The bar with its title, percentage and rows; green when finished, red when it failed. */
export function TaskProgressBar({ title, done, total, finished, error = null, unit }: TaskProgressBarProps) {
  const { percent, label } = progressView({ done, total, finished, error, unit });
  const running = !finished;
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
        striped={running}
        animated={running}
        color={error ? 'red' : finished ? 'green' : undefined}
        aria-label={`${title}: ${percent} %`}
        data-testid="task-progress"
        data-percent={percent}
      />
    </Stack>
  );
}
