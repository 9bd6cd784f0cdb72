// The cases a client is on, each linking to the case.
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ClientDetail } from '../../../../shared/domain/workspace-views';
import { CaseStatusBadge } from './record-badges';

/** One line per case: number and name (link), case type, status, and whether the client is its primary client. */
export function ClientCases({ cases }: { cases: ClientDetail['cases'] }) {
  if (cases.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This client is not on any case yet.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {cases.map((c) => (
        <Paper key={c.id} withBorder p="sm" radius="md" data-testid="client-case">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={2} miw={0}>
              <Anchor component={Link} to={`/cases/${c.id}`} size="sm" fw={600} truncate="end">
                <Text span ff="monospace" size="sm">
                  {c.caseNumber}
                </Text>
                {` · ${c.name}`}
              </Anchor>
              <Text size="xs" c="dimmed">
                {c.caseType} · {c.primary ? 'Primary client' : 'Also on this case'}
              </Text>
            </Stack>
            <CaseStatusBadge status={c.status} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
