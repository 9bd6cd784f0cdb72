// Checks one Kayse case type's status mappings before they are saved: the Kayse statuses are the case type's (each
// once), the CRM statuses and substatuses are in the stored catalog (or already saved and now missing: kept), and
// every CRM status shared by several Kayse statuses has exactly one chosen to set in Kayse. Each refusal names it.
import type { CrmCatalogView } from '../../shared/domain/crm';
import type { SaveStatusMappingsInput } from '../../shared/domain/sync';
import type { CaseType } from '../../shared/domain/workspace';
import type { FieldIssue } from '../../shared/result';
import type { StoredStatusMapping } from './mapping-store';

export interface StatusSetContext {
  catalog: CrmCatalogView | null;
  caseTypes: CaseType[];
  saved: StoredStatusMapping[];
}

type Checked = Omit<StoredStatusMapping, 'kayseCaseTypeId' | 'savedAt'>;

const targetOf = (crmStatusId: string, s: { typeId: string; statusId: string } | null) => (s ? `${crmStatusId}|${s.typeId}|${s.statusId}` : crmStatusId);

export function checkStatusSet(input: SaveStatusMappingsInput, ctx: StatusSetContext): { ok: true; mappings: Checked[] } | { ok: false; issues: FieldIssue[] } {
  const caseType = ctx.caseTypes.find((t) => t.id === input.kayseCaseTypeId);
  if (!caseType) return { ok: false, issues: [{ path: 'kayseCaseTypeId', message: `Kayse has no case type ${input.kayseCaseTypeId}` }] };
  const issues: FieldIssue[] = [];
  const checked: (Checked & { index: number })[] = [];
  const seen = new Set<string>();
  input.mappings.forEach((m, i) => {
    const path = `mappings.${i}`;
    const kayse = caseType.statuses.find((s) => s.id === m.kayseStatusId);
    if (!kayse) {
      issues.push({ path: `${path}.kayseStatusId`, message: `${m.kayseStatusId} → ${m.crmStatusId}: "${caseType.name}" has no status ${m.kayseStatusId}` });
      return;
    }
    if (seen.has(kayse.id)) {
      issues.push({ path: `${path}.kayseStatusId`, message: `"${kayse.name}": a Kayse status maps to one CRM status; it is already mapped above` });
      return;
    }
    seen.add(kayse.id);
    const kept = ctx.saved.find((s) => s.kayseStatusId === m.kayseStatusId && s.crmStatusId === m.crmStatusId && targetOf(s.crmStatusId, s.substatus) === targetOf(m.crmStatusId, m.substatus));
    const crm = ctx.catalog?.statuses.find((s) => s.id === m.crmStatusId);
    if (!crm) {
      if (kept) checked.push({ ...kept, reverseChoice: m.reverseChoice, index: i });
      else {
        const where = ctx.catalog ? "the CRM's statuses have no such id: Refresh CRM fields, or pick one of its statuses" : 'no CRM catalog is stored yet: Connect the CRM first';
        issues.push({ path: `${path}.crmStatusId`, message: `"${kayse.name}" → ${m.crmStatusId}: ${where}` });
      }
      return;
    }
    const pair = `"${kayse.name}" → "${crm.name}"`;
    let substatus: Checked['substatus'] = null;
    if (m.substatus) {
      const types = ctx.catalog!.substatusTypes;
      const type = types.find((t) => t.id === m.substatus!.typeId);
      const status = type?.statuses.find((s) => s.id === m.substatus!.statusId);
      if (!type || !status) {
        if (kept) {
          checked.push({ ...kept, reverseChoice: m.reverseChoice, index: i });
          return;
        }
        const why =
          types.length === 0
            ? 'this CRM has no substatuses (secondary status types are SmartAdvocate\'s)'
            : !type
              ? `the CRM has no secondary status type ${m.substatus.typeId}`
              : `"${type.name}" has no status ${m.substatus.statusId}`;
        issues.push({ path: `${path}.substatus`, message: `${pair}: ${why}` });
        return;
      }
      substatus = { typeId: type.id, typeName: type.name, statusId: status.id, statusName: status.name };
    }
    checked.push({ kayseStatusId: kayse.id, crmStatusId: crm.id, crmStatusName: crm.name, substatus, reverseChoice: m.reverseChoice, index: i });
  });
  issues.push(...reverseIssues(checked, caseType));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, mappings: checked.map(({ index: _index, ...m }) => m) };
}

/** A CRM status (with its substatus) shared by several Kayse statuses needs exactly one of them chosen. */
function reverseIssues(checked: (Checked & { index: number })[], caseType: CaseType): FieldIssue[] {
  const groups = new Map<string, (Checked & { index: number })[]>();
  for (const m of checked) groups.set(targetOf(m.crmStatusId, m.substatus), [...(groups.get(targetOf(m.crmStatusId, m.substatus)) ?? []), m]);
  const issues: FieldIssue[] = [];
  const name = (id: string) => `"${caseType.statuses.find((s) => s.id === id)?.name ?? id}"`;
  for (const group of groups.values()) {
    if (group.length < 2) {
      for (const m of group) m.reverseChoice = false; // one Kayse status: the reverse is plain
      continue;
    }
    const chosen = group.filter((m) => m.reverseChoice);
    const target = `CRM status "${group[0]!.crmStatusName}"${group[0]!.substatus ? ` with "${group[0]!.substatus.statusName}"` : ''}`;
    const kayse = group.map((m) => name(m.kayseStatusId)).join(', ');
    if (chosen.length !== 1) {
      issues.push({
        path: `mappings.${group[0]!.index}.reverseChoice`,
        message:
          chosen.length === 0
            ? `${target} is mapped from ${kayse}: choose which one it sets in Kayse (reverseChoice on exactly one of them)`
            : `${target}: only one of ${kayse} can be the one it sets in Kayse; ${chosen.length} are chosen`,
      });
    }
  }
  return issues;
}
