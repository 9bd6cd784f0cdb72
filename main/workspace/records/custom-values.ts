// Checks custom field values against a case type's field definitions and normalises them (numbers as
// numbers, dates as YYYY-MM-DD, yes/no as booleans), so that every origin stores the same shapes.
import type { CustomField } from '../../../shared/domain/workspace';
import type { FieldIssue } from '../../../shared/result';

const YES = new Set(['true', 'yes', 'y', '1']);
const NO = new Set(['false', 'no', 'n', '0']);

function normalise(field: CustomField, raw: unknown): { value: unknown } | { issue: string } {
  if (raw === null || raw === '') return { value: null };
  switch (field.type) {
    case 'text':
      return typeof raw === 'string' || typeof raw === 'number' ? { value: String(raw) } : { issue: 'expected text' };
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
      return Number.isFinite(n) ? { value: n } : { issue: `expected a number, got ${JSON.stringify(raw)}` };
    }
    case 'date': {
      const s = typeof raw === 'string' ? raw.trim() : '';
      const d = /^\d{4}-\d{2}-\d{2}/.test(s) ? new Date(`${s.slice(0, 10)}T00:00:00Z`) : new Date(NaN);
      return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s.slice(0, 10)
        ? { issue: `expected a date as YYYY-MM-DD, got ${JSON.stringify(raw)}` }
        : { value: s.slice(0, 10) };
    }
    case 'yes_no': {
      if (typeof raw === 'boolean') return { value: raw };
      const s = String(raw).trim().toLowerCase();
      if (YES.has(s)) return { value: true };
      if (NO.has(s)) return { value: false };
      return { issue: `expected yes or no, got ${JSON.stringify(raw)}` };
    }
    case 'single_select': {
      const s = typeof raw === 'string' ? raw.trim() : '';
      const match = field.options.find((o) => o.toLowerCase() === s.toLowerCase());
      return match ? { value: match } : { issue: `expected one of ${field.options.join(', ')}; got ${JSON.stringify(raw)}` };
    }
    case 'multi_select': {
      const items = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[;|]/) : [];
      const values: string[] = [];
      for (const item of items.map((i) => i.trim()).filter(Boolean)) {
        const match = field.options.find((o) => o.toLowerCase() === item.toLowerCase());
        if (!match) return { issue: `"${item}" is not one of ${field.options.join(', ')}` };
        if (!values.includes(match)) values.push(match);
      }
      return { value: values };
    }
  }
}

/** Normalised values, or the issues (one per bad or unknown key, path `customValues.<key>`). */
export function checkCustomValues(
  fields: readonly CustomField[],
  values: Record<string, unknown>,
): { ok: true; values: Record<string, unknown> } | { ok: false; issues: FieldIssue[] } {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const out: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) {
      issues.push({ path: `customValues.${key}`, message: `unknown field; this case type has ${fields.map((f) => f.key).join(', ') || 'no custom fields'}` });
      continue;
    }
    const result = normalise(field, raw);
    if ('issue' in result) issues.push({ path: `customValues.${key}`, message: result.issue });
    else if (result.value !== null) out[key] = result.value;
  }
  return issues.length ? { ok: false, issues } : { ok: true, values: out };
}
