// A page's title, lead text and optional actions; also sets the window title.
import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Shown beside the title, e.g. a status badge. */
  aside?: ReactNode;
  /** Shown above the title, e.g. a back link. */
  above?: ReactNode;
}

export function PageHeader({ title, description, aside, above }: PageHeaderProps) {
  return (
    <Stack gap="xs" mb="lg">
      <title>{`${title} · Kayse Integrations Console`}</title>
      {above}
      <Group align="center" gap="md">
        <Title order={2}>{title}</Title>
        {aside}
      </Group>
      {description && (
        <Text c="dimmed" maw={720}>
          {description}
        </Text>
      )}
    </Stack>
  );
}
