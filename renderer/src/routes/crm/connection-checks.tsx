// The result of Test connection (or of Connect): each check with ✓ or ✗, what it found, and for a failed one what to
// do about it. While a test runs, the list says so instead of showing an old result as if it were new.
import { Alert, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleCheck, IconCircleX, IconX } from '@tabler/icons-react';
import type { CrmCheckView } from '../../../../shared/domain/crm';
import { RecordTime } from '../../components/ui/record-time';

interface ConnectionChecksProps {
  checks: readonly CrmCheckView[];
  /** When the checks ran. */
  at: string | null;
  /** The checks of a test that is running: the last result is shown greyed out under the spinner. */
  running: boolean;
}

function CheckLine({ check }: { check: CrmCheckView }) {
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" data-testid="connection-check" data-ok={check.ok} role="listitem">
      <ThemeIcon size={20} radius="xl" color={check.ok ? 'teal' : 'red'} mt={1} aria-label={check.ok ? 'passed' : 'failed'} style={{ flexShrink: 0 }}>
        {check.ok ? <IconCheck size={13} stroke={3} /> : <IconX size={13} stroke={3} />}
      </ThemeIcon>
      <Stack gap={2} miw={0}>
        <Text size="sm" fw={600}>
          {check.name}
        </Text>
        <Text size="sm" c={check.ok ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {check.detail}
        </Text>
        {!check.ok && check.fix && (
          <Text size="sm" data-testid="check-fix" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600}>
              What to do:{' '}
            </Text>
            {check.fix}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

export function ConnectionChecks({ checks, at, running }: ConnectionChecksProps) {
  const ok = checks.length > 0 && checks.every((c) => c.ok);
  const failed = checks.filter((c) => !c.ok).length;
  if (running) {
    return (
      <Alert color="gray" data-testid="connection-test" data-state="running" role="status">
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm">Testing the connection: signing in, reading a record, loading fields and statuses…</Text>
        </Group>
      </Alert>
    );
  }
  if (checks.length === 0) return null;
  return (
    <Alert
      color={ok ? 'teal' : 'red'}
      icon={ok ? <IconCircleCheck size={20} /> : <IconCircleX size={20} />}
      title={ok ? 'Every check passed' : `${failed} of ${checks.length} checks failed`}
      data-testid="connection-test"
      data-state={ok ? 'ok' : 'failed'}
      role="status"
    >
      <Stack gap="sm">
        <Stack gap="sm" role="list" aria-label="Checks">
          {checks.map((check) => (
            <CheckLine key={check.name} check={check} />
          ))}
        </Stack>
        {at && (
          <Text size="xs" c="dimmed">
            Tested <RecordTime iso={at} size="xs" />
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
