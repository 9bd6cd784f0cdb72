// The coloured status badge of an integration, with its one-line detail underneath.
import { Badge, Stack, Text, type MantineColor } from '@mantine/core';
import type { IntegrationStatus } from '../../../shared/domain/integrations';

// "Not connected" is outlined: a state of rest, quieter than the filled colours that ask for attention.
const LOOK: Record<IntegrationStatus, { label: string; color: MantineColor; variant: 'light' | 'outline' }> = {
  not_connected: { label: 'Not connected', color: 'gray', variant: 'outline' },
  connected: { label: 'Connected', color: 'green', variant: 'light' },
  error: { label: 'Error', color: 'red', variant: 'light' },
  paused: { label: 'Paused', color: 'yellow', variant: 'light' },
};

interface StatusBadgeProps {
  status: IntegrationStatus;
  detail?: string | null;
  size?: 'sm' | 'md' | 'lg';
}

export function StatusBadge({ status, detail, size = 'md' }: StatusBadgeProps) {
  const { label, color, variant } = LOOK[status];
  return (
    <Stack gap={4} align="flex-start" miw={0}>
      <Badge color={color} variant={variant} size={size} data-testid="integration-status" data-status={status}>
        {label}
      </Badge>
      {detail && (
        <Text size="xs" c="dimmed" data-testid="integration-status-detail">
          {detail}
        </Text>
      )}
    </Stack>
  );
}
