// Checks a column → field mapping against the file's columns and the import's fields, and turns it into a
// plan: which column(s) feed each field. Every problem is reported at once, each under `mapping.<column>`.
import type { ImportKind, ImportMapping, ImportTarget } from '../../shared/contract/transfer';
import { AppError, describeIssues, type FieldIssue } from '../../shared/result';
import { CUSTOM_PREFIX } from './import-targets';

export interface ImportPlan {
  kind: ImportKind;
  columns: string[];
  /** Field → the column indexes that feed it (one, except for multiple-valued fields). */
  sources: Map<string, number[]>;
  /** Mapped custom fields: key → column index. */
  custom: Map<string, number>;
  /** Field → label, for reject reasons. */
  labels: Map<string, string>;
}

/** The plan for `mapping`, or an AppError naming every unknown column or field and every missing one. */
export function planImport(kind: ImportKind, columns: readonly string[], targets: readonly ImportTarget[], mapping: ImportMapping): ImportPlan {
  const byField = new Map(targets.map((t) => [t.field, t]));
  const columnIndex = new Map(columns.map((c, i) => [c, i]));
  const unknown: FieldIssue[] = [];
  const unknownColumns: string[] = [];
  const sources = new Map<string, number[]>();
  for (const [column, field] of Object.entries(mapping)) {
    const index = columnIndex.get(column);
    if (index === undefined) {
      unknown.push({ path: `mapping.${column}`, message: `the file has no column "${column}"` });
      unknownColumns.push(column);
      continue;
    }
    if (field === null) continue;
    if (!byField.has(field)) {
      unknown.push({ path: `mapping.${column}`, message: `unknown field "${field}"` });
      continue;
    }
    sources.set(field, [...(sources.get(field) ?? []), index]);
  }
  if (unknown.length > 0) {
    const valid = unknownColumns.length === unknown.length ? [...columns] : targets.map((t) => t.field);
    throw new AppError('UNPROCESSABLE', `The mapping names things this import doesn't know: ${describeIssues(unknown)}.`, {
      issues: unknown,
      valid,
      columns: [...columns],
      fields: targets.map((t) => t.field),
    });
  }
  const issues: FieldIssue[] = [];
  for (const [field, indexes] of sources) {
    const target = byField.get(field)!;
    if (indexes.length > 1 && !target.multiple) {
      for (const i of indexes.slice(1)) {
        issues.push({ path: `mapping.${columns[i]}`, message: `${target.label} is already mapped from column "${columns[indexes[0]!]}"; map only one column to it` });
      }
    }
  }
  for (const target of targets) {
    if (target.required && !sources.has(target.field)) issues.push({ path: 'mapping', message: `map a column to ${target.label} (required)` });
  }
  if (kind === 'cases' && !sources.has('externalId') && !sources.has('caseNumber')) {
    issues.push({ path: 'mapping', message: 'map a column to External ID or Case number, so that a re-import updates cases instead of duplicating them' });
  }
  if (issues.length > 0) throw new AppError('INVALID_INPUT', `The mapping is incomplete: ${describeIssues(issues)}.`, { issues });
  const custom = new Map<string, number>();
  for (const [field, [index]] of sources) if (field.startsWith(CUSTOM_PREFIX)) custom.set(field.slice(CUSTOM_PREFIX.length), index!);
  return { kind, columns: [...columns], sources, custom, labels: new Map(targets.map((t) => [t.field, t.label])) };
}
