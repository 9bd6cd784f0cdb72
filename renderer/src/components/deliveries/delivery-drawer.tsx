// The live detail pane: one delivery of this console's log in a side drawer, its attempts and the chosen attempt in
// full, kept current by the contract's change events; Replay, Export and Verify signature.
import { Drawer, Group, Text } from '@mantine/core';
import { useContractQuery } from '../../api/client';
import { ErrorAlert, LoadingState } from '../query-state';
import { eventTypeLabel } from '../events/event-types';
import { AttemptView } from './attempt-view';
import { DeliveryDetail } from './delivery-detail';
import { DeliveryStatusBadge } from './delivery-status-badge';
import { ExportBundleButton } from './export-bundle-button';
import { ReplayButton } from './replay-button';

interface DeliveryDrawerProps {
  /** The open delivery; null = closed. */
  id: string | null;
  /** The attempt chosen in the timeline; null = the latest. */
  attemptId: number | null;
  onSelectAttempt: (id: number) => void;
  onClose: () => void;
}

function ChosenAttempt({ id }: { id: number }) {
  const detail = useContractQuery('deliveries.attempt', { id });
  if (detail.data) return <AttemptView attempt={detail.data} readOnly={false} />;
  if (detail.error) return <ErrorAlert title="Couldn't load this attempt" error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />;
  return <LoadingState label="Loading the attempt…" />;
}

function LiveDetail({ id, attemptId, onSelectAttempt }: Omit<DeliveryDrawerProps, 'onClose' | 'id'> & { id: string }) {
  const delivery = useContractQuery('deliveries.get', { id });
  const attempts = useContractQuery('deliveries.attempts', { deliveryId: id });
  if (delivery.error) return <ErrorAlert title="Couldn't load this delivery" error={delivery.error} onRetry={() => void delivery.refetch()} retrying={delivery.isFetching} />;
  if (!delivery.data || !attempts.data) return <LoadingState label="Loading the delivery…" />;
  const list = attempts.data;
  const chosen = list.find((a) => a.id === attemptId)?.id ?? list.at(-1)?.id ?? null;
  return (
    <DeliveryDetail
      delivery={delivery.data}
      attempts={list}
      selectedAttemptId={chosen}
      onSelectAttempt={onSelectAttempt}
      links
      actions={
        <>
          <ReplayButton delivery={delivery.data} />
          <ExportBundleButton input={{ deliveryIds: [id] }} label="Export" size="xs" />
        </>
      }
      attempt={chosen === null ? null : <ChosenAttempt id={chosen} />}
    />
  );
}

/** The drawer of delivery `id` (closed when null). */
export function DeliveryDrawer({ id, attemptId, onSelectAttempt, onClose }: DeliveryDrawerProps) {
  const summary = useContractQuery('deliveries.get', { id: id ?? '-' }, { enabled: id !== null });
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        summary.data ? (
          <Group gap="xs">
            <Text fw={600}>{eventTypeLabel(summary.data.eventType)}</Text>
            <DeliveryStatusBadge delivery={summary.data} size="md" />
          </Group>
        ) : (
          'Delivery'
        )
      }
      closeButtonProps={{ 'aria-label': 'Close the delivery' }}
      data-testid="delivery-drawer"
    >
      {id !== null && <LiveDetail id={id} attemptId={attemptId} onSelectAttempt={onSelectAttempt} />}
    </Drawer>
  );
}
