// What the push would do with one Kayse case now, worked out without sending or writing anything: where it goes
// (the linked CRM record, or a create in a CRM case type), each mapped value with both sides' names, and which of
// them differ from the last sync. The sample record, the error detail and Apply to all records read it.
import type { SyncMappedValue } from '../../../shared/domain/sync-sample';
import type { CrmRecord } from '../../connectors';
import { caseValues, changedSince, STATUS_KEY } from '../engine/case-values';
import { crmCaseTypeFor, passesFilters, type PushDeps } from '../engine/push-record';
import { crmField, kayseField } from '../mapped-field';

export interface CasePlan {
  caseId: string;
  caseName: string;
  /** create / update: what the push would send; skip: why nothing would be. */
  operation: 'create' | 'update' | 'skip';
  skipReason: string | null;
  crmRecordId: string | null;
  crmCaseTypeId: string | null;
  values: SyncMappedValue[];
}

const STANDARD_PROPS: Record<string, keyof CrmRecord> = { 'standard.first_name': 'firstName', 'standard.last_name': 'lastName', 'standard.phone': 'phone', 'standard.email': 'email' };

/** A CRM record's value of a CRM field key (custom field id, standard.*, or the status). */
export function crmValueOf(record: CrmRecord, key: string): unknown {
  if (key === STATUS_KEY) return { statusId: record.statusId, substatuses: record.substatuses };
  const prop = STANDARD_PROPS[key];
  if (prop) return record[prop] ?? null;
  return record.fields[key] ?? null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Marks each value that differs from the CRM record's (`crmBefore`, or the snapshot when no record is given). */
export function markAgainst(values: SyncMappedValue[], record: CrmRecord): SyncMappedValue[] {
  return values.map((v) => ({ ...v, crmValue: crmValueOf(record, v.crmFieldId), differs: !same(crmValueOf(record, v.crmFieldId), v.value) }));
}

export function planCase(deps: PushDeps, caseId: string): CasePlan | null {
  const record = deps.getCase(caseId);
  if (!record) return null;
  const base = { caseId, caseName: record.name, crmRecordId: null, crmCaseTypeId: null, values: [] };
  const skip = (reason: string): CasePlan => ({ ...base, operation: 'skip', skipReason: reason });
  if (record.unreadable) return skip('The case could not be read.');
  if (record.isDemo !== deps.demoConnection) return skip(record.isDemo ? 'A demo case only goes to the demo connection.' : 'Only demo cases go to the demo connection.');
  if (!passesFilters(record, deps.settings.selective)) return skip('Selective sync leaves this case out (record kinds, case types or statuses).');
  const link = deps.store.link(deps.crm, caseId);
  const intent = link ? null : deps.store.intent(deps.crm, caseId);
  const kayseType = deps.caseTypes.find((t) => t.id === record.caseTypeId);
  const crmCaseTypeId = link?.crmCaseTypeId ?? intent?.crmCaseTypeId ?? (kayseType ? crmCaseTypeFor(kayseType, deps.catalog, deps.overrideScopes) : null);
  if (!crmCaseTypeId) return skip(`No CRM case type matches the Kayse case type "${record.caseType}".`);
  const client = record.clientIds[0] ? (deps.getClient(record.clientIds[0]) ?? null) : null;
  const statusSet = deps.toggles.syncStatuses ? (deps.statusSets.find((s) => s.kayseCaseTypeId === record.caseTypeId) ?? null) : null;
  const mappings = deps.mappingsFor(crmCaseTypeId);
  const values = caseValues({ record, client, caseTypes: deps.caseTypes, catalog: deps.catalog, mappings, statuses: statusSet });
  const snapshot = deps.store.snapshot(deps.crm, caseId);
  const changed = changedSince(values.crm, snapshot?.crmValues ?? null);
  const out: SyncMappedValue[] = [];
  for (const m of mappings) {
    if (!(m.crmFieldId in values.crm)) continue;
    out.push({
      kayseField: m.kayseField,
      kayseLabel: kayseField(m.kayseField, deps.caseTypes)?.label ?? m.kayseField,
      kayseValue: values.kayse[m.kayseField] ?? null,
      crmFieldId: m.crmFieldId,
      crmFieldName: crmField(m.crmFieldId, deps.catalog)?.label ?? m.crmFieldName,
      value: values.crm[m.crmFieldId] ?? null,
      crmValue: snapshot ? (snapshot.crmValues[m.crmFieldId] ?? null) : null,
      differs: m.crmFieldId in changed,
    });
  }
  if (STATUS_KEY in values.crm) {
    out.push({ kayseField: 'case.status', kayseLabel: 'Case status', kayseValue: record.status, crmFieldId: STATUS_KEY, crmFieldName: 'Status', value: values.crm[STATUS_KEY], crmValue: snapshot?.crmValues[STATUS_KEY] ?? null, differs: STATUS_KEY in changed });
  }
  return { ...base, operation: link ? 'update' : 'create', skipReason: null, crmRecordId: link?.crmRecordId ?? null, crmCaseTypeId, values: out };
}
