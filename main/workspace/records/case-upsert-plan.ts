// The one place that decides what a case upsert does: resolving its references (case type, status, custom values,
// campaign, clients, with the same errors everywhere), merging custom values, diffing against the stored case and
// the column values written. Shared by the record store's upsertCase and the bulk case writer of imports, which
// bring their own lookups (the bulk writer caches them per run), statements and case-number allocation.
import type { caseUpsertSchema, CaseType } from '../../../shared/domain/workspace';
import { AppError, describeIssues } from '../../../shared/result';
import type { FieldChanges } from '../../db';
import type { CaseTypeCatalog } from './case-type-catalog';
import { checkCustomValues } from './custom-values';
import { diffFields } from './diff';

/** A case upsert after schema parsing. */
export type ParsedCaseUpsert = ReturnType<typeof caseUpsertSchema.parse>;
export type CaseStatus = CaseType['statuses'][number];

/** Database look-ups the resolution needs; each caller answers them its own way (cached or not). */
export interface CaseRefLookups {
  types: CaseTypeCatalog;
  clientExists(id: string): boolean;
  /** The id of the client with this external reference, if any. */
  clientIdByExternal(externalSource: string, externalId: string): string | undefined;
  campaignExists(id: string): boolean;
}

export interface ResolvedCaseRefs {
  type: CaseType;
  status: CaseStatus;
  /** The given custom values, normalised (cleared keys left out). */
  customValues: Record<string, unknown>;
  /** The clients given (ids first, then external references, without repeats), or undefined when none were. */
  clientIds: string[] | undefined;
}

/** The stored state of a case an upsert matched, with case type and status by name. */
export interface ExistingCaseState {
  id: string;
  version: number;
  name: string;
  caseType: string;
  status: string;
  campaignId: string | null;
  customValues: Record<string, unknown>;
  clientIds: string[];
}

/** The fields a case's change rows diff, in their stored order. */
export type CaseFields = {
  name: string;
  caseType: string;
  status: string;
  campaignId: string | null;
  customValues: Record<string, unknown>;
  clientIds: string[];
};

export type CaseUpsertPlan<E extends ExistingCaseState = ExistingCaseState> =
  | { kind: 'create'; next: CaseFields }
  | { kind: 'update' | 'unchanged'; existing: E; next: CaseFields; changes: FieldChanges };

/** The case type called `name`; UNPROCESSABLE listing the valid ones otherwise. */
export function resolveCaseType(types: CaseTypeCatalog, name: string): CaseType {
  const type = types.byName(name);
  if (type) return type;
  const valid = types.list().map((t) => t.name);
  throw new AppError('UNPROCESSABLE', `Unknown case type "${name}". Valid case types: ${valid.join(', ') || '(none yet: create one first)'}.`, {
    issues: [{ path: 'caseType', message: `unknown case type "${name}"` }],
    valid,
  });
}

/** The status of `type` with this id or name (any case); UNPROCESSABLE listing the valid ones otherwise. */
export function resolveCaseStatus(type: CaseType, status: string): CaseStatus {
  const wanted = status.trim().toLowerCase();
  const match = type.statuses.find((s) => s.id === status || s.name.toLowerCase() === wanted);
  if (match) return match;
  const valid = type.statuses.map((s) => s.name);
  throw new AppError('UNPROCESSABLE', `Unknown status "${status}" for case type ${type.name}. Valid statuses: ${valid.join(', ')}.`, {
    issues: [{ path: 'status', message: `unknown status "${status}"` }],
    valid,
  });
}

/** Resolves the given clients (ids first, then external references, without repeats); each unknown one is a problem. */
function resolveClients(input: CaseRefInput, lookups: CaseRefLookups, problems: AppError[]): string[] | undefined {
  if (!input.clientIds && !input.clients) return undefined;
  const ids: string[] = [];
  (input.clientIds ?? []).forEach((id, i) => {
    if (!lookups.clientExists(id)) problems.push(new AppError('UNPROCESSABLE', `Unknown client id "${id}".`, { issues: [{ path: `clientIds.${i}`, message: `unknown client ${id}` }] }));
    else if (!ids.includes(id)) ids.push(id);
  });
  (input.clients ?? []).forEach((ref, i) => {
    const id = lookups.clientIdByExternal(ref.externalSource, ref.externalId);
    if (id === undefined) {
      problems.push(
        new AppError('UNPROCESSABLE', `Unknown client ${ref.externalSource}/${ref.externalId}: create the client first.`, {
          issues: [{ path: `clients.${i}`, message: `unknown client ${ref.externalSource}/${ref.externalId}` }],
        }),
      );
    } else if (!ids.includes(id)) ids.push(id);
  });
  return ids;
}

/** The parts of a case upsert that name things in the workspace; a part left out (say, because it was malformed) is not checked. */
export type CaseRefInput = Partial<Pick<ParsedCaseUpsert, 'caseType' | 'status' | 'customValues' | 'campaignId' | 'clientIds' | 'clients'>>;

/**
 * Every problem with what a case upsert names, in this order: case type, status (of a known case type), custom
 * values (against a known case type's fields), campaign, clients. Each problem is the UNPROCESSABLE error it
 * would be refused with on its own (`details.issues`, and `details.valid` for a case type or status).
 */
export function caseRefProblems(input: CaseRefInput, lookups: CaseRefLookups): { problems: AppError[]; resolved?: ResolvedCaseRefs } {
  const problems: AppError[] = [];
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  const type = input.caseType === undefined ? undefined : attempt(() => resolveCaseType(lookups.types, input.caseType!));
  const status = type && input.status !== undefined ? attempt(() => resolveCaseStatus(type, input.status!)) : undefined;
  let customValues: Record<string, unknown> | undefined;
  if (type && input.customValues !== undefined) {
    const custom = checkCustomValues(type.fields, input.customValues);
    if (custom.ok) customValues = custom.values;
    else problems.push(new AppError('UNPROCESSABLE', `Invalid custom field values: ${describeIssues(custom.issues)}`, { issues: custom.issues }));
  }
  if (input.campaignId && !lookups.campaignExists(input.campaignId)) {
    problems.push(new AppError('UNPROCESSABLE', `Unknown campaign id "${input.campaignId}".`, { issues: [{ path: 'campaignId', message: 'unknown campaign' }] }));
  }
  const clientIds = resolveClients(input, lookups, problems);
  if (problems.length > 0 || !type || !status) return { problems };
  return { problems, resolved: { type, status, customValues: customValues ?? {}, clientIds } };
}

const issuesIn = (details: unknown): unknown[] => {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? issues : [];
};

/**
 * One error for every problem an upsert has: a single problem as it is; several as one UNPROCESSABLE with all their
 * issues, each problem kept whole in `details.problems` (message and details) so an import can name them all.
 */
export function allCaseProblems(problems: readonly AppError[]): AppError {
  if (problems.length === 1) return problems[0]!;
  return new AppError('UNPROCESSABLE', problems.map((p) => p.message).join(' '), {
    issues: problems.flatMap((p) => issuesIn(p.details)),
    problems: problems.map((p) => ({ message: p.message, details: p.details })),
  });
}

/** Checks case type, status, custom values, campaign and clients; throws every problem found (allCaseProblems). */
export function resolveCaseRefs(input: ParsedCaseUpsert, lookups: CaseRefLookups): ResolvedCaseRefs {
  const { problems, resolved } = caseRefProblems(input, lookups);
  if (problems.length > 0) throw allCaseProblems(problems);
  return resolved!;
}

/** The stored case an upsert matches: by external reference when it has one, else by case number. */
export function findExistingCase<T>(
  input: ParsedCaseUpsert,
  byExternal: (externalSource: string, externalId: string) => T | undefined,
  byNumber: (caseNumber: string) => T | undefined,
): T | undefined {
  if (input.externalSource && input.externalId) return byExternal(input.externalSource, input.externalId);
  return input.caseNumber ? byNumber(input.caseNumber) : undefined;
}

/** What the upsert does to `existing` (undefined: no matching case), with the resulting fields and changes. */
export function planCaseUpsert<E extends ExistingCaseState>(input: ParsedCaseUpsert, resolved: ResolvedCaseRefs, existing: E | undefined): CaseUpsertPlan<E> {
  const next: CaseFields = {
    name: input.name,
    caseType: resolved.type.name,
    status: resolved.status.name,
    campaignId: input.campaignId === undefined ? (existing?.campaignId ?? null) : input.campaignId,
    // Values given replace those keys; keys not mentioned keep their value (a null clears one).
    customValues: sortKeys({ ...withoutNulls(existing?.customValues ?? {}, input.customValues), ...resolved.customValues }),
    clientIds: resolved.clientIds ?? existing?.clientIds ?? [],
  };
  if (!existing) return { kind: 'create', next };
  const prev: CaseFields = {
    name: existing.name,
    caseType: existing.caseType,
    status: existing.status,
    campaignId: existing.campaignId,
    customValues: sortKeys(existing.customValues),
    clientIds: existing.clientIds,
  };
  const changes = diffFields(prev, next);
  return { kind: Object.keys(changes).length === 0 ? 'unchanged' : 'update', existing, next, changes };
}

/** The changes of a created case's change row. */
export const creationChanges = (caseNumber: string, next: CaseFields): FieldChanges => diffFields(null, { caseNumber, ...next });

/** The columns an insert and an update both write, in the order of CASE_INSERT_SQL / CASE_UPDATE_SQL's first parameters. */
export type CaseColumnValues = readonly [name: string, caseTypeId: string, statusId: string, campaignId: string | null, customValues: string, now: string];

export const caseColumnValues = (next: CaseFields, resolved: Pick<ResolvedCaseRefs, 'type' | 'status'>, now: string): CaseColumnValues => [
  next.name,
  resolved.type.id,
  resolved.status.id,
  next.campaignId,
  JSON.stringify(next.customValues),
  now,
];

/** Parameters: the column values, created_at, id, case_number, external_source, external_id, is_demo. */
export const CASE_INSERT_SQL = `INSERT INTO cases (name, case_type_id, status_id, campaign_id, custom_values, updated_at, created_at, id, case_number, external_source, external_id, is_demo, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`;

/** Parameters: the column values, then the case id. */
export const CASE_UPDATE_SQL =
  'UPDATE cases SET name = ?, case_type_id = ?, status_id = ?, campaign_id = ?, custom_values = ?, updated_at = ?, version = version + 1 WHERE id = ?';

/** CASE_INSERT_SQL's parameters for a new case (created when it was updated: now). */
export const caseInsertValues = (columns: CaseColumnValues, input: ParsedCaseUpsert, id: string, caseNumber: string, isDemo: boolean | undefined) =>
  [...columns, columns[5], id, caseNumber, input.externalSource ?? null, input.externalId ?? null, isDemo ? 1 : 0] as const;

/** CASE_UPDATE_SQL's parameters. */
export const caseUpdateValues = (columns: CaseColumnValues, id: string) => [...columns, id] as const;

/**
 * The refusal to change a case whose stored custom values can't be read (a damaged database cell): a write would
 * replace them with the few values known, losing the rest for good.
 */
export const caseUnreadable = (c: { id: string; caseNumber: string }): AppError =>
  new AppError(
    'INTERNAL',
    `Case ${c.caseNumber} (id ${c.id}) has stored custom values the console can't read (a damaged database cell). It was not changed, so nothing more is lost; restore the database from a backup, or repair that cell.`,
    { issues: [{ path: 'customValues', message: 'stored value unreadable' }] },
  );

/** The CONFLICT of a new case whose number another case holds. */
export const caseNumberTaken = (caseNumber: string): AppError =>
  new AppError('CONFLICT', `Case number ${caseNumber} is already used by another case.`, { issues: [{ path: 'caseNumber', message: 'already used' }] });

function withoutNulls(existing: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  const out = { ...existing };
  for (const [key, value] of Object.entries(given)) if (value === null || value === '') delete out[key];
  return out;
}

/** Key orders already worked out: the cases of one import share a handful of key sets. */
const keyOrders = new Map<string, string[]>();

/** The values with keys in `localeCompare` order, as cases store them. */
function sortKeys(values: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(values);
  const id = keys.join('\u0000');
  let order = keyOrders.get(id);
  if (!order) {
    order = [...keys].sort((a, b) => a.localeCompare(b));
    if (keyOrders.size < 1000) keyOrders.set(id, order);
  }
  return Object.fromEntries(order.map((key) => [key, values[key]]));
}
