// The webhooks as a table: name and destination, events, scope, Active toggle, health, last delivery and a link to
// the delivery inspector. A row opens the webhook.
import { ActionIcon, Anchor, Badge, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { WebhookView } from '../../../../shared/contract/webhooks';
import { CampaignName } from '../../components/campaign-name';
import { RecordTime } from '../../components/ui/record-time';
import { WebhookActiveSwitch } from './webhook-active-switch';
import { WebhookEventsCell } from './webhook-events-cell';
import { WebhookHealthCell } from './webhook-health-cell';
import { deliveriesPath, webhookPath } from './webhook-paths';

/** "hooks.example.com/kayse" for "https://hooks.example.com/kayse". */
export function shortDestination(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}

function WebhookRow({ webhook, showScope, back }: { webhook: WebhookView; showScope: boolean; back?: string }) {
  const navigate = useNavigate();
  const to = webhookPath(webhook.id);
  const state = back ? { back } : undefined;
  return (
    <Table.Tr data-testid="webhook-row" data-webhook-id={webhook.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(to, { state })}>
      <Table.Td maw={300}>
        <Anchor component={Link} to={to} state={state} fw={500} onClick={(e) => e.stopPropagation()}>
          {webhook.name}
        </Anchor>
        {webhook.isDemo ? (
          <Badge ml="xs" size="xs" color="grape" variant="light" data-testid="webhook-demo-badge">
            Demo
          </Badge>
        ) : (
          webhook.receivesDemo && (
            <Badge ml="xs" size="xs" color="grape" variant="outline" data-testid="webhook-demo-badge" title="Opted in: demo events reach this webhook">
              Receives demo data
            </Badge>
          )
        )}
        <Text size="xs" c="dimmed" ff="monospace" truncate="end" title={webhook.url} data-testid="webhook-destination">
          {shortDestination(webhook.url)}
        </Text>
      </Table.Td>
      <Table.Td>
        <WebhookEventsCell events={webhook.events} />
      </Table.Td>
      {showScope && (
        <Table.Td maw={160} data-testid="webhook-scope">
          {webhook.campaignId === null ? <Text size="sm">Company</Text> : <CampaignName id={webhook.campaignId} />}
        </Table.Td>
      )}
      {/* The switch's label would pass its click on to the row (opening the webhook). */}
      <Table.Td onClick={(e) => e.stopPropagation()}>
        <WebhookActiveSwitch webhook={webhook} />
      </Table.Td>
      <Table.Td>
        <WebhookHealthCell webhook={webhook} />
      </Table.Td>
      <Table.Td>
        {webhook.health.lastDeliveryAt ? (
          <RecordTime iso={webhook.health.lastDeliveryAt} tooltip="native" />
        ) : (
          <Text size="sm" c="dimmed">
            Never
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Tooltip label="Recent deliveries">
          <ActionIcon
            component={Link}
            to={deliveriesPath(webhook.id)}
            variant="subtle"
            color="gray"
            aria-label={`Recent deliveries of ${webhook.name}`}
            onClick={(e) => e.stopPropagation()}
          >
            <IconListDetails size={18} />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}

interface WebhooksTableProps {
  webhooks: readonly WebhookView[];
  /** The Scope column (Company or the campaign); a campaign's own page leaves it out. */
  showScope?: boolean;
  label: string;
  /** Where the edit page's back link should lead (the list by default). */
  back?: string;
}

export function WebhooksTable({ webhooks, showScope = true, label, back }: WebhooksTableProps) {
  return (
    <Table.ScrollContainer minWidth={showScope ? 880 : 760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name and destination</Table.Th>
            <Table.Th>Events</Table.Th>
            {showScope && <Table.Th>Scope</Table.Th>}
            <Table.Th>Active</Table.Th>
            <Table.Th>Health (24 h)</Table.Th>
            <Table.Th>Last delivery</Table.Th>
            <Table.Th>
              <VisuallyHidden>Deliveries</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {webhooks.map((w) => (
            <WebhookRow key={w.id} webhook={w} showScope={showScope} back={back} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
