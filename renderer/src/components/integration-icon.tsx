// The icon tile shown beside an integration's name, chosen by its category.
import { ThemeIcon } from '@mantine/core';
import { IconAddressBook, IconCalendarEvent, IconWebhook } from '@tabler/icons-react';
import type { IntegrationSummary } from '../../../shared/domain/integrations';

const ICONS = { crm: IconAddressBook, scheduling: IconCalendarEvent, webhooks: IconWebhook } as const;

export function IntegrationIcon({ category, size = 'xl' }: { category: IntegrationSummary['category']; size?: 'lg' | 'xl' }) {
  const Icon = ICONS[category];
  return (
    <ThemeIcon variant="light" size={size} radius="md" aria-hidden>
      <Icon size={size === 'xl' ? 22 : 18} stroke={1.6} />
    </ThemeIcon>
  );
}
