// How the simulated portal reads a posted lead form: names case-insensitive like ASP.NET's form collection, case type
// and status by name, custom fields checked against their type and options (stored as the portal's text: US dates,
// Yes/No, "A, B" lists), and the error LawRuler would put in a 200 (ASSUMED `{ success:false, error, field }`).
import type { SimCatalog, SimField } from './sim-catalog';
import type { SimLead } from './sim-leads';

export interface FormError {
  error: string;
  field?: string;
}

/** What a form changes on a lead: plain properties and custom values. */
export interface LeadPatch {
  caseTypeId?: number;
  statusId?: number;
  firstName?: string;
  lastName?: string;
  cellPhone?: string;
  email?: string;
  summary?: string;
  tags?: string;
  custom: Map<string, string>;
}

/** Form names the portal reads itself; anything else that is not `Custom<id>` is ignored, as LawRuler ignores it. */
const PLAIN: Record<string, keyof Omit<LeadPatch, 'custom' | 'caseTypeId' | 'statusId'>> = {
  firstname: 'firstName',
  lastname: 'lastName',
  cellphone: 'cellPhone',
  email1: 'email',
  summary: 'summary',
  tags: 'tags',
};

/** The form's value of `name`, its case ignored. */
export function formValue(form: URLSearchParams, name: string): string | null {
  for (const [key, value] of form) if (key.toLowerCase() === name.toLowerCase()) return value;
  return null;
}

function customText(field: SimField, value: string): string | FormError {
  const bad = (what: string): FormError => ({ error: `Invalid value '${value}' for ${field.name}: ${what}.`, field: field.id });
  if (value === '') return '';
  switch (field.type) {
    case 'Text':
      return value;
    case 'Number':
      return /^-?\d+(\.\d+)?$/.test(value) ? value : bad('expected a number');
    case 'Date': {
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
      const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : us ? [us[3]!, us[1]!, us[2]!] : [];
      if (!y || !m || !d) return bad('expected a date');
      const at = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
      if (at.getUTCDate() !== Number(d) || at.getUTCMonth() !== Number(m) - 1) return bad('no such date');
      return `${m.padStart(2, '0')}/${d.padStart(2, '0')}/${y}`;
    }
    case 'YesNo':
      if (/^(yes|true)$/i.test(value)) return 'Yes';
      if (/^(no|false)$/i.test(value)) return 'No';
      return bad('expected Yes or No');
    case 'Dropdown':
      return field.options.find((o) => o.toLowerCase() === value.toLowerCase()) ?? bad(`expected one of ${field.options.join(', ')}`);
    case 'MultiSelect': {
      const picked = value.split(',').map((v) => v.trim());
      const known = picked.map((v) => field.options.find((o) => o.toLowerCase() === v.toLowerCase()));
      if (known.some((o) => o === undefined)) return bad(`expected some of ${field.options.join(', ')}`);
      return known.join(', ');
    }
  }
}

/** Reads a posted form against the lead's case type (`lead` null: a create, whose case type the form names). */
export function readLeadForm(form: URLSearchParams, catalog: SimCatalog, lead: SimLead | null): LeadPatch | FormError {
  const patch: LeadPatch = { custom: new Map() };
  const caseTypeName = formValue(form, 'CaseType');
  if (lead === null) {
    const caseType = caseTypeName === null ? undefined : catalog.caseTypeByName(caseTypeName);
    if (!caseType) return { error: `Invalid Case Type '${caseTypeName ?? ''}'.`, field: 'CaseType' };
    patch.caseTypeId = caseType.id;
  }
  const statusName = formValue(form, 'Status');
  if (statusName !== null) {
    const status = catalog.statusByName(statusName);
    if (!status) return { error: `Invalid Status '${statusName}'.`, field: 'Status' };
    patch.statusId = status.id;
  }
  const caseTypeId = lead?.caseTypeId ?? patch.caseTypeId!;
  for (const [key, value] of form) {
    const plain = PLAIN[key.toLowerCase()];
    if (plain) {
      patch[plain] = value.trim();
      continue;
    }
    if (!/^custom\d+$/i.test(key)) continue;
    const field = catalog.fieldOn(caseTypeId, key);
    if (!field) return { error: `Field '${key}' is not on the ${catalog.caseTypeName(caseTypeId)} form.`, field: key };
    const text = customText(field, value.trim());
    if (typeof text !== 'string') return text;
    patch.custom.set(field.id, text);
  }
  if (lead === null) {
    for (const [name, value, label] of [
      ['FirstName', patch.firstName, 'First name'],
      ['LastName', patch.lastName, 'Last name'],
      ['CellPhone', patch.cellPhone, 'Cell phone'],
      ['Email1', patch.email, 'Email'],
    ] as const) {
      if (!value) return { error: `${label} is required.`, field: name };
    }
  }
  return patch;
}

/** Applies a read form to a lead. */
export function applyPatch(lead: SimLead, patch: LeadPatch): void {
  if (patch.statusId !== undefined) lead.statusId = patch.statusId;
  if (patch.firstName !== undefined) lead.firstName = patch.firstName;
  if (patch.lastName !== undefined) lead.lastName = patch.lastName;
  if (patch.cellPhone !== undefined) lead.cellPhone = patch.cellPhone;
  if (patch.email !== undefined) lead.email = patch.email;
  if (patch.summary !== undefined) lead.summary = patch.summary;
  if (patch.tags !== undefined) lead.tags = patch.tags;
  for (const [id, text] of patch.custom) {
    if (text === '') lead.custom.delete(id);
    else lead.custom.set(id, text);
  }
}
