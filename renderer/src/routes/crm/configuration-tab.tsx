// The Configuration tab: credentials and Test connection beside the toggles, then the catalog, LawRuler's field
// sheets and status-change webhook, and Disconnect.
import { Card, Grid, Group, Stack, Text } from '@mantine/core';
import type { CrmConnectionView } from '../../../../shared/domain/crm';
import { RecordTime } from '../../components/ui/record-time';
import { CatalogCard } from './catalog-card';
import { ConnectionBanner } from './connection-state';
import { CredentialsCard } from './credentials-card';
import { crmName } from './crm-paths';
import { DisconnectButton } from './disconnect-button';
import { FieldSheetsCard } from './field-sheets-card';
import { InboundWebhookCard } from './inbound-webhook-card';
import { InitialSyncCard } from './initial-sync/initial-sync-card';
import { TogglesCard } from './toggles-card';

function DisconnectCard({ connection }: { connection: CrmConnectionView }) {
  return (
    <Card data-testid="crm-disconnect">
      <Group justify="space-between" gap="md" wrap="wrap">
        <Text size="sm" c="dimmed" maw={560}>
          {connection.connectedAt ? (
            <>
              Connected <RecordTime iso={connection.connectedAt} />.{' '}
            </>
          ) : null}
          Disconnecting removes the credentials from the keychain and stops sync with {crmName(connection.crm)}; mappings and history are kept.
        </Text>
        <DisconnectButton connection={connection} />
      </Group>
    </Card>
  );
}

export function ConfigurationTab({ connection }: { connection: CrmConnectionView }) {
  const lawRuler = connection.crm === 'lawruler';
  const connected = connection.state !== 'not_connected';
  return (
    <Stack gap="lg">
      <ConnectionBanner connection={connection} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <CredentialsCard key={connection.crm} connection={connection} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <TogglesCard connection={connection} />
        </Grid.Col>
      </Grid>
      {connected && <InitialSyncCard connection={connection} />}
      <CatalogCard connection={connection} />
      {lawRuler && <FieldSheetsCard />}
      {lawRuler && <InboundWebhookCard />}
      {connected && <DisconnectCard connection={connection} />}
    </Stack>
  );
}
