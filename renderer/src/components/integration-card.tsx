// One card of Settings → Integrations: what the integration does, its status, and the way into its screen.
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { IntegrationSummary } from '../../../shared/domain/integrations';
import { IntegrationIcon } from './integration-icon';
import { StatusBadge } from './status-badge';

const CATEGORY_LABEL: Record<IntegrationSummary['category'], string> = {
  crm: 'CRM sync',
  scheduling: 'Appointment booking',
  webhooks: 'Event delivery',
};

export function IntegrationCard({ integration }: { integration: IntegrationSummary }) {
  const { id, name, category, description, status, statusDetail } = integration;
  const headingId = `integration-${id}-name`;
  return (
    <Card component="article" aria-labelledby={headingId} data-testid={`integration-card-${id}`} h="100%">
      <Stack gap="md" h="100%">
        <Group gap="sm" wrap="nowrap">
          <IntegrationIcon category={category} />
          <div style={{ minWidth: 0 }}>
            <Text component="h3" fw={600} size="lg" id={headingId} lh={1.3}>
              {name}
            </Text>
            <Text size="xs" c="dimmed">
              {CATEGORY_LABEL[category]}
            </Text>
          </div>
        </Group>
        <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
          {description}
        </Text>
        <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
          <StatusBadge status={status} detail={statusDetail} />
          <Button
            component={Link}
            to={`/settings/integrations/${id}`}
            variant="light"
            rightSection={<IconChevronRight size={16} />}
            aria-label={`Open ${name}`}
            style={{ flexShrink: 0 }}
          >
            Open
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
