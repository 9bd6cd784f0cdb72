// Webhook settings on the Webhooks list: the internal-receivers allowlist, extra trusted CA certificates, how long
// the delivery log is kept, and the default grace period of a rotated signing secret.
import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconSettings } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { WebhookSettings } from '../../../../shared/contract/webhooks';
import { useContractMutation, useContractQuery } from '../../api/client';
import { FormErrorsAlert } from '../../components/form-errors-alert';
import { QueryState } from '../../components/query-state';
import { settingsDraftOf, settingsErrors, settingsInputOf, settingsIssues, type SettingsDraft, type SettingsField, type SettingsMessages } from './settings-draft';

const NO_ERRORS = { fields: {} as SettingsMessages, general: [] as string[] };

function SettingsForm({ settings }: { settings: WebhookSettings }) {
  // Only the fields being edited; the rest follow the stored settings.
  const [draft, setDraft] = useState<Partial<SettingsDraft>>({});
  const [errors, setErrors] = useState(NO_ERRORS);
  const save = useContractMutation('webhooks.updateSettings');
  const values: SettingsDraft = { ...settingsDraftOf(settings), ...draft };
  const changed = Object.keys(draft).length > 0;

  const edit = <F extends SettingsField>(field: F, value: SettingsDraft[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, [field]: undefined } }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local = settingsIssues(values);
    if (Object.keys(local).length > 0) return setErrors({ fields: local, general: [] });
    setErrors(NO_ERRORS);
    save.mutate(settingsInputOf(values), {
      onSuccess: () => {
        setDraft({});
        notifications.show({ color: 'green', icon: <IconCheck size={18} />, title: 'Webhook settings saved', message: 'Deliveries use them from now on.' });
      },
      onError: (error) => setErrors(settingsErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Webhook settings">
      <Stack gap="md">
        <FormErrorsAlert title="Couldn't save the settings" messages={errors.general} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Textarea
            label="Allowlist (internal receivers)"
            description="One CIDR per line, e.g. 10.20.0.0/16. Off when empty: webhooks then reach only public addresses."
            placeholder="10.20.0.0/16"
            autosize
            minRows={2}
            maxRows={6}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            value={values.allowlist}
            onChange={(e) => edit('allowlist', e.currentTarget.value)}
            error={errors.fields.allowlist}
          />
          <Textarea
            label="Extra trusted CA certificates"
            description="PEM certificates of your corporate or test CAs, pasted one after another."
            placeholder="-----BEGIN CERTIFICATE-----"
            autosize
            minRows={2}
            maxRows={6}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 11 } }}
            value={values.extraCa}
            onChange={(e) => edit('extraCa', e.currentTarget.value)}
            error={errors.fields.extraCa}
          />
          <NumberInput
            label="Keep the delivery log for (days)"
            description="Older deliveries and attempts are pruned; pruning never delays deliveries."
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            value={values.retentionDays}
            onChange={(v) => edit('retentionDays', typeof v === 'number' ? v : '')}
            error={errors.fields.retentionDays}
          />
          <NumberInput
            label="Secret rotation grace period (hours)"
            description="How long a rotated-out signing secret still signs deliveries, by default."
            min={0}
            max={720}
            allowDecimal={false}
            allowNegative={false}
            value={values.graceHours}
            onChange={(v) => edit('graceHours', typeof v === 'number' ? v : '')}
            error={errors.fields.graceHours}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          {changed && (
            <Button
              variant="default"
              onClick={() => {
                setDraft({});
                setErrors(NO_ERRORS);
              }}
              disabled={save.isPending}
            >
              Discard changes
            </Button>
          )}
          <Button type="submit" disabled={!changed} loading={save.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The card; its form keeps what the user typed while the stored settings refresh underneath. */
export function WebhookSettingsCard() {
  const query = useContractQuery('webhooks.settings', undefined);
  return (
    <Card data-testid="webhook-settings">
      <Group gap="xs" mb={4}>
        <IconSettings size={20} aria-hidden />
        <Title order={3} size="h4">
          Webhook settings
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Apply to every webhook of this console.
      </Text>
      <QueryState query={query} errorTitle="Couldn't load the webhook settings">
        {(settings) => <SettingsForm settings={settings} />}
      </QueryState>
    </Card>
  );
}
