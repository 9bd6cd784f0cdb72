// How a delivery's state reads in the inspector: succeeded, retrying (pending after a failed attempt), pending,
// sending, failed or cancelled, each with its colour; and the status filter's choices.
import type { MantineColor } from '@mantine/core';
import type { CountUnit } from '../transfer/progress-view';
import type { DeliveryStateFilter, DeliverySummary } from '../../../../shared/contract/webhooks';

/** What bulk actions on deliveries count, for their progress bars. */
export const DELIVERIES: CountUnit = { one: 'delivery', many: 'deliveries' };

export type DeliveryStatus = 'succeeded' | 'retrying' | 'pending' | 'sending' | 'failed' | 'cancelled';

/** The status a person reads: a pending delivery that already had an attempt is retrying. */
export function deliveryStatus(d: Pick<DeliverySummary, 'state' | 'attempts'>): DeliveryStatus {
  if (d.state === 'in_flight') return 'sending';
  if (d.state === 'pending') return d.attempts > 0 ? 'retrying' : 'pending';
  return d.state;
}

export const STATUS_LOOK: Record<DeliveryStatus, { label: string; color: MantineColor }> = {
  succeeded: { label: 'Succeeded', color: 'teal' },
  retrying: { label: 'Retrying', color: 'yellow' },
  pending: { label: 'Pending', color: 'gray' },
  sending: { label: 'Sending', color: 'blue' },
  failed: { label: 'Failed', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'dark' },
};

/** The status filter's choices: the stored states, and retrying (pending after a failed attempt). */
export const STATUS_FILTER_OPTIONS: { value: DeliveryStateFilter; label: string }[] = [
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'retrying', label: 'Retrying' },
  { value: 'pending', label: 'Pending or retrying' },
  { value: 'in_flight', label: 'Sending now' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
];

/** The HTTP status filter's choices: a class of statuses, or no response at all. */
export const HTTP_FILTER_OPTIONS = [
  { value: '2xx', label: '2xx success' },
  { value: '3xx', label: '3xx redirect' },
  { value: '4xx', label: '4xx client error' },
  { value: '5xx', label: '5xx server error' },
  { value: 'none', label: 'No response' },
] as const;

const ERROR_CLASS_LABELS: Record<string, string> = {
  timeout: 'No answer in time',
  dns: 'Host name lookup failed',
  connect: 'Could not connect',
  tls: 'Secure connection failed',
  http_status: 'Error status',
  redirect: 'Redirect',
  blocked_address: 'Blocked address',
};

/** "Could not connect", "No answer in time"… for an attempt's error class (the stored class values never change). */
export const errorClassLabel = (errorClass: string): string => ERROR_CLASS_LABELS[errorClass] ?? errorClass;

/** "in 25 s", "in 3 min", "in 2 h", or "due now" for a time at or before `now`. */
export function formatDueIn(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return iso;
  if (seconds <= 0) return 'due now';
  if (seconds < 90) return `in ${seconds} s`;
  if (seconds < 90 * 60) return `in ${Math.round(seconds / 60)} min`;
  return `in ${Math.round(seconds / 3600)} h`;
}

/** "850 ms", "12.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
