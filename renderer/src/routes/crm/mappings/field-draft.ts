// The field mapping set being edited: the saved set's mappings in order, changed one Kayse field at a time (picked,
// dropped, auto-mapped, its direction, removed), turned back into the save's input, with a plain list of what changed
// and the save's refusals put on the rows they concern (the core's issue paths are `mappings.<index>…`).
import { z } from 'zod';
import type { FieldMappingInput, FieldMappingSet, MappingDirection } from '../../../../../shared/domain/sync';
import { RemoteError } from '../../../../../shared/result';
import { DIRECTION_WORDS } from './mapping-fields';

export interface DraftMapping {
  kayseField: string;
  kayseLabel: string;
  crmFieldId: string;
  crmFieldName: string;
  direction: MappingDirection;
}

export const draftOf = (set: FieldMappingSet | undefined): DraftMapping[] =>
  (set?.mappings ?? []).map((m) => ({ kayseField: m.kayseField, kayseLabel: m.kayseLabel, crmFieldId: m.crmFieldId, crmFieldName: m.crmFieldName, direction: m.direction }));

/**
 * The draft with `kayseField` mapped to `crm` (its first mapping replaced in place, keeping its direction, or a new
 * one added with `direction`), or unmapped when `crm` is null.
 */
export function withMapping(
  draft: DraftMapping[],
  kayse: { key: string; label: string; defaultDirection: MappingDirection },
  crm: { id: string; name: string } | null,
): DraftMapping[] {
  const at = draft.findIndex((m) => m.kayseField === kayse.key);
  if (crm === null) return at < 0 ? draft : draft.filter((_, i) => i !== at);
  const next: DraftMapping = { kayseField: kayse.key, kayseLabel: kayse.label, crmFieldId: crm.id, crmFieldName: crm.name, direction: at < 0 ? kayse.defaultDirection : draft[at]!.direction };
  return at < 0 ? [...draft, next] : draft.map((m, i) => (i === at ? next : m));
}

export function withDirection(draft: DraftMapping[], kayseField: string, direction: MappingDirection): DraftMapping[] {
  const at = draft.findIndex((m) => m.kayseField === kayseField);
  return draft.map((m, i) => (i === at ? { ...m, direction } : m));
}

export const inputOf = (draft: DraftMapping[]): FieldMappingInput[] => draft.map(({ kayseField, crmFieldId, direction }) => ({ kayseField, crmFieldId, direction }));

/** What a save changes, one line per Kayse field, e.g. `Case name → "Matter Name" (added)`. */
export function changesOf(saved: DraftMapping[], draft: DraftMapping[]): string[] {
  const lines: string[] = [];
  const firstOf = (list: DraftMapping[], key: string) => list.find((m) => m.kayseField === key);
  const keys = [...new Set([...saved, ...draft].map((m) => m.kayseField))];
  for (const key of keys) {
    const before = firstOf(saved, key);
    const after = firstOf(draft, key);
    if (!before && after) lines.push(`${after.kayseLabel} → "${after.crmFieldName}" (added)`);
    else if (before && !after) lines.push(`${before.kayseLabel}: "${before.crmFieldName}" removed`);
    else if (before && after && before.crmFieldId !== after.crmFieldId) lines.push(`${after.kayseLabel}: "${before.crmFieldName}" → "${after.crmFieldName}"`);
    else if (before && after && before.direction !== after.direction) lines.push(`${after.kayseLabel}: ${DIRECTION_WORDS[after.direction].replace(/^\w/, (c) => c.toLowerCase())}`);
  }
  return lines;
}

export const sameDraft = (a: DraftMapping[], b: DraftMapping[]) =>
  a.length === b.length && a.every((m, i) => m.kayseField === b[i]!.kayseField && m.crmFieldId === b[i]!.crmFieldId && m.direction === b[i]!.direction);

const issuesSchema = z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) });

/** A save's refusals by the Kayse field of the row they name; what names no row stays general. */
export function refusalsOf(error: Error | null, sent: FieldMappingInput[]): { byField: Record<string, string>; general: string[] } {
  const result = { byField: {} as Record<string, string>, general: [] as string[] };
  if (!error) return result;
  const parsed = error instanceof RemoteError && (error.code === 'INVALID_INPUT' || error.code === 'UNPROCESSABLE') ? issuesSchema.safeParse(error.details) : undefined;
  if (!parsed?.success || parsed.data.issues.length === 0) return { ...result, general: [error.message] };
  for (const { path, message } of parsed.data.issues) {
    const index = /^mappings\.(\d+)/.exec(path);
    const field = index ? sent[Number(index[1])]?.kayseField : undefined;
    if (field === undefined) result.general.push(message);
    else result.byField[field] ??= message;
  }
  return result;
}
