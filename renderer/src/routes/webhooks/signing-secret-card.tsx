// A webhook's signing secret: hidden until an explicit Reveal (then Copy), when it was issued, Rotate with a grace
// period, and until when rotated-out secrets still sign deliveries.
import { Alert, Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconEye, IconEyeOff, IconKey, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import { useContractMutation, useContractQuery } from '../../api/client';
import { ErrorAlert } from '../../components/query-state';
import { RecordTime } from '../../components/ui/record-time';
import { CopyField } from '../ingest/copy-field';
import { RotateSecretModal } from './rotate-secret-modal';
import { useDateFormat } from '../../hooks/use-date-format';

export function SigningSecretCard({ webhookId }: { webhookId: string }) {
  const dates = useDateFormat();
  const info = useContractQuery('webhooks.secretInfo', { id: webhookId });
  const reveal = useContractMutation('webhooks.revealSecret');
  const [secret, setSecret] = useState<string | null>(null);
  const [rotating, setRotating] = useState(false);
  const [rotatedUntil, setRotatedUntil] = useState<string | null | undefined>(undefined);
  const previous = info.data?.previousValidUntil ?? [];

  return (
    <Card data-testid="signing-secret-card">
      <Group gap="xs" mb={4}>
        <IconKey size={20} aria-hidden />
        <Title order={3} size="h4">
          Signing secret
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Receivers check <Code>X-Kayse-Signature</Code> (or the Standard Webhooks <Code>webhook-signature</Code>) with it to
        know a delivery came from this console.
      </Text>
      <Stack gap="sm">
        {secret === null ? (
          <TextInput label="Signing secret" value="whsec_••••••••••••••••••••••••" readOnly disabled data-testid="signing-secret-hidden" />
        ) : (
          <CopyField label="Signing secret" value={secret} testId="signing-secret" description="Keep it out of code repositories and tickets." />
        )}
        {reveal.error && <ErrorAlert title="Couldn't reveal the secret" error={reveal.error} />}
        <Group gap="sm">
          {secret === null ? (
            <Button
              variant="default"
              leftSection={<IconEye size={16} />}
              loading={reveal.isPending}
              onClick={() => reveal.mutate({ id: webhookId }, { onSuccess: (r) => setSecret(r.secret) })}
            >
              Reveal
            </Button>
          ) : (
            <Button variant="default" leftSection={<IconEyeOff size={16} />} onClick={() => setSecret(null)}>
              Hide
            </Button>
          )}
          <Button variant="light" color="orange" leftSection={<IconRotate size={16} />} onClick={() => setRotating(true)}>
            Rotate
          </Button>
        </Group>
        {info.data && (
          <Text size="xs" c="dimmed">
            In use since <RecordTime iso={info.data.activeSince} size="xs" />.
          </Text>
        )}
        {rotatedUntil === null && (
          <Alert color="orange" p="xs" data-testid="secret-rotated">
            <Text size="sm">New secret issued. The previous one stopped working at once.</Text>
          </Alert>
        )}
        {rotatedUntil && (
          <Alert color="teal" p="xs" data-testid="secret-rotated">
            <Text size="sm">New secret issued. The previous one stays valid until {dates.full(rotatedUntil)}: update your receiver before then.</Text>
          </Alert>
        )}
        {previous.length > 0 && (
          <Stack gap={2} data-testid="previous-secrets">
            {previous.map((until) => (
              <Text size="xs" key={until}>
                A previous secret stays valid until <strong>{dates.full(until)}</strong>.
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      <RotateSecretModal
        opened={rotating}
        webhookId={webhookId}
        onClose={() => setRotating(false)}
        onRotated={(until) => {
          setSecret(null);
          setRotatedUntil(until);
        }}
      />
    </Card>
  );
}
