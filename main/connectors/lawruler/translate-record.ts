// A LawRuler lead in our words and back: the wire lead → CrmRecord, and a CrmRecordInput / CrmChanges → the form
// fields a create or update posts (case type and status by name, as LawRuler's create and update take them; custom
// fields as `Custom<id>`; the idempotency marker as a tag).
import { CrmError } from '../crm/errors';
import type { CrmChanges, CrmRecord, CrmRecordInput, CrmSubstatus, CrmValue } from '../crm/types';
import { isReservedFormName, type LeadForm } from './classic-api';
import type { CatalogIndex } from './translate-catalog';
import { fromWireValue, toWireValue } from './field-values';
import type { WireLead } from './wire-schemas';

/**
 * The tag that carries the console's idempotency marker. ASSUMED: LawRuler keeps Tags (a public create field) as
 * posted and lets the Advanced API look leads up by tag; a tag is visible but harmless, where LeadProvider would
 * skew the firm's marketing reports and a custom field would need one created in every case type.
 */
export const MARKER_TAG_PREFIX = 'kayse:';
const MARKER = /^[A-Za-z0-9._:-]{1,120}$/;

const rejected = (operation: string, field: string, message: string) => new CrmError({ crm: 'lawruler', kind: 'rejected', operation, field }, message);

/** The tag for `marker`; markers are ours, but one with a comma would split into two tags. */
export function markerTag(marker: string, operation: string): string {
  if (!MARKER.test(marker)) throw rejected(operation, 'Tags', `The marker "${marker}" can't be a LawRuler tag (letters, digits, '.', '_', ':' and '-', at most 120).`);
  return `${MARKER_TAG_PREFIX}${marker}`;
}

/** The console's marker among a lead's tags, or null. */
export function markerOf(tags: string | null): string | null {
  for (const tag of (tags ?? '').split(',')) {
    const t = tag.trim();
    if (t.toLowerCase().startsWith(MARKER_TAG_PREFIX)) return t.slice(MARKER_TAG_PREFIX.length);
  }
  return null;
}

/** The lead in our words; custom values typed by the catalog. */
export function toCrmRecord(lead: WireLead, index: CatalogIndex, operation: string): CrmRecord {
  const fields: Record<string, CrmValue> = {};
  for (const [wireId, raw] of Object.entries(lead.CustomFields)) {
    const field = index.field(wireId);
    fields[field?.id ?? wireId] = fromWireValue(field, wireId, raw, operation);
  }
  return {
    id: lead.LeadID,
    caseNumber: lead.CaseNumber,
    caseTypeId: lead.CaseTypeID,
    statusId: lead.StatusID,
    // LawRuler's SubStatus is free text without status types: not a substatus the engine can map.
    substatuses: [],
    firstName: lead.FirstName,
    lastName: lead.LastName,
    phone: lead.CellPhone,
    email: lead.Email1,
    fields,
    marker: markerOf(lead.Tags),
    createdAt: lead.CreatedDate,
    modifiedAt: lead.ModifiedDate,
  };
}

/** `Custom1234` for a field id of the catalog; reserved, foreign and unknown ids are refused before sending. */
function customFormName(id: string, index: CatalogIndex, operation: string): string {
  if (isReservedFormName(id)) throw rejected(operation, id, `"${id}" can't be a LawRuler custom field: LawRuler's API reserves that name.`);
  const field = index.field(id);
  if (!field) throw rejected(operation, id, `LawRuler has no custom field "${id}" (missing in the CRM, or not a Custom<id> field): refresh the CRM fields and fix the mapping.`);
  return field.id;
}

function customFields(values: Record<string, CrmValue> | undefined, index: CatalogIndex, operation: string): LeadForm {
  const form: LeadForm = [];
  for (const [id, value] of Object.entries(values ?? {})) {
    const name = customFormName(id, index, operation);
    form.push([name, toWireValue(index.field(name)!, value, operation)]);
  }
  return form;
}

function noSubstatuses(substatuses: CrmSubstatus[] | undefined, operation: string): void {
  if (substatuses && substatuses.length > 0) throw rejected(operation, 'SubStatus', 'LawRuler has no substatus types the console can write; remove the substatus mapping.');
}

function statusName(statusId: string, index: CatalogIndex, operation: string): string {
  const name = index.statusName(statusId);
  if (name === undefined) throw rejected(operation, 'Status', `LawRuler has no status with id ${statusId}: refresh the CRM fields and fix the status mapping.`);
  return name;
}

/** The form of a create; LawRuler requires a name, a cell phone and a primary email. */
export function inputToForm(input: CrmRecordInput, marker: string, index: CatalogIndex, operation: string): LeadForm {
  noSubstatuses(input.substatuses, operation);
  const caseType = index.caseTypeName(input.caseTypeId);
  if (caseType === undefined) throw rejected(operation, 'CaseType', `LawRuler has no case type with id ${input.caseTypeId}: refresh the CRM fields.`);
  const required: [string, string | undefined, string][] = [
    ['FirstName', input.firstName, 'a first name'],
    ['LastName', input.lastName, 'a last name'],
    ['CellPhone', input.phone, 'a cell phone'],
    ['Email1', input.email, 'a primary email'],
  ];
  const form: LeadForm = [];
  for (const [name, value, what] of required) {
    if (!value?.trim()) throw rejected(operation, name, `LawRuler needs ${what} to create a lead.`);
    form.push([name, value]);
  }
  form.push(['CaseType', caseType]);
  if (input.statusId !== undefined) form.push(['Status', statusName(input.statusId, index, operation)]);
  if (input.summary) form.push(['Summary', input.summary]);
  form.push(['Tags', markerTag(marker, operation)]);
  return [...form, ...customFields(input.fields, index, operation)];
}

/** The form of an update: only what changes; a null phone or email is sent empty (ASSUMED: clears it). */
export function changesToForm(changes: CrmChanges, index: CatalogIndex, operation: string): LeadForm {
  noSubstatuses(changes.substatuses, operation);
  const form: LeadForm = [];
  if (changes.statusId !== undefined) form.push(['Status', statusName(changes.statusId, index, operation)]);
  if (changes.firstName !== undefined) form.push(['FirstName', changes.firstName]);
  if (changes.lastName !== undefined) form.push(['LastName', changes.lastName]);
  if (changes.phone !== undefined) form.push(['CellPhone', changes.phone ?? '']);
  if (changes.email !== undefined) form.push(['Email1', changes.email ?? '']);
  return [...form, ...customFields(changes.fields, index, operation)];
}

/** Ids the changes or input name that the catalog doesn't know (a reason to reload it once before refusing). */
export function unknownIds(index: CatalogIndex, what: Partial<Pick<CrmRecordInput, 'caseTypeId' | 'statusId' | 'fields'>>): boolean {
  if (what.caseTypeId !== undefined && index.caseTypeName(what.caseTypeId) === undefined) return true;
  if (what.statusId !== undefined && index.statusName(what.statusId) === undefined) return true;
  return Object.keys(what.fields ?? {}).some((id) => !isReservedFormName(id) && index.field(id) === undefined);
}
