// The destination URL field: https:// checked as you type, then the engine's verdict on where the URL resolves
// (asked once the user pauses), so "resolves to 10.0.0.5, a private address" shows before Save.
import { Group, Loader, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconShieldExclamation } from '@tabler/icons-react';
import { useContractQuery } from '../../api/client';
import { destinationStatus, isCheckable } from './destination-status';

const CHECK_DELAY_MS = 500;

interface DestinationFieldProps {
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  /** The local rule's message (https, length), if broken. */
  localIssue: string | undefined;
  /** The host's refusal of the last save, until the URL is edited. */
  serverError: string | undefined;
}

function Hint({ status }: { status: ReturnType<typeof destinationStatus> }) {
  if (status.kind === 'checking') {
    return (
      <Group gap={6} component="span" data-testid="url-check" data-state="checking">
        <Loader size={10} />
        Checking where this URL resolves…
      </Group>
    );
  }
  if (status.kind !== 'ok') return 'The receiver’s HTTPS address. It must resolve to public addresses only.';
  const where = status.addresses.length > 0 ? `Resolves to ${status.addresses.join(', ')}` : 'Accepted';
  return status.allowlisted ? (
    <Text span size="xs" c="yellow.8" data-testid="url-check" data-state="allowlisted">
      <IconShieldExclamation size={12} style={{ verticalAlign: -2 }} /> {where}: allowed only because the allowlist is on.
    </Text>
  ) : (
    <Text span size="xs" c="teal" data-testid="url-check" data-state="ok">
      <IconCircleCheck size={12} style={{ verticalAlign: -2 }} /> {where}.
    </Text>
  );
}

export function DestinationField({ value, onChange, onBlur, localIssue, serverError }: DestinationFieldProps) {
  const [debounced] = useDebouncedValue(value.trim(), CHECK_DELAY_MS);
  const check = useContractQuery('webhooks.checkUrl', { url: debounced }, { enabled: isCheckable(debounced), staleTime: 30_000 });
  const checked = check.data && isCheckable(debounced) ? { url: debounced, result: check.data } : undefined;
  const status = destinationStatus(value, localIssue, checked);
  const error = serverError ?? (status.kind === 'invalid' || status.kind === 'refused' ? status.message : undefined);
  return (
    <TextInput
      label="Destination URL"
      placeholder="https://hooks.example.com/kayse"
      withAsterisk
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={onBlur}
      error={error}
      description={error ? undefined : <Hint status={status} />}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      spellCheck={false}
      autoComplete="off"
    />
  );
}
