// Connect (or replace the key): the API key and which Cal.com it belongs to. The core checks the key with Cal.com
// before keeping it; a refused key is said here, with what to do, and nothing is stored.
import { Button, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlugConnected } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { useContractMutation } from '../../api/client';
import { FormErrorsAlert } from '../../components/form-errors-alert';
import { SecretsUnavailableAlert } from '../../components/secrets-status';
import { formErrors } from '../../field-issues';
import { baseUrlFor, baseUrlIssue, REGION_LABELS, regionOf, type CalcomRegion } from './base-url-choice';
import { schedulingErrorKind } from './scheduling-error-kind';

const FIELDS = ['apiKey', 'baseUrl'] as const;

interface ConnectFormProps {
  /** The base URL of the key in use, when replacing one: the form starts on its region. */
  savedBaseUrl?: string;
  /** Replacing a key that works: the button says so. */
  replacing: boolean;
  onConnected?: () => void;
}

export function ConnectForm({ savedBaseUrl, replacing, onConnected }: ConnectFormProps) {
  const [apiKey, setApiKey] = useState('');
  const [region, setRegion] = useState<CalcomRegion>(() => regionOf(savedBaseUrl));
  const [selfHosted, setSelfHosted] = useState(() => (regionOf(savedBaseUrl) === 'self_hosted' ? (savedBaseUrl ?? '') : ''));
  const [submitted, setSubmitted] = useState(false);
  const connect = useContractMutation('scheduling.connect');
  const regionLabel = useId();
  // A key Cal.com refused is said on the key's field; other failures (unreachable, rate limited) above the form.
  const keyRefused = schedulingErrorKind(connect.error) === 'invalid_key' ? connect.error?.message : undefined;
  const server = formErrors(keyRefused ? null : connect.error, FIELDS);

  const keyIssue = apiKey.trim() === '' ? 'Paste the API key from Cal.com → Settings → Developer → API keys' : undefined;
  const urlIssue = baseUrlIssue(region, selfHosted);
  const edited = () => connect.reset();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (keyIssue || urlIssue) return;
    const baseUrl = baseUrlFor(region, selfHosted);
    connect.mutate(
      { apiKey: apiKey.trim(), ...(baseUrl === undefined ? {} : { baseUrl }) },
      {
        onSuccess: (connection) => {
          setApiKey('');
          setSubmitted(false);
          if (connection.state !== 'not_connected') {
            notifications.show({ color: 'green', icon: <IconCheck size={18} />, title: 'Scheduling connected', message: `The key belongs to ${connection.account.email}.` });
          }
          onConnected?.();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Connect Cal.com" data-testid="scheduling-connect-form">
      <Stack gap="md">
        <SecretsUnavailableAlert />
        <FormErrorsAlert title="Couldn't connect Cal.com" messages={server.general} />
        <PasswordInput
          label="API key"
          aria-label="API key"
          placeholder="cal_live_…"
          description="Create one in Cal.com under Settings → Developer → API keys. It is checked with Cal.com, then kept in this computer’s keychain only, never shown again."
          withAsterisk
          value={apiKey}
          onChange={(e) => {
            setApiKey(e.currentTarget.value);
            edited();
          }}
          error={keyRefused ?? server.fields.apiKey ?? (submitted ? keyIssue : undefined)}
          autoComplete="new-password"
          spellCheck={false}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={regionLabel}>
            Cal.com
          </Text>
          <SegmentedControl
            aria-labelledby={regionLabel}
            value={region}
            onChange={(value) => {
              setRegion(value as CalcomRegion);
              edited();
            }}
            data={(Object.keys(REGION_LABELS) as CalcomRegion[]).map((value) => ({ value, label: REGION_LABELS[value] }))}
            w="fit-content"
          />
          <Text size="xs" c="dimmed">
            {region === 'cloud' && 'app.cal.com (API at https://api.cal.com).'}
            {region === 'eu' && 'Cal.com’s EU region, app.cal.eu (API at https://api.cal.eu).'}
            {region === 'self_hosted' && 'Your firm’s own Cal.com: enter its API address below.'}
          </Text>
        </Stack>
        {region === 'self_hosted' && (
          <TextInput
            label="Base URL"
            placeholder="https://cal.smithlaw.example/api"
            description="The API root of your instance, with or without /v2. HTTPS only (plain http only to this computer, e.g. a simulator)."
            withAsterisk
            value={selfHosted}
            onChange={(e) => {
              setSelfHosted(e.currentTarget.value);
              edited();
            }}
            error={server.fields.baseUrl ?? (submitted ? urlIssue : undefined)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            spellCheck={false}
            autoComplete="off"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        )}
        {region !== 'self_hosted' && server.fields.baseUrl && <FormErrorsAlert title="The Cal.com address was refused" messages={[server.fields.baseUrl]} />}
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconPlugConnected size={16} />} loading={connect.isPending}>
            {replacing ? 'Save new key' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
