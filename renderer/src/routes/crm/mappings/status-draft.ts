// The status mapping of one Kayse case type being edited: one row per Kayse status (its CRM status, SmartAdvocate's
// substatus, whether it is the one its shared CRM status sets in Kayse), the groups of rows sharing a CRM status that
// need that choice, the save's input, what changed, and refusals by row.
import type { z } from 'zod';
import type { saveStatusMappingsInputSchema, StatusMappingSet } from '../../../../../shared/domain/sync';
import type { CaseType } from '../../../../../shared/domain/workspace';
import { refusalsOf } from './field-draft';

export interface StatusRow {
  kayseStatusId: string;
  kayseStatusName: string;
  crmStatusId: string | null;
  substatus: { typeId: string; statusId: string } | null;
  reverseChoice: boolean;
}

type StatusInput = z.input<typeof saveStatusMappingsInputSchema>['mappings'][number];

export function statusRowsOf(caseType: CaseType, set: StatusMappingSet | undefined): StatusRow[] {
  return [...caseType.statuses]
    .sort((a, b) => a.position - b.position)
    .map((s) => {
      const m = set?.mappings.find((x) => x.kayseStatusId === s.id);
      return {
        kayseStatusId: s.id,
        kayseStatusName: s.name,
        crmStatusId: m?.crmStatusId ?? null,
        substatus: m?.substatus ? { typeId: m.substatus.typeId, statusId: m.substatus.statusId } : null,
        reverseChoice: m?.reverseChoice ?? false,
      };
    });
}

export const targetOf = (row: Pick<StatusRow, 'crmStatusId' | 'substatus'>) => (row.substatus ? `${row.crmStatusId}|${row.substatus.typeId}|${row.substatus.statusId}` : `${row.crmStatusId}`);

/** Rows sharing one CRM status (with the same substatus), by target: each such group needs one chosen. */
export function sharedGroups(rows: StatusRow[]): Map<string, StatusRow[]> {
  const groups = new Map<string, StatusRow[]>();
  for (const row of rows.filter((r) => r.crmStatusId !== null)) groups.set(targetOf(row), [...(groups.get(targetOf(row)) ?? []), row]);
  return new Map([...groups].filter(([, g]) => g.length > 1));
}

/** The rows after `kayseStatusId` is made the one its shared CRM status sets (the others of its group unchosen). */
export function chooseReverse(rows: StatusRow[], kayseStatusId: string): StatusRow[] {
  const chosen = rows.find((r) => r.kayseStatusId === kayseStatusId);
  if (!chosen) return rows;
  const target = targetOf(chosen);
  return rows.map((r) => (r.crmStatusId !== null && targetOf(r) === target ? { ...r, reverseChoice: r.kayseStatusId === kayseStatusId } : r));
}

export const statusInputOf = (rows: StatusRow[]): StatusInput[] =>
  rows.flatMap((r) => (r.crmStatusId === null ? [] : [{ kayseStatusId: r.kayseStatusId, crmStatusId: r.crmStatusId, substatus: r.substatus, reverseChoice: r.reverseChoice }]));

export const sameRows = (a: StatusRow[], b: StatusRow[]) => JSON.stringify(statusInputOf(a)) === JSON.stringify(statusInputOf(b));

/** What a save changes, one line per Kayse status, with names from `nameOf` (CRM status or substatus ids). */
export function statusChangesOf(saved: StatusRow[], rows: StatusRow[], nameOf: (row: StatusRow) => string): string[] {
  return rows.flatMap((r) => {
    const before = saved.find((s) => s.kayseStatusId === r.kayseStatusId);
    if (!before || JSON.stringify(statusInputOf([before])) === JSON.stringify(statusInputOf([r]))) return [];
    if (before.crmStatusId === null) return [`${r.kayseStatusName} → ${nameOf(r)} (added)`];
    if (r.crmStatusId === null) return [`${r.kayseStatusName}: ${nameOf(before)} removed`];
    if (targetOf(before) !== targetOf(r)) return [`${r.kayseStatusName}: ${nameOf(before)} → ${nameOf(r)}`];
    return [`${r.kayseStatusName}: ${r.reverseChoice ? `now the one ${nameOf(r)} sets in Kayse` : `no longer the one ${nameOf(r)} sets`}`];
  });
}

/** A save's refusals by Kayse status id (the core's paths are `mappings.<index>…` of what was sent). */
export function statusRefusalsOf(error: Error | null, sent: StatusInput[]) {
  const { byField, general } = refusalsOf(
    error,
    sent.map((m) => ({ kayseField: m.kayseStatusId, crmFieldId: m.crmStatusId, direction: 'both' as const })),
  );
  return { byStatus: byField, general };
}
