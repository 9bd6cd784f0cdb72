// A CRM record in Kayse's terms, field by field, for the decision: each mapped field's Kayse value now, the CRM's value
// now, and each converted to the other side's type (undefined when it has no counterpart, e.g. an option the other
// side lacks). Date-only values keep the calendar day the CRM wrote, whatever the company's timezone: a date is never
// read as an instant. The status is a pseudo field (`$status`) read through the reverse status mapping.
import type { CrmCatalogView } from '../../../shared/domain/crm';
import type { FieldMappingView, StatusMappingSet } from '../../../shared/domain/sync';
import type { Case, CaseType, Client } from '../../../shared/domain/workspace';
import type { CrmRecord } from '../../connectors';
import { crmField, kayseField, type CrmMappedField, type MappedField } from '../mapped-field';
import { kayseStatusFor } from '../status-mappings';
import { matchOptions } from '../type-rules';
import { caseValues, STATUS_KEY } from './case-values';
import { isEmpty, type FieldInput } from './decide';

const norm = (s: string) => s.trim().toLowerCase();
const DATE = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;

/** The CRM record's value of one CRM field (its own fields for `standard.*`). */
export function crmValueOf(record: CrmRecord, crmFieldId: string): unknown {
  switch (crmFieldId) {
    case 'standard.first_name':
      return record.firstName;
    case 'standard.last_name':
      return record.lastName;
    case 'standard.phone':
      return record.phone;
    case 'standard.email':
      return record.email;
  }
  return record.fields[crmFieldId] ?? null;
}

/** One CRM value as the Kayse field takes it; undefined when it can't be (a value of another type, an unmatched option). */
export function toKayseValue(value: unknown, kayse: MappedField, crm: CrmMappedField): unknown {
  if (isEmpty(value)) return kayse.type === 'multi_select' ? [] : null;
  const option = (v: unknown): string | undefined => {
    const text = String(v);
    const pairs = crm.options.length > 0 ? matchOptions(kayse.options, crm.options).matched : kayse.options.map((o) => ({ kayse: o, crm: o }));
    return pairs.find((p) => norm(p.crm) === norm(text))?.kayse;
  };
  switch (kayse.type) {
    case 'text':
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      if (Array.isArray(value)) return value.join(', ');
      return String(value);
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'date': {
      // The calendar day as the CRM wrote it ("2026-03-14" or "2026-03-14T00:00:00"), never shifted by a zone.
      const day = typeof value === 'string' ? DATE.exec(value.trim()) : null;
      return day ? day[1] : undefined;
    }
    case 'yes_no': {
      if (typeof value === 'boolean') return value;
      const word = norm(String(value));
      if (['yes', 'true', '1', 'y'].includes(word)) return true;
      if (['no', 'false', '0', 'n'].includes(word)) return false;
      return undefined;
    }
    case 'single_select':
      return option(Array.isArray(value) ? value[0] : value);
    case 'multi_select': {
      const values = (Array.isArray(value) ? value : [value]).map(option);
      return values.every((v) => v !== undefined) ? values : undefined;
    }
  }
}

export interface LinkContext {
  record: Case;
  client: Client | null;
  caseTypes: CaseType[];
  catalog: CrmCatalogView | null;
  /** The mappings of the record's CRM case type in use (every direction; none missing). */
  mappings: FieldMappingView[];
  /** The status mappings of the case's Kayse case type when statuses are synced; null otherwise. */
  statuses: StatusMappingSet | null;
}

/** The status as a comparable value: the CRM status and the substatuses of types the mappings use. */
function crmStatusValue(set: StatusMappingSet, statusId: string, substatuses: CrmRecord['substatuses']) {
  const types = new Set(set.mappings.flatMap((m) => (m.substatus ? [m.substatus.typeId] : [])));
  const held = substatuses.filter((s) => types.has(s.typeId)).map((s) => ({ typeId: s.typeId, statusId: s.statusId }));
  return { statusId, substatuses: held.sort((a, b) => a.typeId.localeCompare(b.typeId)) };
}

/** The status pseudo field of a link, or null when statuses are not synced or the CRM record has none. */
function statusField(c: LinkContext, crm: CrmRecord): FieldInput | null {
  const set = c.statuses;
  if (!set || !crm.statusId) return null;
  const type = c.caseTypes.find((t) => t.id === c.record.caseTypeId);
  const mine = set.mappings.find((m) => m.kayseStatusId === c.record.statusId && !m.missing);
  const reverse = kayseStatusFor(set, crm.statusId, crm.substatuses);
  const reverseName = reverse ? type?.statuses.find((s) => s.id === reverse)?.name : undefined;
  return {
    kayseField: 'case.status',
    crmFieldId: STATUS_KEY,
    direction: 'both',
    kayse: c.record.status,
    crm: crmStatusValue(set, crm.statusId, crm.substatuses),
    kayseAsCrm: mine ? { statusId: mine.crmStatusId, substatuses: mine.substatus ? [{ typeId: mine.substatus.typeId, statusId: mine.substatus.statusId }] : [] } : undefined,
    crmAsKayse: reverseName,
  };
}

/** Every mapped field of a linked case with its CRM record, ready for decideFields. */
export function linkFields(c: LinkContext, crm: CrmRecord): FieldInput[] {
  const own = c.mappings.filter((m) => !m.kayseField.startsWith('custom.') || m.kayseField.startsWith(`custom.${c.record.caseTypeId}.`));
  const sent = caseValues({ record: c.record, client: c.client, caseTypes: c.caseTypes, catalog: c.catalog, mappings: own, statuses: null });
  const fields: FieldInput[] = [];
  for (const m of own) {
    const kayse = kayseField(m.kayseField, c.caseTypes);
    const crmSide = crmField(m.crmFieldId, c.catalog);
    // A mapped field gone from either side is marked missing and not used; the others still sync.
    if (!kayse || !crmSide || m.kayseField === 'case.status') continue;
    const value = crmValueOf(crm, m.crmFieldId);
    fields.push({
      kayseField: m.kayseField,
      crmFieldId: m.crmFieldId,
      // A field the CRM can't set (case type, full name) only ever goes to the CRM.
      direction: kayse.sendOnly ? 'to_crm' : m.direction,
      kayse: sent.kayse[m.kayseField] ?? null,
      crm: value,
      kayseAsCrm: m.crmFieldId in sent.crm ? sent.crm[m.crmFieldId] : undefined,
      crmAsKayse: kayse.sendOnly ? undefined : toKayseValue(value, kayse, crmSide),
    });
  }
  const status = statusField(c, crm);
  if (status) fields.push(status);
  return fields;
}

/** What a CRM record brings to a new Kayse case of `kayseType`: mapped values in Kayse's terms by field key. */
export function incomingValues(crm: CrmRecord, kayseType: CaseType, caseTypes: CaseType[], catalog: CrmCatalogView | null, mappings: FieldMappingView[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of mappings) {
    if (m.direction === 'to_crm') continue;
    if (m.kayseField.startsWith('custom.') && !m.kayseField.startsWith(`custom.${kayseType.id}.`)) continue;
    const kayse = kayseField(m.kayseField, caseTypes);
    const crmSide = crmField(m.crmFieldId, catalog);
    if (!kayse || !crmSide || kayse.sendOnly) continue;
    const value = toKayseValue(crmValueOf(crm, m.crmFieldId), kayse, crmSide);
    if (value !== undefined && !isEmpty(value)) out[m.kayseField] = value;
  }
  return out;
}
