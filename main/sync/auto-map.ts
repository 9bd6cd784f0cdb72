// Auto-map: proposals by name and type, for the admin to accept (accepting is an ordinary save). SmartAdvocate's
// UDF short names are tried first, then names; the CRM record's own fields take the client's names, phone and
// email. Only pairs that fit are proposed, each field at most once, none already in the set. Never creates a CRM field.
import type { CrmCatalogView } from '../../shared/domain/crm';
import type { z } from 'zod';
import type { fieldProposalSchema } from '../../shared/domain/sync';
import type { CaseType } from '../../shared/domain/workspace';
import { CRM_STANDARD, crmFieldOf, kayseFields, onCaseType, type CrmMappedField, type MappedField } from './mapped-field';
import type { StoredFieldMapping } from './mapping-store';
import { checkPair, workingDirections } from './type-rules';

export type FieldProposal = z.infer<typeof fieldProposalSchema>;

const STANDARD_PAIRS: Record<string, string> = {
  'client.first_name': 'standard.first_name',
  'client.last_name': 'standard.last_name',
  'client.phone': 'standard.phone',
  'client.email': 'standard.email',
};

/** Lower-case letters and digits only: "Accident Date", "accident_date" and "AccidentDate" are the same name. */
const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The names a Kayse field answers to: its label (a custom field's without its case type) and its key. */
function kayseNames(field: MappedField): string[] {
  const label = field.label.includes(' › ') ? field.label.split(' › ').slice(1).join(' › ') : field.label;
  const key = field.key.split('.').at(-1)!;
  return [...new Set([squash(label), squash(key)])].filter((n) => n.length > 0);
}

export interface SuggestContext {
  catalog: CrmCatalogView | null;
  caseTypes: CaseType[];
  crmCaseTypeId: string | null;
  kayseCaseTypeId: string | null;
  /** The set as saved: its fields are not proposed again. */
  saved: StoredFieldMapping[];
}

export function suggestFieldMappings(ctx: SuggestContext): FieldProposal[] {
  const customOf = ctx.kayseCaseTypeId ? ctx.caseTypes.filter((t) => t.id === ctx.kayseCaseTypeId) : ctx.caseTypes;
  const kayse = kayseFields(ctx.caseTypes, customOf).filter((k) => !ctx.saved.some((s) => s.kayseField === k.key));
  const catalogFields = (ctx.catalog?.fields ?? []).map(crmFieldOf).filter((f) => ctx.crmCaseTypeId === null || onCaseType(f, ctx.crmCaseTypeId));
  const crm = [...CRM_STANDARD, ...catalogFields].filter((c) => !ctx.saved.some((s) => s.crmFieldId === c.key));

  const proposals: FieldProposal[] = [];
  const takenKayse = new Set<string>();
  // A custom field of each Kayse case type may fill the same CRM field (no case has both); any other field takes it whole.
  const crmUsers = new Map<string, Set<string>>();
  const slotOf = (k: MappedField) => (k.key.startsWith('custom.') ? k.key.split('.')[1]! : '*');
  const crmTaken = (k: MappedField, c: CrmMappedField) => {
    const users = crmUsers.get(c.key);
    if (!users) return false;
    return users.has('*') || users.has(slotOf(k)) || slotOf(k) === '*';
  };
  const propose = (k: MappedField, c: CrmMappedField, matchedBy: FieldProposal['matchedBy']) => {
    if (takenKayse.has(k.key) || crmTaken(k, c)) return;
    const direction = workingDirections(k, c)[0];
    if (!direction) return;
    const fit = checkPair(k, c, direction);
    proposals.push({
      kayseField: k.key,
      kayseLabel: k.label,
      crmFieldId: c.key,
      crmFieldName: c.label,
      direction,
      matchedBy,
      options: fit.ok ? fit.options : null,
    });
    takenKayse.add(k.key);
    crmUsers.set(c.key, new Set([...(crmUsers.get(c.key) ?? []), slotOf(k)]));
  };

  for (const k of kayse) {
    const standard = crm.find((c) => c.key === STANDARD_PAIRS[k.key]);
    if (standard) propose(k, standard, 'standard');
  }
  // Short names first: a firm's SmartAdvocate admin names UDFs for people, short names for integrations.
  for (const k of kayse) {
    const names = kayseNames(k);
    const hit = catalogFields.find((c) => c.shortName !== null && names.includes(squash(c.shortName)) && workingDirections(k, c).length > 0 && !crmTaken(k, c));
    if (hit && crm.includes(hit)) propose(k, hit, 'short_name');
  }
  for (const k of kayse) {
    const names = kayseNames(k);
    const hit = catalogFields.find((c) => names.includes(squash(c.label)) && workingDirections(k, c).length > 0 && !crmTaken(k, c));
    if (hit && crm.includes(hit)) propose(k, hit, 'name');
  }
  return proposals;
}
