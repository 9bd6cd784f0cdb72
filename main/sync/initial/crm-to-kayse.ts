// What a CRM record becomes in Kayse when the initial sync creates it there: its primary client (the CRM's person),
// a case of the Kayse case type that pairs with the record's CRM case type (same name, else the one whose custom
// fields that CRM case type's overrides map), its status through the reverse status mapping (else the case type's
// first status), and the custom values of the mappings that may bring values in. Both rows carry the CRM and the
// record's id as their external reference, so a page done twice (after a crash) updates them instead of adding more.
import { z } from 'zod';
import type { CrmCatalogView } from '../../../shared/domain/crm';
import type { CaseUpsert, CaseType, ClientUpsert } from '../../../shared/domain/workspace';
import type { FieldMappingView, StatusMappingSet } from '../../../shared/domain/sync';
import type { CrmRecord, CrmValue } from '../../connectors';
import { STATUS_KEY } from '../engine/case-values';
import { crmField, kayseField } from '../mapped-field';
import { kayseStatusFor } from '../status-mappings';
import { matchOptions } from '../type-rules';

const norm = (s: string) => s.trim().toLowerCase();
/** SmartAdvocate names a case type "Case group › Case type". */
const ownName = (name: string) => name.split('›').at(-1)!;
const emailSchema = z.email();

/** The Kayse case type a CRM case type pairs with, or null when none does (or several would). */
export function kayseCaseTypeFor(crmCaseTypeId: string | null, catalog: CrmCatalogView | null, caseTypes: CaseType[], overrideScopes: Map<string, string[]>): CaseType | null {
  if (!crmCaseTypeId) return null;
  const crmType = catalog?.caseTypes.find((t) => t.id === crmCaseTypeId);
  if (crmType) {
    const byName = caseTypes.filter((k) => norm(k.name) === norm(crmType.name) || norm(k.name) === norm(ownName(crmType.name)));
    if (byName.length === 1) return byName[0]!;
  }
  const ids = new Set((overrideScopes.get(crmCaseTypeId) ?? []).filter((k) => k.startsWith('custom.')).map((k) => k.split('.')[1]!));
  return ids.size === 1 ? (caseTypes.find((k) => ids.has(k.id)) ?? null) : null;
}

/** A CRM value as the Kayse field takes it; undefined when it can't be (an option Kayse doesn't have). */
export function toKayseValue(value: CrmValue | undefined, kayseType: string, kayseOptions: string[], crmOptions: string[]): unknown {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return undefined;
  const options = () => new Map(matchOptions(kayseOptions, crmOptions).matched.map((m) => [m.crm, m.kayse]));
  switch (kayseType) {
    case 'text':
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
    case 'yes_no':
      return typeof value === 'boolean' ? value : undefined;
    case 'single_select':
      return options().get(String(value));
    case 'multi_select': {
      const match = options();
      return (Array.isArray(value) ? value : [String(value)]).flatMap((v) => match.get(v) ?? []);
    }
    default:
      return undefined;
  }
}

/** A phone as Kayse keeps it: E.164 for a North American number, else as the CRM gave it. */
function kaysePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return phone.trim();
}

export interface CreateContext {
  crm: string;
  catalog: CrmCatalogView | null;
  caseTypes: CaseType[];
  overrideScopes: Map<string, string[]>;
  /** The status mapping of a Kayse case type when statuses are synced; null otherwise. */
  statusSetOf(kayseCaseTypeId: string): StatusMappingSet | null;
  /** Mappings that may bring values into Kayse (both, from_crm), none missing, for a CRM case type. */
  inboundMappingsFor(crmCaseTypeId: string): FieldMappingView[];
}

export type KayseCreate = { client: ClientUpsert; case: Omit<CaseUpsert, 'clientIds'>; caseType: CaseType; statusId: string } | { problem: 'noCaseType' };

export function kayseCreateFor(record: CrmRecord, c: CreateContext): KayseCreate {
  const caseType = kayseCaseTypeFor(record.caseTypeId, c.catalog, c.caseTypes, c.overrideScopes);
  if (!caseType || caseType.statuses.length === 0) return { problem: 'noCaseType' };
  const set = c.statusSetOf(caseType.id);
  const mappedStatus = set && record.statusId ? kayseStatusFor(set, record.statusId, record.substatuses) : null;
  const status = caseType.statuses.find((s) => s.id === mappedStatus) ?? [...caseType.statuses].sort((a, b) => a.position - b.position)[0]!;

  const customValues: Record<string, unknown> = {};
  for (const m of record.caseTypeId ? c.inboundMappingsFor(record.caseTypeId) : []) {
    const [, kayseTypeId, key] = m.kayseField.split('.');
    if (!m.kayseField.startsWith('custom.') || kayseTypeId !== caseType.id || !key || m.crmFieldId === STATUS_KEY) continue;
    const kayse = kayseField(m.kayseField, c.caseTypes);
    const crm = crmField(m.crmFieldId, c.catalog);
    if (!kayse || !crm) continue;
    const value = toKayseValue(record.fields[m.crmFieldId], kayse.type, kayse.options, crm.options);
    if (value !== undefined) customValues[key] = value;
  }

  const first = record.firstName?.trim() || record.lastName?.trim() || `${c.crm} ${record.caseNumber ?? record.id}`;
  const last = record.firstName?.trim() ? (record.lastName?.trim() ?? '') : '';
  const email = record.email && emailSchema.safeParse(record.email.trim()).success ? record.email.trim() : null;
  const phone = record.phone && record.phone.replace(/\D/g, '').length >= 7 ? kaysePhone(record.phone) : null;
  // The same external reference the pull gives the client of a record it creates: the two never make two clients.
  const client: ClientUpsert = { externalSource: c.crm, externalId: record.id, firstName: first, lastName: last, emails: email ? [email] : [], phones: phone ? [phone] : [] };
  const name = `${first} ${last}`.trim();
  return {
    client,
    case: { externalSource: c.crm, externalId: record.id, name, caseType: caseType.name, status: status.name, customValues },
    caseType,
    statusId: status.id,
  };
}

/**
 * What the CRM record holds for each CRM field the push would send (`desired`, from the Kayse case), in the
 * snapshot's terms: its status with only the substatus types the status mapping sets.
 */
export function crmValuesOf(record: CrmRecord, desired: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(desired)) {
    if (key === STATUS_KEY) {
      const types = new Set(((desired[key] as { substatuses?: { typeId: string }[] }).substatuses ?? []).map((s) => s.typeId));
      out[key] = { statusId: record.statusId, substatuses: record.substatuses.filter((s) => types.has(s.typeId)) };
    }
    else if (key === 'standard.first_name') out[key] = record.firstName;
    else if (key === 'standard.last_name') out[key] = record.lastName;
    else if (key === 'standard.phone') out[key] = record.phone;
    else if (key === 'standard.email') out[key] = record.email;
    else out[key] = record.fields[key] ?? null;
  }
  return out;
}
