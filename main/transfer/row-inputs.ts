// One CSV row → the record store's upsert input, following the plan. A mapped empty cell clears the field;
// an unmapped field is left out so the stored value is kept.
import type { CaseUpsert } from '../../shared/domain/workspace';
import type { CaseTypeCatalog } from '../workspace';
import type { CsvRow } from './csv-table';
import type { ImportPlan } from './import-plan';

/** A client as the file gives it: fields that are not mapped are absent. */
export interface ClientRowInput {
  externalSource: string;
  externalId?: string;
  firstName: string;
  lastName?: string;
  phones?: string[];
  emails?: string[];
  optOuts?: string[];
}

export type RowInput<K> = { ok: true; input: K } | { ok: false; reasons: string[] };

export interface CampaignLookup {
  /** A campaign's id by its name (case-insensitive) or id. */
  find(nameOrId: string): string | undefined;
  names: readonly string[];
}

const cellOf = (plan: ImportPlan, row: CsvRow, field: string): string | undefined => {
  const index = plan.sources.get(field)?.[0];
  return index === undefined ? undefined : row.cells[index]!.trim();
};

/** Every value of a field: all its columns, each cell split on ";", blanks dropped, repeats removed. */
const listOf = (plan: ImportPlan, row: CsvRow, field: string): string[] | undefined => {
  const indexes = plan.sources.get(field);
  if (!indexes) return undefined;
  const values: string[] = [];
  for (const i of indexes) {
    for (const part of row.cells[i]!.split(';')) {
      const value = part.trim();
      if (value && !values.includes(value)) values.push(value);
    }
  }
  return values;
};

const sourceOf = (plan: ImportPlan, row: CsvRow, fallback: string) => cellOf(plan, row, 'externalSource') || fallback;

const missing = (plan: ImportPlan, field: string, why: string) => {
  const column = plan.columns[plan.sources.get(field)![0]!];
  return `${plan.labels.get(field)} (column "${column}") is empty: ${why}`;
};

/** What identifies the row's record (external ref, case number), so that rows touching it again can be found. */
export function recordKeysOf(plan: ImportPlan, row: CsvRow, externalSource: string): string[] {
  const keys: string[] = [];
  const externalId = cellOf(plan, row, 'externalId');
  if (externalId) keys.push(`ext\u0000${sourceOf(plan, row, externalSource)}\u0000${externalId}`);
  const caseNumber = cellOf(plan, row, 'caseNumber');
  if (caseNumber) keys.push(`num\u0000${caseNumber}`);
  return keys;
}

/** The client a row describes. */
export function clientFromRow(plan: ImportPlan, row: CsvRow, externalSource: string): RowInput<ClientRowInput> {
  const externalId = cellOf(plan, row, 'externalId');
  if (!externalId) return { ok: false, reasons: [missing(plan, 'externalId', 'every client needs one, so that re-importing the file updates it instead of creating a duplicate')] };
  const input: ClientRowInput = { externalSource: sourceOf(plan, row, externalSource), externalId, firstName: cellOf(plan, row, 'firstName') ?? '' };
  const lastName = cellOf(plan, row, 'lastName');
  if (lastName !== undefined) input.lastName = lastName;
  const phones = listOf(plan, row, 'phone');
  if (phones) input.phones = phones;
  const emails = listOf(plan, row, 'email');
  if (emails) input.emails = emails;
  const optOuts = listOf(plan, row, 'optOuts');
  if (optOuts) input.optOuts = optOuts.map((o) => o.toLowerCase());
  return { ok: true, input };
}

/** The case a row describes; custom columns of fields the row's case type doesn't have are skipped when empty. */
export function caseFromRow(plan: ImportPlan, row: CsvRow, externalSource: string, types: CaseTypeCatalog, campaigns: CampaignLookup): RowInput<CaseUpsert> {
  const caseType = cellOf(plan, row, 'caseType') ?? '';
  const input: CaseUpsert = { name: cellOf(plan, row, 'name') ?? '', caseType, status: cellOf(plan, row, 'status') ?? '', customValues: {} };
  const externalId = cellOf(plan, row, 'externalId');
  const caseNumber = cellOf(plan, row, 'caseNumber');
  if (externalId) {
    input.externalId = externalId;
    input.externalSource = sourceOf(plan, row, externalSource);
  }
  if (caseNumber) input.caseNumber = caseNumber;
  if (!externalId && !caseNumber) {
    const field = plan.sources.has('externalId') ? 'externalId' : 'caseNumber';
    return { ok: false, reasons: [missing(plan, field, 'every case needs an external ID or a case number, so that re-importing the file updates it instead of creating a duplicate')] };
  }
  const campaign = cellOf(plan, row, 'campaign');
  if (campaign !== undefined) {
    const id = campaign ? campaigns.find(campaign) : null;
    if (id === undefined) {
      const valid = campaigns.names.join(', ') || '(none yet: create one first)';
      return { ok: false, reasons: [`Campaign (column "${plan.columns[plan.sources.get('campaign')![0]!]}"): unknown campaign "${campaign}". Valid campaigns: ${valid}.`] };
    }
    input.campaignId = id;
  }
  const clientIds = listOf(plan, row, 'clientExternalId');
  if (clientIds) {
    const source = sourceOf(plan, row, externalSource);
    input.clients = clientIds.map((id) => ({ externalSource: source, externalId: id }));
  }
  const fields = types.byName(caseType)?.fields;
  const customValues: Record<string, unknown> = {};
  for (const [key, index] of plan.custom) {
    const value = row.cells[index]!.trim();
    if (value || fields?.some((f) => f.key === key)) customValues[key] = value;
  }
  input.customValues = customValues;
  return { ok: true, input };
}
