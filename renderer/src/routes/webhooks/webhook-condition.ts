// One word for a webhook's state (deactivated by its receiver, off, circuit open, failing, healthy, idle), shared
// by the list's health column and the edit page's banner, and the numbers of its last 24 hours as text.
import type { WebhookView } from '../../../../shared/contract/webhooks';

export type WebhookCondition = 'deactivated' | 'inactive' | 'circuit_open' | 'failing' | 'healthy' | 'idle';

/** The state that matters most to an admin, worst first. */
export function conditionOf(webhook: Pick<WebhookView, 'active' | 'deactivatedReason' | 'health'>): WebhookCondition {
  if (webhook.deactivatedReason !== null) return 'deactivated';
  if (!webhook.active) return 'inactive';
  if (webhook.health.circuit.state === 'open') return 'circuit_open';
  if (webhook.health.failingSince !== null) return 'failing';
  return webhook.health.lastDeliveryAt === null ? 'idle' : 'healthy';
}

export const CONDITION_LOOK: Record<WebhookCondition, { label: string; color: string }> = {
  deactivated: { label: 'Deactivated by receiver', color: 'red' },
  inactive: { label: 'Off', color: 'gray' },
  circuit_open: { label: 'Circuit open', color: 'orange' },
  failing: { label: 'Failing', color: 'red' },
  healthy: { label: 'Healthy', color: 'green' },
  idle: { label: 'No deliveries yet', color: 'gray' },
};

/** "100 %", "98.5 %", "—" without attempts. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  const percent = Math.round(rate * 1000) / 10;
  return `${percent.toLocaleString('en-US', { maximumFractionDigits: 1 })} %`;
}

/** "98.5 % of 200 attempts" over the last 24 hours, or "No attempts in 24 h". */
export function describeRate(health: Pick<WebhookView['health'], 'successRate24h' | 'attempts24h'>): string {
  if (health.attempts24h === 0) return 'No attempts in 24 h';
  return `${formatRate(health.successRate24h)} of ${health.attempts24h.toLocaleString('en-US')} attempt${health.attempts24h === 1 ? '' : 's'}`;
}
