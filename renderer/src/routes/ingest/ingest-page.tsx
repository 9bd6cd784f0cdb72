// Settings → Ingest API: where the event ingest API listens, the keys that may post to it, and a command to try it.
import { Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconTerminal2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useContractQuery } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { curlExample } from './curl-example';
import { IngestAddressCard } from './ingest-address-card';
import { IngestKeysCard } from './ingest-keys-card';

function TryItCard({ baseUrl }: { baseUrl: string }) {
  const [now] = useState(() => new Date());
  return (
    <Card>
      <Group gap="xs" mb="xs">
        <IconTerminal2 size={20} aria-hidden />
        <Title order={3} size="h4">
          Try it
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Post a test event from this machine (put your key in <Code>KAYSE_INGEST_KEY</Code> first). A 202 answer means it
        was stored; 401 means the key is missing, wrong or revoked.
      </Text>
      <Code block data-testid="ingest-curl">
        {curlExample(baseUrl, now)}
      </Code>
    </Card>
  );
}

/** The screen: address, keys, and the try-it command once the API listens. */
export function IngestPage() {
  const status = useContractQuery('ingest.status', undefined);
  const baseUrl = status.data?.listening ? status.data.url : null;
  return (
    <>
      <PageHeader
        title="Ingest API"
        description="The local HTTP API through which the Kayse voice and messaging platform posts events and case changes to this console."
      />
      <Stack gap="lg">
        <IngestAddressCard />
        <IngestKeysCard baseUrl={baseUrl} />
        {baseUrl && <TryItCard baseUrl={baseUrl} />}
      </Stack>
    </>
  );
}
