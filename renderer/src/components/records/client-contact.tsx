// How to reach a client and what they refused: phones, emails and opt-out badges.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import type { Client } from '../../../../shared/domain/workspace';
import { optOutLabel } from '../ui/format-value';
import { isUnreadable, UnreadableValue } from '../ui/unreadable-value';

/** "Jane Doe" (or just the first name when there is no last name). */
export const clientName = (client: Pick<Client, 'firstName' | 'lastName'>) => `${client.firstName} ${client.lastName}`.trim();

/** Opt-out badges; nothing when the client accepts every channel. */
export function OptOutBadges({ optOuts }: { optOuts: readonly string[] }) {
  if (optOuts.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap" data-testid="opt-outs">
      {optOuts.map((channel) => (
        <Badge key={channel} color="red" variant="light" size="sm">
          {optOutLabel(channel)}
        </Badge>
      ))}
    </Group>
  );
}

/** Phones and emails, one per line; opt-outs under them. */
export function ClientContact({ client }: { client: Pick<Client, 'phones' | 'emails' | 'optOuts' | 'unreadable'> }) {
  const none = client.phones.length === 0 && client.emails.length === 0 && !client.unreadable?.length;
  return (
    <Stack gap={4} data-testid="client-contact">
      {client.phones.map((phone) => (
        <Group key={phone} gap={6} wrap="nowrap">
          <IconPhone size={14} aria-label="Phone" />
          <Text size="sm">{phone}</Text>
        </Group>
      ))}
      {client.emails.map((email) => (
        <Group key={email} gap={6} wrap="nowrap">
          <IconMail size={14} aria-label="Email" />
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {email}
          </Text>
        </Group>
      ))}
      {none && (
        <Text size="sm" c="dimmed">
          No phone or email on file
        </Text>
      )}
      {isUnreadable(client, 'phones') && <UnreadableValue what="Phones" />}
      {isUnreadable(client, 'emails') && <UnreadableValue what="Emails" />}
      {isUnreadable(client, 'optOuts') && <UnreadableValue what="Opt-outs" />}
      <OptOutBadges optOuts={client.optOuts} />
    </Stack>
  );
}
