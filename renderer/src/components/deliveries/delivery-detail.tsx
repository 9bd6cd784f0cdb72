// One delivery as the inspector's detail pane shows it — from the live log or from an imported bundle alike: what
// it carried and where, its status, the attempts timeline, and the chosen attempt in full.
import { Anchor, DataList, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AttemptSummary, DeliverySummary } from '../../../../shared/contract/webhooks';
import { EMPTY_VALUE } from '../records/format-value';
import { formatFull } from '../records/relative-time';
import { AttemptTimeline } from './attempt-timeline';
import { DeliveryStatusBadge } from './delivery-status-badge';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

const text = (value: string | null, mono = false) => (
  <Text size="sm" c={value ? undefined : 'dimmed'} ff={mono && value ? 'monospace' : undefined} style={{ overflowWrap: 'anywhere' }}>
    {value ?? EMPTY_VALUE}
  </Text>
);

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
  return (
    <Stack gap="md" data-testid="delivery-detail" data-delivery-id={delivery.id}>
      {actions && <Group gap="xs">{actions}</Group>}
      <DataList labelWidth="120px">
        <Item label="Status">
          <Group gap="xs">
            <DeliveryStatusBadge delivery={delivery} />
            {delivery.nextAttemptAt && (
              <Text size="xs" c="dimmed">
                next attempt {formatFull(delivery.nextAttemptAt)}
              </Text>
            )}
          </Group>
        </Item>
        <Item label="Delivery id">{text(delivery.id, true)}</Item>
        <Item label="Webhook">{text(delivery.webhookName ?? delivery.webhookId)}</Item>
        <Item label="Event">{text(`${delivery.eventType}${delivery.isTest ? ' (test)' : ''}`)}</Item>
        <Item label="Event id">{text(delivery.eventId, true)}</Item>
        <Item label="Case">
          {delivery.caseId && links ? (
            <Anchor component={Link} to={`/cases/${delivery.caseId}`} size="sm">
              Open the case
            </Anchor>
          ) : (
            text(delivery.caseId, true)
          )}
        </Item>
        <Item label="Created">{text(formatFull(delivery.createdAt))}</Item>
        {delivery.completedAt && <Item label="Finished">{text(formatFull(delivery.completedAt))}</Item>}
      </DataList>
      <Divider />
      <Title order={5}>Attempts ({attempts.length})</Title>
      <AttemptTimeline attempts={attempts} selectedId={selectedAttemptId} onSelect={onSelectAttempt} />
      <Divider />
      {attempt}
    </Stack>
  );
}
