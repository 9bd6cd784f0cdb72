// Created / updated / unchanged / rejected as four stat cards, for the dry run and the finished import.
import { Paper, SimpleGrid, Text, type MantineColor } from '@mantine/core';
import { formatCount } from './progress-view';

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

const CARDS: readonly { key: keyof Counts; label: string; color: MantineColor }[] = [
  { key: 'created', label: 'Created', color: 'green' },
  { key: 'updated', label: 'Updated', color: 'blue' },
  { key: 'unchanged', label: 'Unchanged', color: 'gray' },
  { key: 'rejected', label: 'Rejected', color: 'red' },
];

/** The four counts; `tense` says whether they are what would happen (dry run) or what did. */
export function ImportCounts({ counts, tense }: { counts: Counts; tense: 'would' | 'did' }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" role="list" aria-label={tense === 'would' ? 'What the import would do' : 'What the import did'}>
      {CARDS.map(({ key, label, color }) => (
        <Paper
          key={key}
          withBorder
          p="md"
          role="listitem"
          data-testid={`count-${key}`}
          style={{ borderLeft: `4px solid var(--mantine-color-${color}-filled)` }}
        >
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {label}
          </Text>
          <Text size="xl" fw={700} data-testid="count-value">
            {formatCount(counts[key])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
