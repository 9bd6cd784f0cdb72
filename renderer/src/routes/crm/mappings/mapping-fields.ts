// Both ends of a field mapping as the CRM Mappings tab lists them: Kayse's fields (the built-ins, then one Kayse case
// type's custom fields) and the CRM's (its record's own fields, then the catalog's fields on a CRM case type), with
// the words and search the picker and the side list share. The rules that decide whether a pair fits stay in the
// core: a save's refusal names the pair and the reason.
import type { CrmCatalogView } from '../../../../../shared/domain/crm';
import { CRM_STANDARD_FIELDS, KAYSE_BUILT_IN_FIELDS, type KayseBuiltInField, type MappingDirection } from '../../../../../shared/domain/sync';
import type { CaseType, CustomFieldType } from '../../../../../shared/domain/workspace';

export interface KayseFieldRow {
  key: string;
  label: string;
  /** The label in a list of changes: a custom field's with its case type ("Auto Accident › Accident Date"). */
  fullLabel: string;
  type: CustomFieldType;
  options: string[];
  /** The direction a new mapping of it starts with: some built-ins only go to the CRM. */
  defaultDirection: MappingDirection;
}

export interface CrmFieldItem {
  id: string;
  name: string;
  shortName: string | null;
  type: CustomFieldType;
  options: string[];
  /** The CRM record's own fields (names, phone, email): on every case type, never missing. */
  standard: boolean;
}

const BUILT_INS: Record<KayseBuiltInField, { label: string; type: CustomFieldType; toCrmOnly?: true }> = {
  'case.name': { label: 'Case name', type: 'text' },
  'case.type': { label: 'Case type', type: 'single_select', toCrmOnly: true },
  'case.status': { label: 'Case status', type: 'single_select', toCrmOnly: true },
  'client.first_name': { label: 'Client first name', type: 'text' },
  'client.last_name': { label: 'Client last name', type: 'text' },
  'client.full_name': { label: 'Client full name', type: 'text', toCrmOnly: true },
  'client.phone': { label: 'Client phone', type: 'text' },
  'client.email': { label: 'Client email', type: 'text' },
};

const STANDARD_NAMES: Record<(typeof CRM_STANDARD_FIELDS)[number], string> = {
  'standard.first_name': 'First name',
  'standard.last_name': 'Last name',
  'standard.phone': 'Phone',
  'standard.email': 'Email',
};

export const TYPE_WORDS: Record<CustomFieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  yes_no: 'Yes/no',
  single_select: 'Single select',
  multi_select: 'Multi-select',
};

export const DIRECTION_WORDS: Record<MappingDirection, string> = { both: 'Both ways', to_crm: 'To the CRM only', from_crm: 'From the CRM only' };

/** The Kayse fields of the table: the built-ins, then the custom fields of `caseType` (in their order). */
export function kayseFieldsOf(caseType: CaseType | null, caseTypes: CaseType[]): KayseFieldRow[] {
  const builtIns = KAYSE_BUILT_IN_FIELDS.map((key) => {
    const b = BUILT_INS[key];
    const options = key === 'case.type' ? caseTypes.map((t) => t.name) : key === 'case.status' ? (caseType?.statuses.map((s) => s.name) ?? []) : [];
    return { key, label: b.label, fullLabel: b.label, type: b.type, options, defaultDirection: b.toCrmOnly ? ('to_crm' as const) : ('both' as const) };
  });
  const custom = [...(caseType?.fields ?? [])]
    .sort((a, b) => a.position - b.position)
    .map((f) => ({ key: `custom.${caseType!.id}.${f.key}`, label: f.label, fullLabel: `${caseType!.name} › ${f.label}`, type: f.type, options: f.options, defaultDirection: 'both' as const }));
  return [...builtIns, ...custom];
}

/** The CRM fields a set may use: the record's own fields, then the catalog's (only those on the case type, for overrides). */
export function crmFieldsFor(catalog: CrmCatalogView | null, crmCaseTypeId: string | null): CrmFieldItem[] {
  const standard = CRM_STANDARD_FIELDS.map((id) => ({ id, name: STANDARD_NAMES[id], shortName: null, type: 'text' as const, options: [], standard: true }));
  const fields = (catalog?.fields ?? [])
    .filter((f) => crmCaseTypeId === null || f.caseTypeIds === null || f.caseTypeIds.includes(crmCaseTypeId))
    .map((f) => ({ id: f.id, name: f.name, shortName: f.shortName, type: f.type, options: f.options, standard: false }));
  return [...standard, ...fields];
}

/** How a CRM field is named in a list: SmartAdvocate's UDF short name first, then its name. */
export const crmFieldLabel = (field: Pick<CrmFieldItem, 'name' | 'shortName'>) => (field.shortName ? `${field.shortName} · ${field.name}` : field.name);

/** A search over a CRM field's name, short name, type and options (case-insensitive, every word must match). */
export function matchesSearch(field: CrmFieldItem, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [field.name, field.shortName ?? '', TYPE_WORDS[field.type], field.id, ...field.options].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

const norm = (value: string) => value.trim().toLowerCase();

/**
 * Select options of both sides without a counterpart (trimmed, case-insensitive, as the core matches them), to show
 * on a row before it is saved; null unless both are selects.
 */
export function unmatchedOptions(kayse: KayseFieldRow, crm: CrmFieldItem): { kayse: string[]; crm: string[] } | null {
  const selects = (t: CustomFieldType) => t === 'single_select' || t === 'multi_select';
  if (!selects(kayse.type) || !selects(crm.type)) return null;
  const crmSet = new Set(crm.options.map(norm));
  const kayseSet = new Set(kayse.options.map(norm));
  return { kayse: kayse.options.filter((o) => !crmSet.has(norm(o))), crm: crm.options.filter((o) => !kayseSet.has(norm(o))) };
}
