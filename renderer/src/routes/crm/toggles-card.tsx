// The integration's switches (sync.md "Settings"), each saved the moment it is flipped through crm.updateToggles;
// the sync engine obeys them. While the host answers, a switch shows the state asked for.
import { Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import type { CrmConnectionView, CrmToggles } from '../../../../shared/domain/crm';
import { useContractMutation } from '../../api/client';
import { crmName } from './crm-paths';

type Toggle = keyof CrmToggles;

function describe(crm: string): Record<Toggle, { label: string; help: string }> {
  return {
    enabled: { label: 'Enable integration', help: 'Off pauses everything in both directions without disconnecting; changes wait and nothing is lost.' },
    receive: { label: `Receive data from ${crm}`, help: `Changes made in ${crm} are brought into Kayse.` },
    send: { label: `Send data to ${crm}`, help: `Changes made in Kayse go to ${crm}.` },
    sendFields: { label: 'Mapped fields', help: 'Case and client fields, as mapped.' },
    sendMessages: { label: 'Messages, as notes', help: 'Texts and emails with the client.' },
    sendCallRecords: { label: 'Call records, as notes', help: 'Calls with their summaries.' },
    syncStatuses: { label: 'Sync case statuses', help: 'Turn this on last, once the status mapping is checked.' },
    sendMapping: {
      label: `Send mapping to ${crm}`,
      help: `On: mapped field and status updates are pushed when they change in Kayse. Off: nothing mapped is pushed, and the saved mappings are kept untouched.`,
    },
  };
}

export function TogglesCard({ connection }: { connection: CrmConnectionView }) {
  const { crm } = connection;
  const update = useContractMutation('crm.updateToggles');
  const labels = describe(crmName(crm));
  const pending = update.isPending ? (update.variables?.toggles ?? {}) : {};
  const value = (t: Toggle) => pending[t] ?? connection.toggles[t];
  const notConnected = connection.state === 'not_connected';

  const set = (toggle: Toggle, on: boolean) =>
    update.mutate(
      { crm, toggles: { [toggle]: on } },
      { onError: (error) => notifications.show({ color: 'red', title: `Couldn't change "${labels[toggle].label}"`, message: error.message }) },
    );
  const toggle = (t: Toggle, options: { disabled?: boolean; size?: 'sm' | 'xs' } = {}) => (
    <Switch
      key={t}
      label={labels[t].label}
      description={labels[t].help}
      checked={value(t)}
      disabled={notConnected || update.isPending || options.disabled}
      size={options.size ?? 'sm'}
      onChange={(e) => set(t, e.currentTarget.checked)}
      data-testid={`toggle-${t}`}
    />
  );

  return (
    <Card data-testid="crm-toggles">
      <Group gap="xs" mb={4}>
        <IconAdjustmentsHorizontal size={20} aria-hidden />
        <Title order={3} size="h4">
          What syncs
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {notConnected ? 'Available once connected.' : 'Saved as soon as you change them.'}
      </Text>
      <Stack gap="md">
        {toggle('enabled')}
        {toggle('receive')}
        {toggle('send')}
        <Stack gap="sm" pl="xl" aria-label={`What is sent to ${crmName(crm)}`} role="group">
          {(['sendFields', 'sendMessages', 'sendCallRecords'] as const).map((t) => toggle(t, { disabled: !value('send'), size: 'xs' }))}
        </Stack>
        {toggle('syncStatuses')}
        {toggle('sendMapping')}
      </Stack>
    </Card>
  );
}
