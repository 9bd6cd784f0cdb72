// The banner on a webhook that needs attention: deactivated by its receiver (410 Gone), circuit open, or failing —
// what happened and what to do about it.
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlugConnectedX, IconPlayerPause } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { WebhookView } from '../../../../shared/contract/webhooks';
import { useContractMutation } from '../../api/client';
import { RecordTime } from '../../components/ui/record-time';
import { conditionOf } from './webhook-condition';
import { deliveriesPath } from './webhook-paths';
import { useDateFormat } from '../../hooks/use-date-format';

function DeliveriesLink({ id }: { id: string }) {
  return (
    <Anchor component={Link} to={deliveriesPath(id)} size="sm">
      See the failed attempts in Recent deliveries
    </Anchor>
  );
}

function ActivateButton({ webhook }: { webhook: WebhookView }) {
  const setActive = useContractMutation('webhooks.setActive');
  return (
    <Button
      size="xs"
      color="red"
      variant="white"
      loading={setActive.isPending}
      onClick={() =>
        setActive.mutate(
          { id: webhook.id, active: true },
          { onError: (error) => notifications.show({ color: 'red', title: `Couldn't activate ${webhook.name}`, message: error.message }) },
        )
      }
    >
      Activate
    </Button>
  );
}

/** Nothing for a healthy, idle or deliberately switched-off webhook. */
export function WebhookStatusBanner({ webhook }: { webhook: WebhookView }) {
  const dates = useDateFormat();
  const condition = conditionOf(webhook);
  const { circuit, pending, failingSince } = webhook.health;

  if (condition === 'deactivated') {
    return (
      <Alert color="red" variant="filled" icon={<IconPlugConnectedX size={22} />} title="Deactivated: the receiver answered 410 Gone" data-testid="webhook-banner" data-kind="gone">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {webhook.deactivatedReason}
            {webhook.deactivatedAt && ` (${dates.full(webhook.deactivatedAt)})`}
          </Text>
          <Text size="sm">
            Events that happen while it is off are not sent to it. To resume: fix the destination URL below (or have the
            receiver’s owner restore the endpoint), save, then Activate.
          </Text>
          <ActivateButton webhook={webhook} />
        </Stack>
      </Alert>
    );
  }

  if (condition === 'circuit_open') {
    return (
      <Alert color="orange" icon={<IconPlayerPause size={22} />} title="Deliveries paused: the receiver keeps failing" data-testid="webhook-banner" data-kind="circuit">
        <Stack gap={6} align="flex-start">
          <Text size="sm">
            After {circuit.consecutiveFailures} failed attempts in a row
            {circuit.openedAt && <> (since {dates.full(circuit.openedAt)})</>}, the console stopped sending to this
            endpoint for a while instead of hammering it. Nothing is dropped: {pending.toLocaleString('en-US')}{' '}
            {pending === 1 ? 'delivery waits' : 'deliveries wait'}.
          </Text>
          <Text size="sm">
            It tries again automatically {circuit.retryAt ? <>at {dates.full(circuit.retryAt)}</> : 'shortly'}; once an
            attempt succeeds, deliveries resume. Meanwhile, check the receiver (is it up, does it answer 2xx within 15
            seconds?).
          </Text>
          <DeliveriesLink id={webhook.id} />
        </Stack>
      </Alert>
    );
  }

  if (condition === 'failing' && failingSince) {
    return (
      <Alert color="yellow" icon={<IconAlertTriangle size={22} />} title="Deliveries are failing" data-testid="webhook-banner" data-kind="failing">
        <Stack gap={6} align="flex-start">
          <Text size="sm">
            Every attempt since <RecordTime iso={failingSince} /> failed. Failed deliveries are retried on schedule (for
            up to 24 hours), so fixing the receiver soon loses nothing.
          </Text>
          <DeliveriesLink id={webhook.id} />
        </Stack>
      </Alert>
    );
  }
  return null;
}
