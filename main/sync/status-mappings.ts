// Status mappings per Kayse case type: each Kayse status → one CRM status (and, for SmartAdvocate, optionally a
// status of a secondary status type). The reverse (CRM status → Kayse status) is derived from the same list; where
// several Kayse statuses share one CRM status (and substatus), the saved choice says which one it sets.
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { CrmCatalogView } from '../../shared/domain/crm';
import type { SaveStatusMappingsInput, StatusMappingSet } from '../../shared/domain/sync';
import type { CaseType } from '../../shared/domain/workspace';
import { AppError, describeIssues } from '../../shared/result';
import { announceChanged } from '../kernel';
import type { MappingDeps } from './field-mappings';
import type { StoredStatusMapping } from './mapping-store';
import { checkStatusSet } from './status-mapping-check';

type Substatus = StoredStatusMapping['substatus'];
const targetKey = (crmStatusId: string, substatus: { typeId: string; statusId: string } | null) =>
  substatus ? `${crmStatusId}|${substatus.typeId}|${substatus.statusId}` : crmStatusId;

/** Why a saved status mapping can't be used now, or null. */
function missingReason(m: StoredStatusMapping, catalog: CrmCatalogView | null, caseType: CaseType | undefined): string | null {
  if (!catalog) return 'no CRM catalog is stored: Connect the CRM or Refresh CRM fields';
  if (!caseType?.statuses.some((s) => s.id === m.kayseStatusId)) return 'the Kayse status no longer exists';
  if (!catalog.statuses.some((s) => s.id === m.crmStatusId)) return `the CRM status "${m.crmStatusName}" (${m.crmStatusId}) is no longer in the CRM: pick another status`;
  if (m.substatus) {
    const type = catalog.substatusTypes.find((t) => t.id === m.substatus!.typeId);
    if (!type) return `the CRM's status type "${m.substatus.typeName}" is gone`;
    if (!type.statuses.some((s) => s.id === m.substatus!.statusId)) return `the substatus "${m.substatus.statusName}" is no longer in "${type.name}"`;
  }
  return null;
}

function substatusView(s: Substatus, catalog: CrmCatalogView | null) {
  if (!s) return null;
  const type = catalog?.substatusTypes.find((t) => t.id === s.typeId);
  const status = type?.statuses.find((x) => x.id === s.statusId);
  return { typeId: s.typeId, typeName: type?.name ?? s.typeName, statusId: s.statusId, statusName: status?.name ?? s.statusName };
}

/** One Kayse case type's status mappings with the derived reverse direction. */
export function statusSetView(kayseCaseTypeId: string, saved: StoredStatusMapping[], catalog: CrmCatalogView | null, caseTypes: CaseType[]): StatusMappingSet {
  const caseType = caseTypes.find((t) => t.id === kayseCaseTypeId);
  const kayseName = (id: string) => caseType?.statuses.find((s) => s.id === id)?.name ?? id;
  const mappings = saved.map((m) => {
    const reason = missingReason(m, catalog, caseType);
    return {
      kayseStatusId: m.kayseStatusId,
      kayseStatusName: kayseName(m.kayseStatusId),
      crmStatusId: m.crmStatusId,
      crmStatusName: catalog?.statuses.find((s) => s.id === m.crmStatusId)?.name ?? m.crmStatusName,
      substatus: substatusView(m.substatus, catalog),
      reverseChoice: m.reverseChoice,
      missing: reason !== null,
      missingReason: reason,
    };
  });
  const groups = new Map<string, typeof mappings>();
  for (const m of mappings) {
    const key = targetKey(m.crmStatusId, m.substatus);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const reverse = [...groups.values()].map((group) => {
    const chosen = group.length === 1 ? group[0]! : (group.find((m) => m.reverseChoice) ?? group[0]!);
    return {
      crmStatusId: chosen.crmStatusId,
      crmStatusName: chosen.crmStatusName,
      substatus: chosen.substatus,
      kayseStatusId: chosen.kayseStatusId,
      kayseStatusName: chosen.kayseStatusName,
      sharedBy: group.map((m) => m.kayseStatusId),
      missing: chosen.missing,
    };
  });
  return { kayseCaseTypeId, kayseCaseTypeName: caseType?.name ?? kayseCaseTypeId, mappings, reverse, savedAt: saved[0]?.savedAt ?? null };
}

/**
 * The Kayse status a CRM record's status sets, by the derived reverse: a mapping whose substatus the record holds
 * first, then the one without a substatus; null when none applies (or it is missing).
 */
export function kayseStatusFor(set: StatusMappingSet, crmStatusId: string, substatuses: { typeId: string; statusId: string }[]): string | null {
  const usable = set.reverse.filter((r) => !r.missing && r.crmStatusId === crmStatusId);
  const held = usable.find((r) => r.substatus && substatuses.some((s) => s.typeId === r.substatus!.typeId && s.statusId === r.substatus!.statusId));
  return (held ?? usable.find((r) => r.substatus === null))?.kayseStatusId ?? null;
}

export function createStatusMappings(deps: MappingDeps) {
  const byCaseType = (crm: CrmConnectorId) => {
    const groups = new Map<string, StoredStatusMapping[]>();
    for (const m of deps.store.statusMappings(crm)) groups.set(m.kayseCaseTypeId, [...(groups.get(m.kayseCaseTypeId) ?? []), m]);
    return groups;
  };
  return {
    /** Every Kayse case type with saved status mappings, by name. */
    list(crm: CrmConnectorId) {
      const { catalog, loadedAt } = deps.catalogOf(crm);
      const caseTypes = deps.caseTypes();
      const sets = [...byCaseType(crm)].map(([id, saved]) => statusSetView(id, saved, catalog, caseTypes));
      return { crm, catalogLoadedAt: loadedAt, caseTypes: sets.sort((a, b) => a.kayseCaseTypeName.localeCompare(b.kayseCaseTypeName)) };
    },
    /** Replaces one Kayse case type's list after checking it; triggers nothing else. */
    save(input: SaveStatusMappingsInput): StatusMappingSet {
      const { catalog } = deps.catalogOf(input.crm);
      const caseTypes = deps.caseTypes();
      const saved = byCaseType(input.crm).get(input.kayseCaseTypeId) ?? [];
      const checked = checkStatusSet(input, { catalog, caseTypes, saved });
      if (!checked.ok) throw new AppError('INVALID_INPUT', `Check the status mappings: ${describeIssues(checked.issues)}`, { issues: checked.issues });
      const savedAt = deps.clock.now().toISOString();
      const rows = checked.mappings.map((m) => ({ ...m, kayseCaseTypeId: input.kayseCaseTypeId, savedAt }));
      deps.store.replaceStatusSet(input.crm, input.kayseCaseTypeId, rows);
      announceChanged(deps.events, ['sync_status_mappings']);
      return statusSetView(input.kayseCaseTypeId, rows, catalog, caseTypes);
    },
  };
}

export type StatusMappings = ReturnType<typeof createStatusMappings>;
