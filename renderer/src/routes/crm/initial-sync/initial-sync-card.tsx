// The initial sync on the Configuration tab, right after connecting: what it does, the last one, and the wizard.
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { CrmConnectionView } from '../../../../../shared/domain/crm';
import { useContractQuery } from '../../../api/client';
import { RecordTime } from '../../../components/ui/record-time';
import { crmName } from '../crm-paths';
import { InitialSyncButton } from './initial-sync-button';

export function InitialSyncCard({ connection }: { connection: CrmConnectionView }) {
  const name = crmName(connection.crm);
  const job = useContractQuery('sync.initialStatus', { crm: connection.crm }).data?.job ?? null;
  return (
    <Card data-testid="crm-initial-sync">
      <Group justify="space-between" gap="md" wrap="wrap">
        <Stack gap={4} maw={620}>
          <Title order={3} size="h4">
            Initial sync
          </Title>
          <Text size="sm" c="dimmed">
            Brings {name}'s existing records into Kayse and Kayse's cases into {name}, with a preview of the matches before anything is written.
          </Text>
          {job && (
            <Text size="xs" c="dimmed" data-testid="initial-sync-last">
              {job.state === 'running' ? (
                'Running now.'
              ) : (
                <>
                  Last run {job.state === 'done' ? 'finished' : job.state === 'cancelled' ? 'cancelled' : 'stopped'} <RecordTime iso={job.finishedAt ?? job.updatedAt} size="xs" />.
                </>
              )}
            </Text>
          )}
        </Stack>
        <InitialSyncButton connection={connection} />
      </Group>
    </Card>
  );
}
