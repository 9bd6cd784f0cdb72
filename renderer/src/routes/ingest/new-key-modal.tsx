// "New key": a name and an optional rate limit, then the key itself, shown this once with a copy button.
import { Alert, Button, Code, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconKey } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { DEFAULT_RATE_LIMIT_PER_MINUTE, type IngestKey } from '../../../../shared/contract/events';
import { useContractMutation } from '../../api/client';
import { formErrors, type FormErrors } from '../../field-issues';
import { CopyField } from './copy-field';
import { curlExample } from './curl-example';
import { FormErrorsAlert } from '../../components/form-errors-alert';

const FIELDS = ['name', 'rateLimitPerMinute'] as const;
type Field = (typeof FIELDS)[number];
const NO_ERRORS: FormErrors<Field> = { fields: {}, general: [] };

interface Created {
  key: IngestKey;
  apiKey: string;
}

function KeyForm({ onCreated, onCancel }: { onCreated: (created: Created) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [rateLimit, setRateLimit] = useState<number | ''>('');
  const [errors, setErrors] = useState(NO_ERRORS);
  const { mutate, isPending } = useContractMutation('ingestKeys.create');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    mutate(rateLimit === '' ? { name } : { name, rateLimitPerMinute: rateLimit }, {
      onSuccess: onCreated,
      onError: (error) => setErrors(formErrors(error, FIELDS)),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="New ingest API key">
      <Stack gap="md">
        <FormErrorsAlert title="Couldn't create the key" messages={errors.general} />
        <TextInput
          label="Name"
          description="Who or what uses the key, so you can tell keys apart later."
          placeholder="e.g. Kayse voice platform"
          withAsterisk
          data-autofocus
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setErrors((x) => ({ ...x, fields: { ...x.fields, name: undefined } }));
          }}
          error={errors.fields.name}
        />
        <NumberInput
          label="Rate limit (requests per minute)"
          description={`Optional. Requests beyond it get 429 and are not stored. Default ${DEFAULT_RATE_LIMIT_PER_MINUTE.toLocaleString('en-US')}.`}
          placeholder={DEFAULT_RATE_LIMIT_PER_MINUTE.toLocaleString('en-US')}
          min={1}
          max={1_000_000}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          value={rateLimit}
          onChange={(value) => {
            setRateLimit(typeof value === 'number' ? value : '');
            setErrors((x) => ({ ...x, fields: { ...x.fields, rateLimitPerMinute: undefined } }));
          }}
          error={errors.fields.rateLimitPerMinute}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={isPending} leftSection={<IconKey size={16} />}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface KeyShownOnceProps {
  created: Created;
  baseUrl: string | null;
  onDone: () => void;
  /** Esc or the close button was pressed: ask before the key is gone for good. */
  asking: boolean;
  onKeepOpen: () => void;
}

function KeyShownOnce({ created, baseUrl, onDone, asking, onKeepOpen }: KeyShownOnceProps) {
  const [now] = useState(() => new Date());
  return (
    <Stack gap="md">
      <Alert color="yellow" icon={<IconAlertTriangle size={20} />} title="Copy the key now: you won't see it again">
        The console keeps only a fingerprint of the key. If it gets lost, revoke it and create a new one.
      </Alert>
      <CopyField label="API key" value={created.apiKey} testId="new-key-value" description={`For "${created.key.name}". Send it in the X-API-KEY header.`} />
      {baseUrl && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Try it
          </Text>
          <Code block>{curlExample(baseUrl, now, created.apiKey)}</Code>
        </Stack>
      )}
      {asking ? (
        <Alert color="red" icon={<IconAlertTriangle size={20} />} title="Close without the key?" data-testid="close-key-confirm">
          <Stack gap="sm">
            <Text size="sm">Once this window closes, the key can't be shown again. If you haven't copied it, keep the window open.</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onDone}>
                Close anyway
              </Button>
              <Button onClick={onKeepOpen} data-autofocus>
                Keep it open
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Group justify="flex-end">
          <Button onClick={onDone}>I've copied the key</Button>
        </Group>
      )}
    </Stack>
  );
}

interface NewKeyModalProps {
  opened: boolean;
  onClose: () => void;
  /** The ingest API's base URL for the "try it" command, when it listens. */
  baseUrl: string | null;
}

/** The modal; it starts over (empty form) every time it opens. */
export function NewKeyModal({ opened, onClose, baseUrl }: NewKeyModalProps) {
  const [created, setCreated] = useState<Created | null>(null);
  const [asking, setAsking] = useState(false);
  const close = () => {
    setCreated(null);
    setAsking(false);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      // Esc and the close button ask first once the key is shown: closing loses it.
      onClose={created ? () => setAsking(true) : close}
      title={created ? 'Your new API key' : 'New ingest API key'}
      size="lg"
      // Once the key is on screen, a stray click outside must not throw it away.
      closeOnClickOutside={!created}
    >
      {created ? (
        <KeyShownOnce created={created} baseUrl={baseUrl} onDone={close} asking={asking} onKeepOpen={() => setAsking(false)} />
      ) : (
        <KeyForm onCreated={setCreated} onCancel={close} />
      )}
    </Modal>
  );
}
