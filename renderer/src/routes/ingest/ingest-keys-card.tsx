// The ingest API keys: who may post events, when each key was last used, and revoking one.
import { Badge, Button, Card, Code, EmptyState, Group, Skeleton, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { IngestKey } from '../../../../shared/contract/events';
import { useContractQuery } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { formatCount } from '../../components/transfer/progress-view';
import { NewKeyModal } from './new-key-modal';
import { RevokeKeyModal } from './revoke-key-modal';
import { useDateFormat } from '../../hooks/use-date-format';


function KeysSkeleton() {
  return (
    <Stack gap="sm" aria-busy="true" aria-label="Loading the API keys">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={28} />
      ))}
    </Stack>
  );
}

function KeyRow({ apiKey, onRevoke }: { apiKey: IngestKey; onRevoke: (key: IngestKey) => void }) {
  const when = useDateFormat().shortZoned;
  const revoked = apiKey.revokedAt !== null;
  return (
    <Table.Tr data-testid={`ingest-key-${apiKey.id}`} c={revoked ? 'dimmed' : undefined}>
      <Table.Td fw={500}>{apiKey.name}</Table.Td>
      <Table.Td>
        <Code>{apiKey.prefix}…</Code>
      </Table.Td>
      <Table.Td>{when(apiKey.createdAt)}</Table.Td>
      <Table.Td>{apiKey.lastUsedAt ? when(apiKey.lastUsedAt) : <Text span size="sm" c="dimmed">Never</Text>}</Table.Td>
      <Table.Td ta="right">{formatCount(apiKey.rateLimitPerMinute)}/min</Table.Td>
      <Table.Td>
        {revoked ? (
          <Tooltip label={`Revoked ${when(apiKey.revokedAt!)}`}>
            <Badge color="gray" variant="outline" data-testid="key-status" tabIndex={0}>
              Revoked
            </Badge>
          </Tooltip>
        ) : (
          <Badge color="green" data-testid="key-status">
            Active
          </Badge>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {!revoked && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRevoke(apiKey)} aria-label={`Revoke ${apiKey.name}`}>
            Revoke
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The keys table with its "New key" and "Revoke" flows. */
export function IngestKeysCard({ baseUrl }: { baseUrl: string | null }) {
  const query = useContractQuery('ingestKeys.list', undefined);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<IngestKey | null>(null);
  const newKey = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New key
    </Button>
  );
  return (
    <Card>
      <Group justify="space-between" mb="md" gap="sm">
        <Group gap="xs">
          <IconKey size={20} aria-hidden />
          <Title order={3} size="h4">
            API keys
          </Title>
        </Group>
        {query.data && query.data.length > 0 && newKey}
      </Group>
      <QueryState
        query={query}
        errorTitle="Couldn't load the API keys"
        loading={<KeysSkeleton />}
        isEmpty={(keys) => keys.length === 0}
        empty={
          <EmptyState
            py="lg"
            icon={<IconKey size={28} />}
            withIndicatorBackground
            title="No API keys yet"
            description="Create a key for each system that posts events (the Kayse voice platform, a test script). Requests without a valid key get 401."
            data-testid="ingest-keys-empty"
          >
            <EmptyState.Actions>{newKey}</EmptyState.Actions>
          </EmptyState>
        }
      >
        {(keys) => (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" highlightOnHover aria-label="Ingest API keys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th ta="right">Rate limit</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.map((key) => (
                  <KeyRow key={key.id} apiKey={key} onRevoke={setRevoking} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <NewKeyModal opened={creating} onClose={() => setCreating(false)} baseUrl={baseUrl} />
      <RevokeKeyModal target={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}
