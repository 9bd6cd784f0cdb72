// LawRuler's catalog in our words: case types, the custom fields of each case type's form (one CrmField per
// `Custom<id>`, listing the case types it is on) and the one list of statuses, plus the look-ups the translation
// needs (status id → the name LawRuler's create and update take; a field id in any spelling → the field).
import type { CrmCatalog, CrmField } from '../crm/types';
import type { WireCaseType, WireField, WireStatus } from './advanced-api';

export interface CatalogIndex {
  catalog: CrmCatalog;
  caseTypeName(id: string): string | undefined;
  statusName(id: string): string | undefined;
  /** The field for `Custom1234`, `custom1234` or `1234`. */
  field(id: string): CrmField | undefined;
}

/** `Custom1234` for any spelling of a custom field id, else null. */
export function canonicalFieldId(id: string): string | null {
  const digits = /^(?:custom)?(\d+)$/i.exec(id.trim())?.[1];
  return digits === undefined ? null : `Custom${digits}`;
}

/** The catalog from the listings; a field on several case types' forms is one field naming each. */
export function toCatalog(caseTypes: WireCaseType[], fieldsByCaseType: [caseTypeId: string, fields: WireField[]][], statuses: WireStatus[]): CrmCatalog {
  const fields = new Map<string, CrmField>();
  for (const [caseTypeId, list] of fieldsByCaseType) {
    for (const wire of list) {
      const id = canonicalFieldId(wire.FieldID)!; // the schema only lets Custom<digits> through
      const known = fields.get(id);
      if (known) {
        known.caseTypeIds = [...(known.caseTypeIds ?? []), caseTypeId];
        continue;
      }
      const options = wire.Type === 'single_select' || wire.Type === 'multi_select' ? wire.Options : [];
      fields.set(id, { id, name: wire.Name, shortName: null, type: wire.Type, options, caseTypeIds: [caseTypeId] });
    }
  }
  return {
    caseTypes: caseTypes.map((t) => ({ id: t.CaseTypeID, name: t.Name })),
    fields: [...fields.values()],
    // Public: LawRuler's statuses are one list (id + name), not one per case type.
    statuses: statuses.map((s) => ({ id: s.StatusID, name: s.Name, caseTypeId: null })),
    substatusTypes: [],
  };
}

export function indexCatalog(catalog: CrmCatalog): CatalogIndex {
  const caseTypes = new Map(catalog.caseTypes.map((t) => [t.id, t.name]));
  const statuses = new Map(catalog.statuses.map((s) => [s.id, s.name]));
  const fields = new Map(catalog.fields.map((f) => [f.id, f]));
  return {
    catalog,
    caseTypeName: (id) => caseTypes.get(id),
    statusName: (id) => statuses.get(id),
    field: (id) => {
      const canonical = canonicalFieldId(id);
      return canonical === null ? undefined : fields.get(canonical);
    },
  };
}
