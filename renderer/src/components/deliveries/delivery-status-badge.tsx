// A delivery's status as a coloured badge: succeeded, retrying, pending, sending, failed, cancelled.
import { Badge } from '@mantine/core';
import type { DeliverySummary } from '../../../../shared/contract/webhooks';
import { deliveryStatus, STATUS_LOOK } from './delivery-status';

/** The badge for `delivery`'s status (a test delivery says so). */
export function DeliveryStatusBadge({ delivery, size = 'sm' }: { delivery: Pick<DeliverySummary, 'state' | 'attempts'>; size?: 'sm' | 'md' | 'lg' }) {
  const status = deliveryStatus(delivery);
  const { label, color } = STATUS_LOOK[status];
  return (
    <Badge color={color} variant="light" size={size} data-testid="delivery-status" data-status={status}>
      {label}
    </Badge>
  );
}
