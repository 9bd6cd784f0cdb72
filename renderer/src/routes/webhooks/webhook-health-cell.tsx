// A webhook's health in the list: its state, the 24-hour success rate, and since when it has been failing.
import { Badge, Stack, Text } from '@mantine/core';
import type { WebhookView } from '../../../../shared/contract/webhooks';
import { RecordTime } from '../../components/ui/record-time';
import { conditionOf, CONDITION_LOOK, describeRate } from './webhook-condition';

export function WebhookHealthCell({ webhook }: { webhook: WebhookView }) {
  const condition = conditionOf(webhook);
  const { label, color } = CONDITION_LOOK[condition];
  const { health } = webhook;
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={color} variant="light" data-testid="webhook-condition" data-condition={condition}>
        {label}
      </Badge>
      <Text size="xs" c="dimmed" data-testid="webhook-rate">
        {describeRate(health)}
      </Text>
      {health.failingSince && webhook.active && (
        <Text size="xs" c="red" data-testid="webhook-failing-since">
          Failing since <RecordTime iso={health.failingSince} size="xs" tooltip="native" />
        </Text>
      )}
    </Stack>
  );
}
