// The App Key (sent as X-Public-Api-Key): write-only. The form can attach, replace or remove it, and only ever
// says whether one is attached; the key goes to the OS keychain and never comes back to the screen.
import { Badge, Button, Group, Input, PasswordInput, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import type { AppKeyChange } from './webhook-draft';

interface AppKeyFieldProps {
  /** Whether the stored webhook has one (false on the New form). */
  attached: boolean;
  change: AppKeyChange;
  onChange: (change: AppKeyChange) => void;
  error: string | undefined;
}

const DESCRIPTION = 'Optional. Sent as the X-Public-Api-Key header with every delivery. Kept in the OS keychain and never shown again.';

export function AppKeyField({ attached, change, onChange, error }: AppKeyFieldProps) {
  if (attached && change.kind === 'keep') {
    return (
      <Input.Wrapper label="App Key" description={DESCRIPTION}>
        <Group gap="sm" mt={6}>
          <Badge color="teal" variant="light" leftSection={<IconKey size={12} />} data-testid="app-key-attached">
            App Key attached
          </Badge>
          <Button size="compact-sm" variant="default" onClick={() => onChange({ kind: 'set', value: '' })}>
            Replace
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange({ kind: 'remove' })}>
            Remove
          </Button>
        </Group>
      </Input.Wrapper>
    );
  }
  if (change.kind === 'remove') {
    return (
      <Input.Wrapper label="App Key" description={DESCRIPTION}>
        <Group gap="sm" mt={6}>
          <Text size="sm" c="red" data-testid="app-key-removing">
            The App Key will be removed when you save.
          </Text>
          <Button size="compact-sm" variant="default" onClick={() => onChange({ kind: 'keep' })}>
            Undo
          </Button>
        </Group>
      </Input.Wrapper>
    );
  }
  const value = change.kind === 'set' ? change.value : '';
  return (
    <Stack gap={4}>
      <PasswordInput
        label={attached ? 'New App Key' : 'App Key'}
        description={DESCRIPTION}
        placeholder={attached ? 'Paste the replacement key' : 'Paste the key your receiver expects'}
        value={value}
        // An emptied field on the New form means "no App Key"; replacing keeps asking for one until cancelled.
        onChange={(e) => onChange(e.currentTarget.value === '' && !attached ? { kind: 'keep' } : { kind: 'set', value: e.currentTarget.value })}
        error={error}
        autoComplete="off"
        data-autofocus={attached || undefined}
      />
      {attached && (
        <Button size="compact-sm" variant="subtle" w="fit-content" onClick={() => onChange({ kind: 'keep' })}>
          Keep the current App Key
        </Button>
      )}
    </Stack>
  );
}
