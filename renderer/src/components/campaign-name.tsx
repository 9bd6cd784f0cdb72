// A campaign id shown as the campaign's name (from the cached campaigns list); unknown ids show as they are.
import { Text } from '@mantine/core';
import { useContractQuery } from '../api/client';
import { EMPTY_VALUE } from './ui/format-value';

/** The name of campaign `id`, or the id itself when the console doesn't know that campaign. */
export function CampaignName({ id }: { id: string | null }) {
  const campaigns = useContractQuery('campaigns.list', undefined);
  if (id === null) {
    return (
      <Text size="sm" c="dimmed">
        {EMPTY_VALUE}
      </Text>
    );
  }
  const name = campaigns.data?.find((c) => c.id === id)?.name;
  return (
    <Text size="sm" truncate="end" ff={name ? undefined : 'monospace'} title={name ? undefined : 'Not a campaign of this console'}>
      {name ?? id}
    </Text>
  );
}
