// What a Kayse case is in the CRM's terms: the value of each mapped Kayse field (case, primary client, custom
// fields of its case type) converted to the CRM field's type, and its status through the status mapping. The
// pusher compares these with the snapshot, so only what changed since the last sync is sent.
import type { CrmCatalogView } from '../../../shared/domain/crm';
import type { FieldMappingView, StatusMappingSet } from '../../../shared/domain/sync';
import type { Case, CaseType, Client } from '../../../shared/domain/workspace';
import type { CrmChanges, CrmRecordInput, CrmValue } from '../../connectors';
import { crmField, kayseField } from '../mapped-field';
import { matchOptions } from '../type-rules';

/** The status the CRM record should hold; a pseudo field of the snapshot. */
export const STATUS_KEY = '$status';

interface StatusValue {
  statusId: string;
  substatuses: { typeId: string; statusId: string }[];
}

export interface CaseValues {
  /** Kayse field key → its value now. */
  kayse: Record<string, unknown>;
  /** CRM field id (standard.* too) and `$status` → the value the CRM should hold. */
  crm: Record<string, CrmValue | StatusValue>;
}

export interface ValueContext {
  record: Case;
  client: Client | null;
  caseTypes: CaseType[];
  catalog: CrmCatalogView | null;
  /** Mappings the record's CRM case type uses that go to the CRM (both, to_crm), none missing. */
  mappings: FieldMappingView[];
  /** The status mapping of the case's Kayse case type when statuses are synced; null otherwise. */
  statuses: StatusMappingSet | null;
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The Kayse side of one field key. */
function kayseValue(key: string, c: ValueContext): unknown {
  const { record, client } = c;
  switch (key) {
    case 'case.name':
      return record.name;
    case 'case.type':
      return record.caseType;
    case 'case.status':
      return record.status;
    case 'client.first_name':
      return client?.firstName ?? null;
    case 'client.last_name':
      return client?.lastName ?? null;
    case 'client.full_name':
      return client ? `${client.firstName} ${client.lastName}`.trim() : null;
    case 'client.phone':
      return client?.phones[0] ?? null;
    case 'client.email':
      return client?.emails[0] ?? null;
  }
  const [, caseTypeId, fieldKey] = key.split('.');
  // A custom field of another case type has no value on this case.
  if (!key.startsWith('custom.') || caseTypeId !== record.caseTypeId || !fieldKey) return null;
  return record.customValues[fieldKey] ?? null;
}

/** One Kayse value as the CRM field takes it; undefined when it can't be sent (an option the CRM doesn't have). */
function convert(value: unknown, kayseOptions: string[], crmType: string, crmOptions: string[]): CrmValue | undefined {
  if (empty(value)) return crmType === 'multi_select' ? [] : null;
  const options = () => new Map(matchOptions(kayseOptions, crmOptions).matched.map((m) => [m.kayse, m.crm]));
  switch (crmType) {
    case 'text':
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      if (Array.isArray(value)) return value.join(', ');
      return String(value);
    case 'single_select':
      return options().get(String(value));
    case 'multi_select': {
      const match = options();
      return (Array.isArray(value) ? value : [value]).flatMap((v) => match.get(String(v)) ?? []);
    }
    default:
      return value as CrmValue;
  }
}

export function caseValues(c: ValueContext): CaseValues {
  const out: CaseValues = { kayse: {}, crm: {} };
  for (const m of c.mappings) {
    const kayse = kayseField(m.kayseField, c.caseTypes);
    const crm = crmField(m.crmFieldId, c.catalog);
    if (!kayse || !crm) continue;
    const value = kayseValue(m.kayseField, c);
    out.kayse[m.kayseField] = value ?? null;
    const converted = convert(value, kayse.options, crm.type, crm.options);
    if (converted !== undefined) out.crm[m.crmFieldId] = converted;
  }
  const status = c.statuses?.mappings.find((m) => m.kayseStatusId === c.record.statusId && !m.missing);
  if (status) {
    out.kayse['case.status'] = c.record.status;
    out.crm[STATUS_KEY] = { statusId: status.crmStatusId, substatuses: status.substatus ? [{ typeId: status.substatus.typeId, statusId: status.substatus.statusId }] : [] };
  }
  return out;
}

/** The CRM values that differ from the snapshot's (all of them without one). */
export function changedSince(values: CaseValues['crm'], snapshot: Record<string, unknown> | null): CaseValues['crm'] {
  const changed: CaseValues['crm'] = {};
  for (const [key, value] of Object.entries(values)) {
    if (!snapshot || JSON.stringify(snapshot[key] ?? null) !== JSON.stringify(value)) changed[key] = value;
  }
  return changed;
}

const STANDARD = { 'standard.first_name': 'firstName', 'standard.last_name': 'lastName', 'standard.phone': 'phone', 'standard.email': 'email' } as const;

/** CRM values as an update's changes. */
export function toChanges(values: CaseValues['crm']): CrmChanges {
  const changes: CrmChanges = {};
  const fields: Record<string, CrmValue> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === STATUS_KEY) {
      const status = value as StatusValue;
      changes.statusId = status.statusId;
      if (status.substatuses.length > 0) changes.substatuses = status.substatuses;
    } else if (key in STANDARD) {
      const prop = STANDARD[key as keyof typeof STANDARD];
      const text = typeof value === 'string' && value !== '' ? value : null;
      if (prop === 'phone' || prop === 'email') changes[prop] = text;
      else if (text !== null) changes[prop] = text;
    } else fields[key] = value as CrmValue;
  }
  if (Object.keys(fields).length > 0) changes.fields = fields;
  return changes;
}

/** A create: the mapped values, the person from the primary client where the standard fields are not mapped. */
export function toCreateInput(values: CaseValues['crm'], crmCaseTypeId: string, client: Client | null, record: Case): CrmRecordInput {
  const changes = toChanges(values);
  const phone = changes.phone ?? client?.phones[0];
  const email = changes.email ?? client?.emails[0];
  const fields = Object.fromEntries(Object.entries(changes.fields ?? {}).filter(([, v]) => !empty(v)));
  return {
    caseTypeId: crmCaseTypeId,
    ...(changes.statusId === undefined ? {} : { statusId: changes.statusId }),
    ...(changes.substatuses ? { substatuses: changes.substatuses } : {}),
    firstName: changes.firstName ?? client?.firstName ?? '',
    lastName: changes.lastName ?? client?.lastName ?? '',
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    summary: record.name,
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}
