// Replay (one delivery): queues a manual attempt with the same delivery id; the new attempt appears in the timeline
// as it happens.
import { Button, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay } from '@tabler/icons-react';
import type { DeliverySummary } from '../../../../shared/contract/webhooks';
import { useContractMutation } from '../../api/client';

/** Why `delivery` can't be replayed now, or null when it can. */
function replayBlocked(delivery: DeliverySummary): string | null {
  if (delivery.isTest) return 'A test delivery is not replayed: send a new test from the webhook instead.';
  if (delivery.state === 'in_flight') return 'An attempt is in flight: wait for it to finish.';
  return null;
}

/** The Replay button of one delivery. */
export function ReplayButton({ delivery }: { delivery: DeliverySummary }) {
  const replay = useContractMutation('webhooks.replay');
  const blocked = replayBlocked(delivery);
  const button = (
    <Button
      size="xs"
      leftSection={<IconPlayerPlay size={16} />}
      loading={replay.isPending}
      disabled={blocked !== null}
      onClick={() =>
        replay.mutate(
          { deliveryId: delivery.id },
          {
            onSuccess: () => notifications.show({ color: 'green', title: 'Replay queued', message: 'A manual attempt is on its way; it appears in the attempts below.' }),
            onError: (error) => notifications.show({ color: 'red', title: "Couldn't replay", message: error.message }),
          },
        )
      }
    >
      Replay
    </Button>
  );
  return blocked ? (
    <Tooltip label={blocked} withArrow multiline w={240}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}
