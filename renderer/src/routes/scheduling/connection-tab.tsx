// The Connection tab: Connect when there is no key; otherwise the account the key belongs to, a warning when that
// account's timezone is not the company's, what is wrong when the saved key stopped working, Replace key and
// Disconnect.
import { Alert, Anchor, Badge, Button, Card, Collapse, DataList, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarUser, IconClockExclamation, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SchedulingConnection } from '../../../../shared/domain/scheduling';
import { RecordTime } from '../../components/ui/record-time';
import { AGENTS_PATH, COMPANY_PATH } from '../agents/agent-paths';
import { REGION_LABELS, regionOf } from './base-url-choice';
import { ConnectForm } from './connect-form';
import { SchedulingDisconnect } from './scheduling-disconnect';

type Connected = Exclude<SchedulingConnection, { state: 'not_connected' }>;

function TimezoneWarning({ connection }: { connection: Connected }) {
  if (!connection.timezoneDiffers) return null;
  return (
    <Alert color="yellow" icon={<IconClockExclamation size={20} />} title="The Cal.com account is in another timezone" data-testid="timezone-warning">
      <Text size="sm">
        The account’s timezone is {connection.account.timeZone}; the company’s is {connection.companyTimeZone || 'not set'}. Agents still offer and book times in the
        company’s timezone. If the company’s is wrong,{' '}
        <Anchor component={Link} to={COMPANY_PATH} size="sm">
          change it on the Company page
        </Anchor>
        ; if the account’s is, change it in Cal.com under Settings → General.
      </Text>
    </Alert>
  );
}

function AccountCard({ connection }: { connection: Connected }) {
  const { account } = connection;
  const region = regionOf(connection.baseUrl);
  return (
    <Card data-testid="scheduling-account">
      <Group gap="xs" mb="md">
        <IconCalendarUser size={20} aria-hidden />
        <Title order={3} size="h4">
          Account
        </Title>
      </Group>
      <DataList>
        <DataList.Item>
          <DataList.ItemLabel>Key belongs to</DataList.ItemLabel>
          <DataList.ItemValue data-testid="scheduling-account-email">
            {account.email}
            {account.username && (
              <Text span size="sm" c="dimmed">
                {' '}
                ({account.username})
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Account timezone</DataList.ItemLabel>
          <DataList.ItemValue>{account.timeZone}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Bookings use</DataList.ItemLabel>
          <DataList.ItemValue data-testid="scheduling-company-timezone">
            {connection.companyTimeZone || 'Not set'} (the company’s timezone)
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Cal.com</DataList.ItemLabel>
          <DataList.ItemValue>
            {REGION_LABELS[region]}
            {region === 'self_hosted' && (
              <Text span size="sm" ff="monospace">
                {' '}
                {connection.baseUrl}
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Connected</DataList.ItemLabel>
          <DataList.ItemValue>
            <RecordTime iso={connection.connectedAt} mode="short" />
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Card>
  );
}

function KeyCard({ connection }: { connection: Connected }) {
  const broken = connection.state === 'error';
  const [open, setOpen] = useState(broken);
  return (
    <Card data-testid="scheduling-key">
      <Group justify="space-between" gap="md" mb={open ? 'md' : 0}>
        <Group gap="xs">
          <IconKey size={20} aria-hidden />
          <Title order={3} size="h4">
            API key
          </Title>
          {!broken && (
            <Badge size="sm" color={connection.isDemo ? 'gray' : 'green'} variant="light">
              {connection.isDemo ? 'Demo key, in memory only' : 'Saved in the keychain'}
            </Badge>
          )}
        </Group>
        {!broken && (
          <Button variant="default" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? 'Keep the current key' : 'Replace key'}
          </Button>
        )}
      </Group>
      <Collapse expanded={open}>
        <Text size="sm" c="dimmed" mb="md">
          {connection.isDemo
            ? 'Demo mode connected its Cal.com simulator. A key of your own is checked with Cal.com, then replaces the demo connection. Every agent keeps its booking settings.'
            : 'A new key is checked with Cal.com before it replaces the current one. Every agent keeps its booking settings.'}
        </Text>
        <ConnectForm savedBaseUrl={connection.baseUrl} replacing={!broken} onConnected={() => setOpen(broken)} />
      </Collapse>
    </Card>
  );
}

export function ConnectionTab({ connection }: { connection: SchedulingConnection }) {
  if (connection.state === 'not_connected') {
    return (
      <Card data-testid="scheduling-connect">
        <Group gap="xs" mb={4}>
          <IconKey size={20} aria-hidden />
          <Title order={3} size="h4">
            Connect Cal.com
          </Title>
        </Group>
        <Text size="sm" c="dimmed" mb="md">
          One key for the whole company: every agent with Appointment Booking on books through it, in the company’s timezone ({connection.companyTimeZone || 'not set yet'}).
        </Text>
        <ConnectForm replacing={false} />
      </Card>
    );
  }
  return (
    <Stack gap="lg">
      {connection.state === 'error' && (
        <Alert color="red" icon={<IconAlertTriangle size={20} />} title="Agents can't book" data-testid="scheduling-error" role="alert">
          <Text size="sm">{connection.message}</Text>
          <Text size="sm" mt={4}>
            Since <RecordTime iso={connection.since} mode="short" />. Paste a working key below and press Save.
          </Text>
        </Alert>
      )}
      <TimezoneWarning connection={connection} />
      <AccountCard connection={connection} />
      <KeyCard connection={connection} />
      <Card data-testid="scheduling-disconnect">
        <Group justify="space-between" gap="md" wrap="wrap">
          <Text size="sm" c="dimmed" maw={560}>
            Disconnecting removes the key from the keychain. Agents keep their settings (see{' '}
            <Anchor component={Link} to={AGENTS_PATH} size="sm">
              Agents
            </Anchor>
            ) but can’t book until a key is connected again.
          </Text>
          <SchedulingDisconnect />
        </Group>
      </Card>
    </Stack>
  );
}
