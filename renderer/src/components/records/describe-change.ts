// Turns one stored change row into the lines the History list shows: field label, old value, new value, with
// ids replaced by names and custom field values expanded one field at a time.
import type { ChangeOrigin, CustomField, RecordChange } from '../../../../shared/domain/workspace';
import { EMPTY_VALUE, formatAnyValue, formatFieldValue, optOutLabel } from '../ui/format-value';

export interface ChangeLine {
  /** Stable within one change row. */
  key: string;
  label: string;
  old: string;
  new: string;
}

/** What a change row needs to be read: custom field definitions and names for the ids it mentions. */
export interface ChangeContext {
  fields?: readonly CustomField[];
  campaignName?: (id: string) => string | undefined;
  clientName?: (id: string) => string | undefined;
}

const LABELS: Record<string, string> = {
  caseNumber: 'Case number',
  name: 'Name',
  caseType: 'Case type',
  status: 'Status',
  campaignId: 'Campaign',
  clientIds: 'Clients',
  firstName: 'First name',
  lastName: 'Last name',
  phones: 'Phones',
  emails: 'Emails',
  optOuts: 'Opt-outs',
};

/** Where a change came from, as its badge reads. */
export const ORIGIN_LABELS: Record<ChangeOrigin, string> = {
  ingest: 'Ingest',
  import: 'Import',
  console: 'Console',
  lawruler: 'LawRuler',
  smartadvocate: 'SmartAdvocate',
  demo: 'Demo',
};

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function formatTop(key: string, value: unknown, ctx: ChangeContext): string {
  if (value === null || value === undefined) return EMPTY_VALUE;
  if (key === 'campaignId' && typeof value === 'string') return ctx.campaignName?.(value) ?? value;
  if (key === 'clientIds' && Array.isArray(value)) {
    return value.length === 0 ? EMPTY_VALUE : value.map((id) => (typeof id === 'string' ? (ctx.clientName?.(id) ?? id) : formatAnyValue(id))).join(', ');
  }
  if (key === 'optOuts' && Array.isArray(value)) return value.length === 0 ? EMPTY_VALUE : value.map((c) => optOutLabel(String(c))).join(', ');
  return formatAnyValue(value);
}

function customLines(old: unknown, next: unknown, ctx: ChangeContext): ChangeLine[] {
  const before = asRecord(old);
  const after = asRecord(next);
  const byKey = new Map((ctx.fields ?? []).map((f) => [f.key, f]));
  const position = (key: string) => byKey.get(key)?.position ?? Number.MAX_SAFE_INTEGER;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => !sameValue(before[key], after[key]))
    .sort((a, b) => position(a) - position(b) || a.localeCompare(b));
  return keys.map((key) => {
    const field = byKey.get(key);
    const format = (v: unknown) => (field ? formatFieldValue(field.type, v) : formatAnyValue(v));
    return { key: `customValues.${key}`, label: field?.label ?? key, old: format(before[key]), new: format(after[key]) };
  });
}

/**
 * The lines of one change row. A "created" row lists only the values the record started with (empty ones are
 * left out); an update lists every field that changed.
 */
export function describeChange(change: RecordChange, ctx: ChangeContext = {}): ChangeLine[] {
  const lines: ChangeLine[] = [];
  for (const [key, { old, new: next }] of Object.entries(change.changes)) {
    if (key === 'customValues') lines.push(...customLines(old, next, ctx));
    else lines.push({ key, label: LABELS[key] ?? key, old: formatTop(key, old, ctx), new: formatTop(key, next, ctx) });
  }
  return change.kind === 'created' ? lines.filter((line) => line.new !== EMPTY_VALUE) : lines;
}
