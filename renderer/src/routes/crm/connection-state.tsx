// The connection's state as the header and the banner show it: Not connected, Connected "as <user>", Error (what,
// since when), Paused (Enable integration off, or the sync paused after the CRM refused the credentials); and Demo
// when demo mode connected it to its simulator.
import { Alert, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPause } from '@tabler/icons-react';
import type { CrmConnectionView } from '../../../../shared/domain/crm';
import type { SyncPauseState } from '../../../../shared/domain/sync-monitoring';
import { StatusBadge } from '../../components/status-badge';
import { DemoBadge } from '../../components/ui/demo-badge';
import type { DateFormat } from '../../components/ui/relative-time';
import { useDateFormat } from '../../hooks/use-date-format';
import { RecordTime } from '../../components/ui/record-time';
import { crmName } from './crm-paths';

// The kinds of Error the core reports (main/crm/sign-in-state.ts); an unknown kind shows the CRM's message alone.
const ERROR_LABELS: Record<string, string> = {
  auth: 'Credentials refused',
  unavailable: 'CRM unreachable',
  certificate: 'Certificate not trusted',
  missing_credentials: 'Credentials missing from the keychain',
  failed: 'Signing in failed',
};

/** What went wrong, in a few words. */
export const errorLabel = (error: NonNullable<CrmConnectionView['error']>) => ERROR_LABELS[error.kind] ?? error.message;

/** The one line under the badge. */
export function stateDetail(connection: CrmConnectionView, dates: DateFormat): string | null {
  switch (connection.state) {
    case 'connected':
      return connection.connectedAs ? `as ${connection.connectedAs}` : null;
    case 'error':
      return connection.error ? `${errorLabel(connection.error)} since ${dates.shortZoned(connection.error.since)}` : null;
    case 'paused':
      return 'Enable integration is off: nothing syncs until it is on again';
    case 'not_connected':
      return null;
  }
}

/**
 * The header's badge. `syncPause`: the sync paused after the CRM refused the credentials (sync.pause); a connection
 * that reads Connected then shows Paused with the reason, as its card on the Integrations page does.
 */
export function ConnectionStateBadge({ connection, syncPause = null }: { connection: CrmConnectionView; syncPause?: SyncPauseState['paused'] }) {
  const dates = useDateFormat();
  const paused = connection.state === 'connected' ? syncPause : null;
  const state = paused ? 'paused' : connection.state;
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" data-testid="crm-state" data-state={state}>
      <StatusBadge status={state} detail={paused ? `Sync paused: ${paused.reason}` : stateDetail(connection, dates)} size="lg" />
      {connection.demo && <DemoBadge />}
    </Group>
  );
}

/** Above the tab: what is wrong and since when, or that the integration is paused. Nothing otherwise. */
export function ConnectionBanner({ connection }: { connection: CrmConnectionView }) {
  const name = crmName(connection.crm);
  if (connection.state === 'error' && connection.error) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={20} />} title={`${name}: ${errorLabel(connection.error)}`} data-testid="crm-error" role="alert">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {connection.error.message}
        </Text>
        <Text size="sm" mt={4}>
          Since <RecordTime iso={connection.error.since} mode="short" />. Sync with {name} is stopped until this is fixed: correct the credentials
          below and press Save and test, or Test connection once {name} is reachable again.
        </Text>
      </Alert>
    );
  }
  if (connection.state === 'paused') {
    return (
      <Alert color="yellow" icon={<IconPlayerPause size={20} />} title="Paused" data-testid="crm-paused">
        <Text size="sm">Enable integration is off: changes wait in both directions and nothing is lost. Turn it on below to resume.</Text>
      </Alert>
    );
  }
  return null;
}
