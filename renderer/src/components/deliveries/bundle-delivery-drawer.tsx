// The detail pane of an imported bundle: the same view as the live log's, read from the bundle in memory — no
// replay, no signature check (the secrets stay on the console that sent it), no links into this workspace.
import { Drawer, Group, Text } from '@mantine/core';
import type { BundleDelivery } from '../../../../shared/contract/delivery-bundle';
import { eventTypeLabel } from '../events/event-types';
import { AttemptView } from './attempt-view';
import { DeliveryDetail } from './delivery-detail';
import { DeliveryStatusBadge } from './delivery-status-badge';

interface BundleDeliveryDrawerProps {
  delivery: BundleDelivery | null;
  attemptId: number | null;
  onSelectAttempt: (id: number) => void;
  onClose: () => void;
}

/** The drawer of a bundle's delivery (closed when null). */
export function BundleDeliveryDrawer({ delivery, attemptId, onSelectAttempt, onClose }: BundleDeliveryDrawerProps) {
  const attempts = delivery?.attemptDetails ?? [];
  const chosen = attempts.find((a) => a.id === attemptId) ?? attempts.at(-1) ?? null;
  return (
    <Drawer
      opened={delivery !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        delivery ? (
          <Group gap="xs">
            <Text fw={600}>{eventTypeLabel(delivery.eventType)}</Text>
            <DeliveryStatusBadge delivery={delivery} size="md" />
            <Text size="xs" c="dimmed">
              from the imported bundle
            </Text>
          </Group>
        ) : (
          'Delivery'
        )
      }
      closeButtonProps={{ 'aria-label': 'Close the delivery' }}
      data-testid="delivery-drawer"
    >
      {delivery && (
        <DeliveryDetail
          delivery={delivery}
          attempts={attempts}
          selectedAttemptId={chosen?.id ?? null}
          onSelectAttempt={onSelectAttempt}
          links={false}
          attempt={chosen && <AttemptView attempt={chosen} readOnly />}
        />
      )}
    </Drawer>
  );
}
