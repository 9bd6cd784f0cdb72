// What the last save changed, said where the user is looking (beside Save) until the next edit: one line per change,
// and anything saved that is worth a look (an option with no counterpart).
import { Alert, List, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';

export interface SavedSummary {
  title: string;
  changes: string[];
  warnings?: string[];
}

export function SavedNote({ saved, testId, onClose }: { saved: SavedSummary | null; testId: string; onClose: () => void }) {
  if (!saved) return null;
  const warnings = saved.warnings ?? [];
  return (
    <Alert color={warnings.length > 0 ? 'yellow' : 'green'} icon={<IconCheck size={18} />} title={saved.title} withCloseButton onClose={onClose} data-testid={testId} role="status">
      {saved.changes.length === 0 ? (
        <Text size="sm">Nothing changed.</Text>
      ) : (
        <List size="sm" spacing={2}>
          {saved.changes.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
      {warnings.map((w) => (
        <Text size="sm" key={w} mt={4}>
          Worth a look: {w}
        </Text>
      ))}
    </Alert>
  );
}
