// Confirms rotating a webhook's signing secret: a new one signs from now on, and the previous one stays valid for
// the grace period chosen here (the console's default unless changed), so receivers can switch without losing events.
import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useContractMutation, useContractQuery } from '../../api/client';
import { formErrors } from '../../field-issues';
import { FormErrorsAlert } from '../../components/form-errors-alert';

interface RotateSecretModalProps {
  opened: boolean;
  webhookId: string;
  onClose: () => void;
  /** Until when the previous secret stays valid (null when it stopped at once). */
  onRotated: (previousValidUntil: string | null) => void;
}

function RotateForm({ webhookId, onClose, onRotated }: Omit<RotateSecretModalProps, 'opened'>) {
  const defaultHours = useContractQuery('webhooks.settings', undefined).data?.graceHours;
  const [hours, setHours] = useState<number | '' | null>(null);
  const rotate = useContractMutation('webhooks.rotateSecret');
  const value = hours ?? defaultHours ?? '';
  const errors = formErrors(rotate.error, ['graceHours'] as const);
  const confirm = () =>
    rotate.mutate(value === '' ? { id: webhookId } : { id: webhookId, graceHours: value }, {
      onSuccess: ({ previousValidUntil }) => {
        onRotated(previousValidUntil);
        onClose();
      },
    });
  return (
    <Stack gap="md">
      <Text size="sm">
        A new secret signs every delivery from now on. Until the grace period ends, deliveries also carry a signature
        made with the current secret, so receivers that have not switched yet keep accepting them.
      </Text>
      <FormErrorsAlert title="Couldn't rotate the secret" messages={errors.general} />
      <NumberInput
        label="Keep the previous secret valid for (hours)"
        description={defaultHours !== undefined ? `The console's default is ${defaultHours} hours (Webhook settings). 0 stops it at once.` : undefined}
        min={0}
        max={720}
        allowDecimal={false}
        allowNegative={false}
        value={value}
        onChange={(v) => setHours(typeof v === 'number' ? v : '')}
        error={errors.fields.graceHours}
        data-autofocus
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={rotate.isPending}>
          Cancel
        </Button>
        <Button color="orange" onClick={confirm} loading={rotate.isPending}>
          Rotate secret
        </Button>
      </Group>
    </Stack>
  );
}

/** The modal; its form starts over every time it opens. */
export function RotateSecretModal({ opened, ...props }: RotateSecretModalProps) {
  return (
    <Modal opened={opened} onClose={props.onClose} title="Rotate the signing secret?">
      {opened && <RotateForm {...props} />}
    </Modal>
  );
}
