// One delivery as the inspector's detail pane shows it — from the live log or from an imported bundle alike: what
// it carried and where, its status, the attempts timeline, and the chosen attempt in full.
import { Anchor, DataList, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AttemptSummary, DeliverySummary } from '../../../../shared/contract/webhooks';
import { AttemptTimeline } from './attempt-timeline';
import { DeliveryStatusBadge } from './delivery-status-badge';
import { DataItem, valueText } from '../ui/data-item';
import { useDateFormat } from '../../hooks/use-date-format';

interface DeliveryDetailProps {
  delivery: DeliverySummary;
  attempts: readonly AttemptSummary[];
  selectedAttemptId: number | null;
  onSelectAttempt: (id: number) => void;
  /** The chosen attempt in full (or its loading or error state). */
  attempt: ReactNode;
  /** Replay, Export…; none for an imported bundle. */
  actions?: ReactNode;
  /** Links into this console's workspace (cases); off for an imported bundle from another one. */
  links: boolean;
}

/** The detail pane's content; see the file header. */
export function DeliveryDetail({ delivery, attempts, selectedAttemptId, onSelectAttempt, attempt, actions, links }: DeliveryDetailProps) {
  const dates = useDateFormat();
  return (
    <Stack gap="md" data-testid="delivery-detail" data-delivery-id={delivery.id}>
      {actions && <Group gap="xs">{actions}</Group>}
      <DataList labelWidth="120px">
        <DataItem label="Status">
          <Group gap="xs">
            <DeliveryStatusBadge delivery={delivery} />
            {delivery.nextAttemptAt && (
              <Text size="xs" c="dimmed">
                next attempt {dates.full(delivery.nextAttemptAt)}
              </Text>
            )}
          </Group>
        </DataItem>
        <DataItem label="Delivery id">{valueText(delivery.id, true)}</DataItem>
        <DataItem label="Webhook">{valueText(delivery.webhookName ?? delivery.webhookId)}</DataItem>
        <DataItem label="Event">{valueText(`${delivery.eventType}${delivery.isTest ? ' (test)' : ''}`)}</DataItem>
        <DataItem label="Event id">{valueText(delivery.eventId, true)}</DataItem>
        <DataItem label="Case">
          {delivery.caseId && links ? (
            <Anchor component={Link} to={`/cases/${delivery.caseId}`} size="sm">
              Open the case
            </Anchor>
          ) : (
            valueText(delivery.caseId, true)
          )}
        </DataItem>
        <DataItem label="Created">{valueText(dates.full(delivery.createdAt))}</DataItem>
        {delivery.completedAt && <DataItem label="Finished">{valueText(dates.full(delivery.completedAt))}</DataItem>}
      </DataList>
      <Divider />
      <Title order={5}>Attempts ({attempts.length})</Title>
      <AttemptTimeline attempts={attempts} selectedId={selectedAttemptId} onSelect={onSelectAttempt} />
      <Divider />
      {attempt}
    </Stack>
  );
}
