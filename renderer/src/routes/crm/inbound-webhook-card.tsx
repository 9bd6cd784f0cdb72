// LawRuler's status-change webhook into this console: the URL and header to enter in LawRuler (Setup → Webhooks),
// the shared secret (generated here, shown once, rotated with a confirmation), the steps, and what has arrived.
import { Alert, Button, Card, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconKey, IconRotate, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import type { InboundWebhookView } from '../../../../shared/domain/crm';
import { useContractMutation, useContractQuery } from '../../api/client';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { RecordTime } from '../../components/ui/record-time';
import { CopyField } from '../ingest/copy-field';

function RotateConfirm({ opened, onClose, onConfirm, pending }: { opened: boolean; onClose: () => void; onConfirm: () => void; pending: boolean }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Rotate the webhook secret?">
      <Stack gap="md">
        <Text size="sm">
          A new secret replaces the current one at once: LawRuler's status changes are refused (401) until you paste the new secret into the
          webhook's header in LawRuler.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending} data-autofocus>
            Cancel
          </Button>
          <Button color="orange" onClick={onConfirm} loading={pending}>
            Rotate secret
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SecretShownOnce({ headerName, secret }: { headerName: string; secret: string }) {
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={20} />} title="Copy the secret now: you won't see it again" data-testid="inbound-secret">
      <Stack gap="sm">
        <Text size="sm">The console keeps only a fingerprint of it. Put it in LawRuler as the value of the {headerName} header.</Text>
        <CopyField label="Secret" value={secret} testId="inbound-secret-value" />
      </Stack>
    </Alert>
  );
}

function InboundBody({ view }: { view: InboundWebhookView }) {
  const rotate = useContractMutation('crm.rotateInboundSecret');
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const generate = () =>
    rotate.mutate(
      { crm: 'lawruler' },
      {
        onSuccess: (result) => {
          setSecret(result.secret);
          setConfirming(false);
        },
      },
    );
  return (
    <Stack gap="md">
      {view.url ? (
        <CopyField label="Webhook URL" value={view.url} testId="inbound-url" description="Where LawRuler posts a lead's status changes." />
      ) : (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} p="sm" data-testid="inbound-no-url">
          <Text size="sm">The ingest server is not running, so there is no address to give LawRuler. See Settings → Ingest API.</Text>
        </Alert>
      )}
      <CopyField label="Header name" value={view.headerName} testId="inbound-header" description="The custom header LawRuler sends with the secret as its value." />
      {secret && <SecretShownOnce headerName={view.headerName} secret={secret} />}
      {rotate.error && <ErrorAlert title="Couldn't generate the secret" error={rotate.error} />}
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" data-testid="inbound-secret-state">
          {view.configured && view.secretCreatedAt ? (
            <>
              Secret set <RecordTime iso={view.secretCreatedAt} />
            </>
          ) : (
            'No secret yet: LawRuler\'s calls are refused until one is set.'
          )}
        </Text>
        {view.configured ? (
          <Button variant="light" color="orange" leftSection={<IconRotate size={16} />} onClick={() => setConfirming(true)}>
            Rotate secret
          </Button>
        ) : (
          <Button variant="light" leftSection={<IconKey size={16} />} onClick={generate} loading={rotate.isPending}>
            Generate secret
          </Button>
        )}
      </Group>
      {view.steps.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            In LawRuler
          </Text>
          <List type="ordered" size="sm" spacing={4} data-testid="inbound-steps">
            {view.steps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Text size="sm" data-testid="inbound-received">
        {view.received === 0 ? (
          'Nothing received yet.'
        ) : (
          <>
            {view.received.toLocaleString('en-US')} status changes received, the last {view.lastReceivedAt ? <RecordTime iso={view.lastReceivedAt} /> : 'at an unknown time'}.
          </>
        )}
      </Text>
      <RotateConfirm opened={confirming} onClose={() => setConfirming(false)} onConfirm={generate} pending={rotate.isPending} />
    </Stack>
  );
}

export function InboundWebhookCard() {
  const query = useContractQuery('crm.inboundWebhook', { crm: 'lawruler' });
  return (
    <Card data-testid="crm-inbound-webhook">
      <Group gap="xs" mb={4}>
        <IconWebhook size={20} aria-hidden />
        <Title order={3} size="h4">
          Status-change webhook
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        LawRuler calls the console when a lead's status changes, so Kayse hears of it within seconds instead of at the next read.
      </Text>
      <QueryState query={query} errorTitle="Couldn't load the webhook's settings">
        {(view) => <InboundBody view={view} />}
      </QueryState>
    </Card>
  );
}
