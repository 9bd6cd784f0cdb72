// The wizard's column mapping: which mapping to start from (remembered, else suggested) and what still stops
// it from being used, checked as the user edits so that the host's refusal is never the first they hear of it.
import type { ImportInspection, ImportKind, ImportMapping, ImportTarget } from '../../../../shared/contract/transfer';

export type MappingOrigin = 'remembered' | 'suggested';

/** Column → field, restricted to this file's columns and to fields the import knows. */
function restrict(columns: readonly string[], targets: readonly ImportTarget[], mapping: ImportMapping): ImportMapping {
  const known = new Set(targets.map((t) => t.field));
  return Object.fromEntries(columns.map((column) => {
    const field = mapping[column] ?? null;
    return [column, field !== null && known.has(field) ? field : null];
  }));
}

/** The mapping to preselect: the one remembered for this file layout when there is one, else the suggestion. */
export function initialMapping(inspection: ImportInspection): { mapping: ImportMapping; origin: MappingOrigin } {
  const { columns, targets, rememberedMapping, suggestedMapping } = inspection;
  if (rememberedMapping) {
    const mapping = restrict(columns, targets, rememberedMapping);
    if (Object.values(mapping).some((field) => field !== null)) return { mapping, origin: 'remembered' };
  }
  return { mapping: restrict(columns, targets, suggestedMapping), origin: 'suggested' };
}

export interface MappingProblems {
  /** Column → why its choice can't stand (its field is already fed by another column). */
  columns: Record<string, string>;
  /** What the mapping as a whole lacks (required fields nobody maps). */
  general: string[];
}

/** Everything that would make the host refuse `mapping`; empty lists when it can be used. */
export function mappingProblems(kind: ImportKind, columns: readonly string[], targets: readonly ImportTarget[], mapping: ImportMapping): MappingProblems {
  const byField = new Map(targets.map((t) => [t.field, t]));
  const firstColumn = new Map<string, string>();
  const problems: MappingProblems = { columns: {}, general: [] };
  for (const column of columns) {
    const field = mapping[column] ?? null;
    const target = field === null ? undefined : byField.get(field);
    if (!target) continue;
    const first = firstColumn.get(target.field);
    if (first === undefined) firstColumn.set(target.field, column);
    else if (!target.multiple) problems.columns[column] = `${target.label} is already mapped from "${first}": map only one column to it, or leave this one out`;
  }
  const missing = targets.filter((t) => t.required && !firstColumn.has(t.field)).map((t) => t.label);
  if (missing.length > 0) problems.general.push(`Map a column to ${listOf(missing)} (required).`);
  if (kind === 'cases' && !firstColumn.has('externalId') && !firstColumn.has('caseNumber')) {
    problems.general.push('Map a column to External ID or Case number, so that importing the file again updates its cases instead of duplicating them.');
  }
  return problems;
}

/** True when no problem stands in the way. */
export const isUsable = (problems: MappingProblems): boolean => problems.general.length === 0 && Object.keys(problems.columns).length === 0;

/** Whether the wizard should ask which system the external IDs come from: they are mapped, their source is not. */
export function needsExternalSource(mapping: ImportMapping): boolean {
  const fields = new Set(Object.values(mapping));
  return !fields.has('externalSource') && (fields.has('externalId') || fields.has('clientExternalId'));
}

/** Columns that will be imported, i.e. mapped to a field. */
export const mappedCount = (mapping: ImportMapping): number => Object.values(mapping).filter((field) => field !== null).length;

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
