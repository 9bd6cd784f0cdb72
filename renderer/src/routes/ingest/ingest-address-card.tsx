// Where the ingest API listens: the base URL to give the voice platform, and a warning when other machines
// can reach it or when it isn't running at all.
import { Alert, Badge, Card, Code, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconWorldWww } from '@tabler/icons-react';
import type { IngestStatus } from '../../../../shared/contract/events';
import { useContractQuery } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { CopyField } from './copy-field';

function AddressSkeleton() {
  return (
    <Stack gap="sm" aria-busy="true" aria-label="Loading the ingest API address">
      <Skeleton height={14} width="25%" />
      <Skeleton height={36} />
      <Skeleton height={14} width="40%" />
    </Stack>
  );
}

function NotRunning({ status }: { status: IngestStatus }) {
  return (
    <Alert color="red" icon={<IconAlertTriangle size={20} />} title="The ingest API is not running" role="alert">
      <Stack gap={6}>
        <Text size="sm">{status.error ?? 'It has not started yet. If this lasts, restart the console.'}</Text>
        <Text size="sm">
          Events can't be received until it runs. Choose another port with <Code>--ingest-port</Code> (or{' '}
          <Code>KAYSE_INGEST_PORT</Code>) and restart the console.
        </Text>
      </Stack>
    </Alert>
  );
}

function Listening({ status, url }: { status: IngestStatus; url: string }) {
  return (
    <Stack gap="md">
      <CopyField
        label="Base URL"
        value={url}
        testId="ingest-base-url"
        description="Give this address and an API key to the platform that posts events. Events go to /v1/events."
      />
      {!status.loopbackOnly && (
        <Alert color="orange" icon={<IconAlertTriangle size={20} />} title="Reachable from other machines" data-testid="ingest-exposed">
          It listens on {status.host}, so any machine that can reach this one and holds an API key can post events. If
          the platform runs on this machine, restart the console with <Code>--ingest-host 127.0.0.1</Code> (or{' '}
          <Code>KAYSE_INGEST_HOST</Code>).
        </Alert>
      )}
    </Stack>
  );
}

/** The ingest server's address card. */
export function IngestAddressCard() {
  const query = useContractQuery('ingest.status', undefined);
  const status = query.data;
  return (
    <Card>
      <Group justify="space-between" mb="md" gap="sm">
        <Group gap="xs">
          <IconWorldWww size={20} aria-hidden />
          <Title order={3} size="h4">
            Server address
          </Title>
        </Group>
        {status && (
          <Group gap="xs">
            {status.listening ? (
              <Badge color="green" data-testid="ingest-state">
                Listening
              </Badge>
            ) : (
              <Badge color="red" data-testid="ingest-state">
                Not running
              </Badge>
            )}
            {status.listening &&
              (status.loopbackOnly ? (
                <Badge color="gray" variant="outline">
                  This machine only
                </Badge>
              ) : (
                <Badge color="orange" variant="filled" leftSection={<IconAlertTriangle size={12} />}>
                  Open to the network
                </Badge>
              ))}
          </Group>
        )}
      </Group>
      <QueryState query={query} errorTitle="Couldn't load the ingest API's address" loading={<AddressSkeleton />}>
        {(s) => (s.listening && s.url ? <Listening status={s} url={s.url} /> : <NotRunning status={s} />)}
      </QueryState>
    </Card>
  );
}
