// Where credentials are kept, and what to do when they can't be.
import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import type { SecretStoreStatus } from '../../../shared/domain/system';
import { useContractQuery } from '../api/client';

const BACKEND_LABEL: Record<SecretStoreStatus['backend'], string> = {
  keychain: 'OS keychain',
  'encrypted-file': 'Encrypted file',
};

export function SecretsStatus({ secrets }: { secrets: SecretStoreStatus }) {
  const backend = BACKEND_LABEL[secrets.backend];
  if (!secrets.available) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={20} />} title={`Credentials can't be stored (${backend})`} data-testid="secrets-unavailable">
        <Text size="sm">{secrets.detail}</Text>
        <Text size="sm" mt="xs">
          Integrations that need credentials can't be connected until this is fixed.
        </Text>
      </Alert>
    );
  }
  if (secrets.backend === 'encrypted-file') {
    return (
      <Alert color="yellow" icon={<IconLock size={20} />} title="Credentials are kept in an encrypted file" data-testid="secrets-fallback">
        <Text size="sm">{secrets.detail}</Text>
      </Alert>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color="green" leftSection={<IconLock size={12} />}>
          {backend}
        </Badge>
        <Text size="sm">Available</Text>
      </Group>
      <Text size="sm" c="dimmed">
        {secrets.detail}
      </Text>
    </Stack>
  );
}

/**
 * On a screen that will ask for a secret: says before anything is typed that it can't be saved here, and how to fix
 * it. Nothing when secrets can be stored (or while that is being checked).
 */
export function SecretsUnavailableAlert() {
  const secrets = useContractQuery('system.info', undefined, { staleTime: 30_000 }).data?.secrets;
  if (!secrets || secrets.available) return null;
  return <SecretsStatus secrets={secrets} />;
}
