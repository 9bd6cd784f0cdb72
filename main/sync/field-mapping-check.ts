// Checks a field mapping set before it is saved: each Kayse field exists, each CRM field is in the stored catalog
// (or was already mapped and is now missing: kept as it is), on the case type's form, fits the Kayse field in the
// chosen direction, and no field is filled from two places. Every refusal names the pair and the reason.
import type { CrmCatalogView } from '../../shared/domain/crm';
import type { FieldMappingInput } from '../../shared/domain/sync';
import type { CaseType } from '../../shared/domain/workspace';
import type { FieldIssue } from '../../shared/result';
import { crmField, kayseField, onCaseType } from './mapped-field';
import type { StoredFieldMapping } from './mapping-store';
import { checkPair } from './type-rules';

export interface SetContext {
  catalog: CrmCatalogView | null;
  caseTypes: CaseType[];
  /** Null for the default set. */
  crmCaseTypeId: string | null;
  /** The set as saved now: a pair in it whose CRM field has since gone may be saved again, still missing. */
  saved: StoredFieldMapping[];
}

export interface CheckedMapping extends FieldMappingInput {
  crmFieldName: string;
}

const customCaseType = (key: string) => (key.startsWith('custom.') ? key.split('.')[1]! : null);

/** The set ready to store, or the issues (path `mappings.<i>…`, message naming the pair). */
export function checkFieldSet(mappings: FieldMappingInput[], ctx: SetContext): { ok: true; mappings: CheckedMapping[] } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const checked: CheckedMapping[] = [];
  const fitting: { m: FieldMappingInput; i: number }[] = [];
  const accept = (m: FieldMappingInput, i: number, crmFieldName: string) => {
    checked.push({ ...m, crmFieldName });
    fitting.push({ m, i });
  };
  const caseTypeName = ctx.crmCaseTypeId === null ? null : (ctx.catalog?.caseTypes.find((t) => t.id === ctx.crmCaseTypeId)?.name ?? null);
  mappings.forEach((m, i) => {
    const path = `mappings.${i}`;
    const kayse = kayseField(m.kayseField, ctx.caseTypes);
    const crm = crmField(m.crmFieldId, ctx.catalog);
    const kayseLabel = kayse?.label ?? m.kayseField;
    if (!kayse) {
      issues.push({ path: `${path}.kayseField`, message: `"${m.kayseField}" → ${m.crmFieldId}: Kayse has no such field (a custom field is custom.<case type id>.<field key>)` });
      return;
    }
    if (!crm) {
      const kept = ctx.saved.find((s) => s.kayseField === m.kayseField && s.crmFieldId === m.crmFieldId);
      if (kept) accept(m, i, kept.crmFieldName);
      else {
        const where = ctx.catalog ? "the CRM's catalog has no field with this id: Refresh CRM fields, or pick one of its fields" : 'no CRM catalog is stored yet: Connect the CRM (or Refresh CRM fields) first';
        issues.push({ path: `${path}.crmFieldId`, message: `"${kayseLabel}" → ${m.crmFieldId}: ${where}` });
      }
      return;
    }
    const pair = `"${kayseLabel}" → "${crm.label}"`;
    if (ctx.crmCaseTypeId !== null && !onCaseType(crm, ctx.crmCaseTypeId)) {
      issues.push({ path: `${path}.crmFieldId`, message: `${pair}: the CRM field is not on the form of case type "${caseTypeName ?? ctx.crmCaseTypeId}"` });
      return;
    }
    const fit = checkPair(kayse, crm, m.direction);
    if (!fit.ok) issues.push({ path, message: `${pair} (${m.direction}): ${fit.reason}` });
    else accept(m, i, crm.label);
  });
  // Only pairs that fit on their own are compared: a refused pair is reported once, for its own reason.
  issues.push(...duplicates(fitting, ctx));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, mappings: checked };
}

/** A field filled from two places in one set (to the CRM: unless the two are custom fields of different Kayse case types, which no case has both of). */
function duplicates(entries: { m: FieldMappingInput; i: number }[], ctx: SetContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const label = (m: FieldMappingInput) => `"${kayseField(m.kayseField, ctx.caseTypes)?.label ?? m.kayseField}" → "${crmField(m.crmFieldId, ctx.catalog)?.label ?? m.crmFieldId}"`;
  entries.forEach(({ m, i }, at) => {
    for (const { m: other, i: j } of entries.slice(0, at)) {
      if (other.kayseField === m.kayseField && other.crmFieldId === m.crmFieldId) {
        issues.push({ path: `mappings.${i}`, message: `${label(m)}: the same pair is already mapping ${j}` });
        return;
      }
      const bothSend = m.direction !== 'from_crm' && other.direction !== 'from_crm';
      const exclusive = customCaseType(m.kayseField) !== null && customCaseType(other.kayseField) !== null && customCaseType(m.kayseField) !== customCaseType(other.kayseField);
      if (bothSend && other.crmFieldId === m.crmFieldId && !exclusive) {
        issues.push({ path: `mappings.${i}`, message: `${label(m)}: the CRM field is already filled by ${label(other)} (mapping ${j}); make one of them from_crm or remove it` });
        return;
      }
      const bothReceive = m.direction !== 'to_crm' && other.direction !== 'to_crm';
      if (bothReceive && other.kayseField === m.kayseField) {
        issues.push({ path: `mappings.${i}`, message: `${label(m)}: the Kayse field is already filled from ${label(other)} (mapping ${j}); make one of them to_crm or remove it` });
        return;
      }
    }
  });
  return issues;
}
