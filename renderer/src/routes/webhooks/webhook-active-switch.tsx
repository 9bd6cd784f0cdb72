// The Active toggle of a webhook (list rows, edit page): turns deliveries on or off at once, through webhooks.setActive.
import { Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { WebhookView } from '../../../../shared/contract/webhooks';
import { useContractMutation } from '../../api/client';

/** A switch showing the stored state; while the host answers it shows the state asked for. */
export function WebhookActiveSwitch({ webhook, withLabel = false }: { webhook: Pick<WebhookView, 'id' | 'name' | 'active'>; withLabel?: boolean }) {
  const setActive = useContractMutation('webhooks.setActive');
  const checked = setActive.isPending && setActive.variables ? setActive.variables.active : webhook.active;
  const toggle = (active: boolean) =>
    setActive.mutate(
      { id: webhook.id, active },
      {
        onError: (error) =>
          notifications.show({ color: 'red', title: `Couldn't ${active ? 'activate' : 'deactivate'} ${webhook.name}`, message: error.message }),
      },
    );
  return (
    <Switch
      checked={checked}
      disabled={setActive.isPending}
      onChange={(e) => toggle(e.currentTarget.checked)}
      wrapperProps={{ 'data-testid': 'webhook-active-switch' }}
      label={withLabel ? (checked ? 'Active' : 'Off') : undefined}
      aria-label={withLabel ? undefined : `Active: ${webhook.name}`}
      data-testid="webhook-active"
    />
  );
}
