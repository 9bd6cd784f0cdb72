// Field mappings as the contract sees them: every set with each mapping marked missing or not against the stored
// catalog (computed on read, so a catalog refresh never changes or deletes a saved mapping), saving one set whole,
// and the mappings a record of one CRM case type syncs with.
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { CrmCatalogView } from '../../shared/domain/crm';
import type { FieldMappingSet, FieldMappingView, SaveFieldMappingsInput } from '../../shared/domain/sync';
import type { CaseType } from '../../shared/domain/workspace';
import { AppError, describeIssues } from '../../shared/result';
import { announceChanged, type Clock, type EventBus } from '../kernel';
import { checkFieldSet } from './field-mapping-check';
import { crmField, kayseField, onCaseType } from './mapped-field';
import { DEFAULT_SCOPE, type MappingStore, type StoredFieldMapping } from './mapping-store';
import { checkPair, matchOptions } from './type-rules';

export interface StoredCatalog {
  catalog: CrmCatalogView | null;
  loadedAt: string | null;
}

export interface MappingDeps {
  store: MappingStore;
  /** The stored catalog of a CRM (the last good load merged with LawRuler's field sheets). */
  catalogOf(crm: CrmConnectorId): StoredCatalog;
  caseTypes(): CaseType[];
  clock: Clock;
  events: EventBus;
}

type Source = 'default' | 'case_type';

/** One saved mapping as shown: names from the catalog, missing (with why) when it can't be used now. */
export function fieldMappingView(m: StoredFieldMapping, catalog: CrmCatalogView | null, caseTypes: CaseType[]): FieldMappingView {
  const kayse = kayseField(m.kayseField, caseTypes);
  const crm = crmField(m.crmFieldId, catalog);
  let missingReason: string | null = null;
  if (!crm) {
    missingReason = catalog
      ? `"${m.crmFieldName}" (${m.crmFieldId}) is no longer in the CRM's fields: pick another field or remove the mapping`
      : `no CRM catalog is stored: Connect the CRM or Refresh CRM fields`;
  } else if (!kayse) missingReason = `the Kayse field ${m.kayseField} no longer exists`;
  else if (m.scope !== DEFAULT_SCOPE && !onCaseType(crm, m.scope)) missingReason = `"${crm.label}" is no longer on this case type's form in the CRM`;
  else {
    const fit = checkPair(kayse, crm, m.direction);
    if (!fit.ok) missingReason = `the CRM field changed and no longer fits: ${fit.reason}`;
  }
  const selects = kayse && crm && kayse.type.endsWith('select') && crm.type.endsWith('select');
  return {
    kayseField: m.kayseField,
    kayseLabel: kayse?.label ?? m.kayseField,
    crmFieldId: m.crmFieldId,
    crmFieldName: crm?.label ?? m.crmFieldName,
    direction: m.direction,
    missing: missingReason !== null,
    missingReason,
    options: selects ? matchOptions(kayse.options, crm.options) : null,
  };
}

export function createFieldMappings(deps: MappingDeps) {
  const { store } = deps;

  const setView = (crm: CrmConnectorId, scope: string, saved: StoredFieldMapping[], catalog: CrmCatalogView | null): FieldMappingSet => {
    const caseTypes = deps.caseTypes();
    const mappings = saved.map((m) => fieldMappingView(m, catalog, caseTypes));
    const warnings = mappings.flatMap((m, i) => {
      if (m.missing || !m.options) return [];
      const pair = `"${m.kayseLabel}" → "${m.crmFieldName}"`;
      const out = [];
      if (m.direction !== 'from_crm' && m.options.kayseUnmatched.length > 0) out.push({ path: `mappings.${i}`, message: `${pair}: Kayse options with no CRM option are not sent: ${m.options.kayseUnmatched.join(', ')}` });
      if (m.direction !== 'to_crm' && m.options.crmUnmatched.length > 0) out.push({ path: `mappings.${i}`, message: `${pair}: CRM options with no Kayse option are not applied: ${m.options.crmUnmatched.join(', ')}` });
      return out;
    });
    const isDefault = scope === DEFAULT_SCOPE;
    return {
      crmCaseTypeId: isDefault ? null : scope,
      crmCaseTypeName: isDefault ? null : (catalog?.caseTypes.find((t) => t.id === scope)?.name ?? scope),
      mappings,
      savedAt: saved[0]?.savedAt ?? null,
      warnings,
    };
  };

  const sets = (crm: CrmConnectorId) => {
    const all = store.fieldMappings(crm);
    const scopes = new Map<string, StoredFieldMapping[]>([[DEFAULT_SCOPE, []]]);
    for (const m of all) scopes.set(m.scope, [...(scopes.get(m.scope) ?? []), m]);
    return scopes;
  };

  return {
    /** Every set of one CRM: the default set first, then each case type's overrides by name. */
    list(crm: CrmConnectorId) {
      const { catalog, loadedAt } = deps.catalogOf(crm);
      const views = [...sets(crm)].map(([scope, saved]) => setView(crm, scope, saved, catalog));
      const [first, ...rest] = views;
      rest.sort((a, b) => (a.crmCaseTypeName ?? '').localeCompare(b.crmCaseTypeName ?? ''));
      return { crm, catalogLoadedAt: loadedAt, sets: [first!, ...rest] };
    },

    /** Replaces one set after checking every pair; nothing else happens (no resync: the next change of each record uses it). */
    save(input: SaveFieldMappingsInput): FieldMappingSet {
      const { catalog } = deps.catalogOf(input.crm);
      const scope = input.crmCaseTypeId ?? DEFAULT_SCOPE;
      const saved = sets(input.crm).get(scope) ?? [];
      if (input.crmCaseTypeId !== null && input.mappings.length > 0 && !catalog?.caseTypes.some((t) => t.id === input.crmCaseTypeId)) {
        const issues = [{ path: 'crmCaseTypeId', message: `the CRM has no case type ${input.crmCaseTypeId} in its stored catalog: Refresh CRM fields, or pick one of its case types` }];
        throw new AppError('INVALID_INPUT', `Check the field mappings: ${describeIssues(issues)}`, { issues });
      }
      const checked = checkFieldSet(input.mappings, { catalog, caseTypes: deps.caseTypes(), crmCaseTypeId: input.crmCaseTypeId, saved });
      if (!checked.ok) throw new AppError('INVALID_INPUT', `Check the field mappings: ${describeIssues(checked.issues)}`, { issues: checked.issues });
      const savedAt = deps.clock.now().toISOString();
      const rows = checked.mappings.map((m) => ({ scope, kayseField: m.kayseField, crmFieldId: m.crmFieldId, crmFieldName: m.crmFieldName, direction: m.direction, savedAt }));
      store.replaceFieldSet(input.crm, scope, rows);
      announceChanged(deps.events, ['sync_field_mappings']);
      return setView(input.crm, scope, rows, catalog);
    },

    /** What a record of one CRM case type syncs with: its overrides, then the default set's mappings of fields on its form that the overrides don't cover. */
    effective(crm: CrmConnectorId, crmCaseTypeId: string) {
      const { catalog } = deps.catalogOf(crm);
      const caseTypes = deps.caseTypes();
      const all = sets(crm);
      const own = (all.get(crmCaseTypeId) ?? []).map((m) => ({ ...fieldMappingView(m, catalog, caseTypes), from: 'case_type' as Source }));
      const covered = (key: string, id: string) => own.some((o) => o.kayseField === key || o.crmFieldId === id);
      const defaults = (all.get(DEFAULT_SCOPE) ?? [])
        .filter((m) => !covered(m.kayseField, m.crmFieldId))
        .filter((m) => {
          const field = crmField(m.crmFieldId, catalog);
          return !field || onCaseType(field, crmCaseTypeId);
        })
        .map((m) => ({ ...fieldMappingView(m, catalog, caseTypes), from: 'default' as Source }));
      const every = [...own, ...defaults];
      return { crmCaseTypeId, used: every.filter((m) => !m.missing), missing: every.filter((m) => m.missing) };
    },
  };
}

export type FieldMappings = ReturnType<typeof createFieldMappings>;
