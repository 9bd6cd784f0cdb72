// The clients of a case, primary first, each linking to their own screen.
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Client } from '../../../../shared/domain/workspace';
import { ClientContact, clientName } from './client-contact';
import { DemoBadge } from '../ui/demo-badge';

/** One card per client: name (link), Primary badge, phones, emails, opt-outs. */
export function CaseClients({ clients }: { clients: readonly Client[] }) {
  if (clients.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No clients are linked to this case.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {clients.map((client, n) => (
        <Paper key={client.id} withBorder p="sm" radius="md" data-testid="case-client">
          <Group gap="xs" mb={6} wrap="wrap">
            <Anchor component={Link} to={`/clients/${client.id}`} fw={600} size="sm">
              {clientName(client)}
            </Anchor>
            {n === 0 && (
              <Badge size="xs" variant="light">
                Primary
              </Badge>
            )}
            {client.isDemo && <DemoBadge />}
          </Group>
          <ClientContact client={client} />
        </Paper>
      ))}
    </Stack>
  );
}
