// A record's History: its change rows newest first, each with when, where from (origin badge), and old → new
// per field.
import { Box, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconHistory } from '@tabler/icons-react';
import type { RecordChange } from '../../../../shared/domain/workspace';
import { describeChange, type ChangeContext, type ChangeLine } from './describe-change';
import { OriginBadge } from './record-badges';
import { RecordTime } from '../ui/record-time';
import { isUnreadable, UnreadableValue } from '../ui/unreadable-value';

const KIND_LABELS: Record<RecordChange['kind'], string> = { created: 'Created', updated: 'Updated', deleted: 'Deleted' };

function Line({ line, created }: { line: ChangeLine; created: boolean }) {
  return (
    <Group gap={6} wrap="wrap" align="baseline" data-testid="change-line">
      <Text size="sm" fw={600} miw={110}>
        {line.label}
      </Text>
      {!created && (
        <>
          <Text size="sm" c="dimmed" td="line-through" data-testid="change-old">
            {line.old}
          </Text>
          <IconArrowRight size={14} aria-label="changed to" style={{ alignSelf: 'center' }} />
        </>
      )}
      <Text size="sm" data-testid="change-new" style={{ overflowWrap: 'anywhere' }}>
        {line.new}
      </Text>
    </Group>
  );
}

/** The history list; `context` turns ids and custom field keys into names. */
export function RecordHistory({ history, total, context }: { history: readonly RecordChange[]; total: number; context?: ChangeContext }) {
  if (history.length === 0) {
    return <EmptyState size="sm" icon={<IconHistory size={22} />} title="No changes recorded" description="Changes to this record will be listed here." />;
  }
  return (
    <>
      <Stack gap={0} component="ol" aria-label="History, newest first" m={0} p={0} style={{ listStyle: 'none' }}>
        {history.map((change, n) => {
          const lines = describeChange(change, context);
          const created = change.kind === 'created';
          return (
            <Box
              component="li"
              key={change.seq}
              py="sm"
              data-testid="history-entry"
              style={n > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
            >
              <Group gap="xs" mb={lines.length ? 6 : 0} wrap="wrap">
                <Text size="sm" fw={700}>
                  {KIND_LABELS[change.kind]}
                </Text>
                <OriginBadge origin={change.origin} />
                <Text size="xs" c="dimmed">
                  <RecordTime iso={change.at} size="xs" mode="short" /> · version {change.version}
                </Text>
              </Group>
              <Stack gap={4}>
                {isUnreadable(change, 'changes') && <UnreadableValue what="What changed" />}
                {lines.map((line) => (
                  <Line key={line.key} line={line} created={created} />
                ))}
              </Stack>
            </Box>
          );
        })}
      </Stack>
      {total > history.length && (
        <Text size="xs" c="dimmed" mt="xs" data-testid="history-more">
          Showing the newest {history.length.toLocaleString()} of {total.toLocaleString()} changes.
        </Text>
      )}
    </>
  );
}
