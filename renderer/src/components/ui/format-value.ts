// How record values read on screen: custom field values by their type, and any value in a change row.
import type { CustomFieldType } from '../../../../shared/domain/workspace';

/** Shown for a value that is not set. */
export const EMPTY_VALUE = '—';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
// Calendar dates are days, not instants: format them in UTC so no timezone moves them by a day.
const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A calendar date (2026-03-01) as "Mar 1, 2026"; anything else unchanged. */
export function formatDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(time) ? value : dateFormat.format(time);
}

/** Any value as one line of text: lists joined, yes/no for booleans, JSON for anything structured. */
export function formatAnyValue(value: unknown): string {
  if (isEmpty(value)) return EMPTY_VALUE;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : formatAnyValue(v))).join(', ');
  return JSON.stringify(value);
}

/** A custom field's value as text, read according to the field's type. */
export function formatFieldValue(type: CustomFieldType, value: unknown): string {
  if (isEmpty(value)) return EMPTY_VALUE;
  switch (type) {
    case 'number':
      return typeof value === 'number' ? numberFormat.format(value) : formatAnyValue(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) : formatAnyValue(value);
    case 'yes_no':
      return value === true ? 'Yes' : value === false ? 'No' : formatAnyValue(value);
    default:
      return formatAnyValue(value);
  }
}

/** The values of a multi-select (or single-select) field as separate tags. */
export function fieldTags(value: unknown): string[] {
  if (isEmpty(value)) return [];
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : formatAnyValue(v)));
  return [formatAnyValue(value)];
}

const OPT_OUT_LABELS: Record<string, string> = { call: 'No calls', sms: 'No SMS', email: 'No email' };

/** "No calls" / "No SMS" / "No email" for an opt-out channel. */
export const optOutLabel = (channel: string): string => OPT_OUT_LABELS[channel] ?? `No ${channel}`;
