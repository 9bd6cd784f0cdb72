// Deleting a webhook, confirmed: its pending deliveries stop at once; its delivery log stays until retention removes it.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { WebhookView } from '../../../../shared/contract/webhooks';
import { useContractMutation } from '../../api/client';
import { ErrorAlert } from '../../components/query-state';
import { WEBHOOKS_PATH } from './webhook-paths';

export function DeleteWebhookButton({ webhook }: { webhook: Pick<WebhookView, 'id' | 'name' | 'health'> }) {
  const [open, setOpen] = useState(false);
  const remove = useContractMutation('webhooks.delete');
  const navigate = useNavigate();
  const close = () => {
    remove.reset();
    setOpen(false);
  };
  const confirm = () =>
    remove.mutate(
      { id: webhook.id },
      {
        onSuccess: ({ cancelledDeliveries }) => {
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            title: 'Webhook deleted',
            message: cancelledDeliveries > 0 ? `${webhook.name}: ${cancelledDeliveries} waiting deliveries were cancelled.` : webhook.name,
          });
          void navigate(WEBHOOKS_PATH, { replace: true });
        },
      },
    );
  return (
    <>
      <Button variant="subtle" color="red" size="compact-sm" leftSection={<IconTrash size={14} />} w="fit-content" onClick={() => setOpen(true)}>
        Delete webhook
      </Button>
      <Modal opened={open} onClose={close} title={`Delete "${webhook.name}"?`}>
        <Stack gap="md">
          <Text size="sm">
            Nothing more is sent to it
            {webhook.health.pending > 0 && <>, and its {webhook.health.pending.toLocaleString('en-US')} waiting deliveries are cancelled</>}. Its
            delivery log stays in Recent deliveries until the retention period removes it. This can’t be undone.
          </Text>
          {remove.error && <ErrorAlert title="Couldn't delete the webhook" error={remove.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={remove.isPending} data-autofocus>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={remove.isPending}>
              Delete webhook
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
