// The credentials form with Connect (Save and test once connected) and Test connection, the checks' result in
// place, and the core's note when it rewrote what was entered (a pasted portal address reduced to its Client Root).
import { Alert, Button, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconKey, IconPlugConnected, IconStethoscope } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { CrmCheckView, CrmConnectionView, CrmTestResult } from '../../../../shared/domain/crm';
import { useContractMutation } from '../../api/client';
import { FormErrorsAlert } from '../../components/form-errors-alert';
import { formErrors } from '../../field-issues';
import { AdvancedFields } from './advanced-fields';
import { LawRulerFields, SmartAdvocateFields } from './credential-fields';
import { ConnectionChecks } from './connection-checks';
import { connectInputOf, draftIssues, draftOf, fieldsOf, KEEP_CA, type CaChange, type CredentialField, type CredentialsDraft } from './credentials-draft';
import { crmName } from './crm-paths';
import { SecretsUnavailableAlert } from '../../components/secrets-status';

interface Checked {
  checks: CrmCheckView[];
  at: string;
}

export function CredentialsCard({ connection }: { connection: CrmConnectionView }) {
  const { crm } = connection;
  const [draft, setDraft] = useState<Partial<CredentialsDraft>>({});
  const [ca, setCa] = useState<CaChange>(KEEP_CA);
  const [submitted, setSubmitted] = useState(false);
  const [cleared, setCleared] = useState<ReadonlySet<CredentialField>>(new Set());
  const [checked, setChecked] = useState<Checked | null>(null);
  const connect = useContractMutation('crm.connect');
  const test = useContractMutation('crm.testConnection');

  const saved = new Set(connection.savedSecrets);
  const values: CredentialsDraft = { ...draftOf(connection), ...draft };
  const local = draftIssues(crm, values, saved);
  const server = formErrors(connect.error, fieldsOf(crm));
  // The host's refusal stays on its field until that field is edited; local rules show once Connect was pressed.
  const fieldError = (field: CredentialField) => (cleared.has(field) ? undefined : server.fields[field]) ?? (submitted || field === 'apiBaseUrl' ? local[field] : undefined);
  const errors = Object.fromEntries(fieldsOf(crm).map((f) => [f, fieldError(f)])) as Partial<Record<CredentialField, string>>;

  const connected = connection.state !== 'not_connected';
  const canTest = connected || saved.size > 0;
  const busy = connect.isPending || test.isPending;

  const change = (field: keyof CredentialsDraft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setCleared((c) => new Set([...c, field]));
  };
  const shown = (result: CrmTestResult) => setChecked({ checks: result.checks, at: result.connection.lastTest?.at ?? new Date().toISOString() });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length > 0) return;
    setCleared(new Set());
    connect.mutate(connectInputOf(crm, values, ca), {
      onSuccess: (result) => {
        shown(result);
        // Saved only when signing in worked: keep what was typed otherwise, so the user fixes one field, not all.
        if (result.ok || result.connection.state !== 'not_connected') {
          setDraft({});
          setCa(KEEP_CA);
          setSubmitted(false);
        }
      },
    });
  };
  const runTest = () => test.mutate({ crm }, { onSuccess: shown });

  const last = checked ?? (connection.lastTest ? { checks: connection.lastTest.checks, at: connection.lastTest.at } : null);
  const Fields = crm === 'lawruler' ? LawRulerFields : SmartAdvocateFields;
  return (
    <Card data-testid="crm-credentials">
      <Group gap="xs" mb={4}>
        <IconKey size={20} aria-hidden />
        <Title order={3} size="h4">
          Credentials
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Kept in this computer's keychain only, never shown again. Leave a saved secret empty to keep it.
      </Text>
      <form onSubmit={submit} noValidate aria-label={`${crmName(crm)} credentials`}>
        <Stack gap="md">
          <SecretsUnavailableAlert />
          <FormErrorsAlert title={`Couldn't connect ${crmName(crm)}`} messages={server.general} />
          {test.error && <FormErrorsAlert title="Couldn't test the connection" messages={[test.error.message]} />}
          <Fields draft={values} onChange={change} errors={errors} saved={saved} />
          {connection.normalisedNotice && (
            <Alert color="blue" icon={<IconInfoCircle size={18} />} p="xs" data-testid="normalised-notice">
              <Text size="sm">{connection.normalisedNotice}</Text>
            </Alert>
          )}
          <AdvancedFields
            key={connection.settings.apiBaseUrl ?? ''}
            apiBaseUrl={values.apiBaseUrl}
            onApiBaseUrl={(v) => change('apiBaseUrl', v)}
            apiBaseUrlError={errors.apiBaseUrl}
            ca={crm === 'smartadvocate' ? { change: ca, onChange: setCa, saved: connection.settings.extraCa ?? null, error: errors.extraCaPem } : undefined}
            initiallyOpen={values.apiBaseUrl !== '' || connection.settings.extraCa !== undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Tooltip label="Connect first: the test uses the saved credentials" disabled={canTest}>
              <Button variant="default" leftSection={<IconStethoscope size={16} />} onClick={runTest} loading={test.isPending} disabled={!canTest || busy}>
                Test connection
              </Button>
            </Tooltip>
            <Button type="submit" leftSection={<IconPlugConnected size={16} />} loading={connect.isPending} disabled={busy}>
              {connected ? 'Save and test' : 'Connect'}
            </Button>
          </Group>
          <ConnectionChecks checks={last?.checks ?? []} at={last?.at ?? null} running={busy} />
        </Stack>
      </form>
    </Card>
  );
}
