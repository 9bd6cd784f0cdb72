// Both ends of a field mapping described the same way (a label, a value type, its options, the directions it can
// take part in), so one set of type rules serves every pair: Kayse's fields from the workspace's case types, the
// CRM's from the stored catalog plus the CRM record's own fields (names, phone, email).
import type { CrmCatalogView } from '../../shared/domain/crm';
import { CRM_STANDARD_FIELDS, CUSTOM_FIELD_KEY, type KayseBuiltInField } from '../../shared/domain/sync';
import type { CaseType, CustomFieldType } from '../../shared/domain/workspace';

/** The value types both sides share (Kayse's custom field types are the CRM field types). */
export type ValueType = CustomFieldType;

export interface MappedField {
  key: string;
  label: string;
  type: ValueType;
  /** Valid values of a select; empty otherwise. */
  options: string[];
  /** Why values can't come into it from the CRM, when they can't (the mapping must then be to_crm). */
  sendOnly: string | null;
}

export type CrmCatalogField = CrmCatalogView['fields'][number];

/** A CRM field as a mapping sees it, plus the case types it is on (null: all). */
export interface CrmMappedField extends MappedField {
  shortName: string | null;
  caseTypeIds: string[] | null;
  standard: boolean;
}

const BUILT_IN_LABELS: Record<KayseBuiltInField, string> = {
  'case.name': 'Case name',
  'case.type': 'Case type',
  'case.status': 'Case status',
  'client.first_name': 'Client first name',
  'client.last_name': 'Client last name',
  'client.full_name': 'Client full name',
  'client.phone': 'Client phone',
  'client.email': 'Client email',
};

const unique = (values: string[]) => [...new Map(values.map((v) => [v.toLowerCase(), v])).values()];

/** The Kayse field a key names, or null when it doesn't exist (an unknown case type or field key). */
export function kayseField(key: string, caseTypes: CaseType[]): MappedField | null {
  const custom = CUSTOM_FIELD_KEY.exec(key);
  if (custom) {
    const caseType = caseTypes.find((t) => t.id === custom[1]);
    const field = caseType?.fields.find((f) => f.key === custom[2]);
    if (!caseType || !field) return null;
    return { key, label: `${caseType.name} › ${field.label}`, type: field.type, options: field.options, sendOnly: null };
  }
  const label = BUILT_IN_LABELS[key as KayseBuiltInField] as string | undefined;
  if (label === undefined) return null;
  switch (key as KayseBuiltInField) {
    case 'case.type':
      return { key, label, type: 'single_select', options: caseTypes.map((t) => t.name), sendOnly: "a case's type comes from the CRM's case type, not from a field" };
    case 'case.status':
      return {
        key,
        label,
        type: 'single_select',
        options: unique(caseTypes.flatMap((t) => t.statuses.map((s) => s.name))),
        sendOnly: 'a case status comes from the CRM through the status mapping, not from a field',
      };
    case 'client.full_name':
      return { key, label, type: 'text', options: [], sendOnly: 'a full name cannot be split reliably: map first and last name to receive them' };
    default:
      return { key, label, type: 'text', options: [], sendOnly: null };
  }
}

/** Every Kayse field a mapping can name: the built-ins, then the custom fields of the given case types. */
export function kayseFields(caseTypes: CaseType[], customOf: CaseType[] = caseTypes): MappedField[] {
  const builtIns = Object.keys(BUILT_IN_LABELS).map((key) => kayseField(key, caseTypes)!);
  const custom = customOf.flatMap((t) => t.fields.map((f) => kayseField(`custom.${t.id}.${f.key}`, caseTypes)!));
  return [...builtIns, ...custom];
}

const STANDARD_LABELS: Record<(typeof CRM_STANDARD_FIELDS)[number], string> = {
  'standard.first_name': 'First name',
  'standard.last_name': 'Last name',
  'standard.phone': 'Phone',
  'standard.email': 'Email',
};

/** The CRM record's own fields: in every CRM, on every case type, never missing. */
export const CRM_STANDARD: CrmMappedField[] = CRM_STANDARD_FIELDS.map((key) => ({
  key,
  label: STANDARD_LABELS[key],
  type: 'text',
  options: [],
  sendOnly: null,
  shortName: null,
  caseTypeIds: null,
  standard: true,
}));

export function crmFieldOf(field: CrmCatalogField): CrmMappedField {
  return { key: field.id, label: field.name, type: field.type, options: field.options, sendOnly: null, shortName: field.shortName, caseTypeIds: field.caseTypeIds, standard: false };
}

/** The CRM field an id names in the catalog (or a standard field); null when it is not there. */
export function crmField(id: string, catalog: CrmCatalogView | null): CrmMappedField | null {
  const standard = CRM_STANDARD.find((f) => f.key === id);
  if (standard) return standard;
  const field = catalog?.fields.find((f) => f.id === id);
  return field ? crmFieldOf(field) : null;
}

/** True when the field is on the form of `caseTypeId`. */
export const onCaseType = (field: CrmMappedField, caseTypeId: string) => field.caseTypeIds === null || field.caseTypeIds.includes(caseTypeId);
