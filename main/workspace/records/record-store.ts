// Writes to clients and cases. Every change bumps the record's version and appends a record_changes row in
// the same transaction, naming its origin; `tables.changed` is announced once per committed batch.
import type Database from 'better-sqlite3';
import {
  caseUpsertSchema,
  clientUpsertSchema,
  type Case,
  type CaseUpsert,
  type ChangeOrigin,
  type Client,
  type ClientUpsert,
  type RecordChange,
  type UpsertOutcome,
} from '../../../shared/domain/workspace';
import { AppError, issuesOf, describeIssues } from '../../../shared/result';
import type { Clock } from '../../core/clock';
import type { EventBus } from '../../core/event-bus';
import type { CaseTypeCatalog } from './case-type-catalog';
import { createCaseNumberAllocator } from './case-numbers';
import { checkCustomValues } from './custom-values';
import { diffFields } from './diff';
import { newId } from './ids';
import { toCase, toChange, toClient, type CaseRow, type ChangeRow, type ClientRow } from './row-mappers';

export interface WriteContext {
  origin: ChangeOrigin;
  isDemo?: boolean;
}

export interface RecordStore {
  upsertClient(input: ClientUpsert, ctx: WriteContext): { client: Client; outcome: UpsertOutcome };
  upsertCase(input: CaseUpsert, ctx: WriteContext): { case: Case; outcome: UpsertOutcome };
  /** Moves a case to another status of its case type (by name or id). Refuses a stale `expectedVersion`. */
  setCaseStatus(caseId: string, status: string, ctx: WriteContext, expectedVersion?: number): Case;
  getCase(id: string): Case | undefined;
  getClient(id: string): Client | undefined;
  /** The newest `limit` changes of a record, newest first, with how many there are in all. */
  history(entity: 'case' | 'client', id: string, limit?: number): { changes: RecordChange[]; total: number };
  /** Runs `work` in one transaction (nested calls join it); announces changed tables once, after commit. */
  batch<T>(work: () => T): T;
  /** Runs `work` in a transaction that is always rolled back: what it would do, without doing it. */
  dryRun<T>(work: () => T): T;
}

const CASE_SELECT = `SELECT c.*, (SELECT group_concat(client_id) FROM (SELECT client_id FROM case_clients WHERE case_id = c.id ORDER BY is_primary DESC, rowid)) AS client_ids FROM cases c`;
const RECORD_TABLES = ['cases', 'clients', 'record_changes'];

class DryRunRollback extends Error {
  constructor(readonly result: unknown) {
    super('dry run');
  }
}

function parseOrThrow<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw new AppError('INVALID_INPUT', `Invalid ${what}: ${describeIssues(issues)}`, { issues });
  }
  return parsed.data;
}

export function createRecordStore(sqlite: Database.Database, types: CaseTypeCatalog, clock: Clock, events: EventBus): RecordStore {
  const q = {
    clientById: sqlite.prepare('SELECT * FROM clients WHERE id = ?'),
    clientByExternal: sqlite.prepare('SELECT * FROM clients WHERE external_source = ? AND external_id = ?'),
    insertClient: sqlite.prepare(
      `INSERT INTO clients (id, first_name, last_name, phones, emails, opt_outs, external_source, external_id, version, created_at, updated_at, is_demo)
       VALUES (@id, @first_name, @last_name, @phones, @emails, @opt_outs, @external_source, @external_id, 1, @now, @now, @is_demo)`,
    ),
    updateClient: sqlite.prepare(
      `UPDATE clients SET first_name = @first_name, last_name = @last_name, phones = @phones, emails = @emails, opt_outs = @opt_outs,
       version = version + 1, updated_at = @now WHERE id = @id`,
    ),
    caseById: sqlite.prepare(`${CASE_SELECT} WHERE c.id = ?`),
    caseByExternal: sqlite.prepare(`${CASE_SELECT} WHERE c.external_source = ? AND c.external_id = ?`),
    caseByNumber: sqlite.prepare(`${CASE_SELECT} WHERE c.case_number = ?`),
    insertCase: sqlite.prepare(
      `INSERT INTO cases (id, case_number, name, case_type_id, status_id, campaign_id, custom_values, external_source, external_id, version, created_at, updated_at, is_demo)
       VALUES (@id, @case_number, @name, @case_type_id, @status_id, @campaign_id, @custom_values, @external_source, @external_id, 1, @now, @now, @is_demo)`,
    ),
    updateCase: sqlite.prepare(
      `UPDATE cases SET name = @name, case_type_id = @case_type_id, status_id = @status_id, campaign_id = @campaign_id,
       custom_values = @custom_values, version = version + 1, updated_at = @now WHERE id = @id`,
    ),
    clearCaseClients: sqlite.prepare('DELETE FROM case_clients WHERE case_id = ?'),
    addCaseClient: sqlite.prepare('INSERT INTO case_clients (case_id, client_id, is_primary) VALUES (?, ?, ?)'),
    campaignExists: sqlite.prepare('SELECT 1 FROM campaigns WHERE id = ?'),
    insertChange: sqlite.prepare(
      'INSERT INTO record_changes (entity, entity_id, version, kind, changes, origin, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    history: sqlite.prepare('SELECT * FROM record_changes WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT ?'),
    historyCount: sqlite.prepare('SELECT count(*) AS n FROM record_changes WHERE entity = ? AND entity_id = ?'),
  };

  let depth = 0;
  let dirty = false;
  const batch = <T>(work: () => T): T => {
    if (depth > 0) return work();
    depth += 1;
    try {
      const result = sqlite.transaction(work)();
      if (dirty) events.emit('tables.changed', { tables: RECORD_TABLES });
      return result;
    } finally {
      depth -= 1;
      dirty = false;
    }
  };

  const recordChange = (entity: 'case' | 'client', id: string, version: number, kind: 'created' | 'updated', changes: object, ctx: WriteContext, now: string) => {
    q.insertChange.run(entity, id, version, kind, JSON.stringify(changes), ctx.origin, now);
    dirty = true;
  };

  const clientFields = (c: { firstName: string; lastName: string; phones: string[]; emails: string[]; optOuts: string[] }) => ({
    firstName: c.firstName,
    lastName: c.lastName,
    phones: c.phones,
    emails: c.emails,
    optOuts: c.optOuts,
  });

  const upsertClient: RecordStore['upsertClient'] = (raw, ctx) =>
    batch(() => {
      const input = parseOrThrow(clientUpsertSchema, raw, 'client');
      const now = clock.now().toISOString();
      const existing =
        input.externalSource && input.externalId ? (q.clientByExternal.get(input.externalSource, input.externalId) as ClientRow | undefined) : undefined;
      const next = clientFields(input);
      const params = {
        first_name: next.firstName,
        last_name: next.lastName,
        phones: JSON.stringify(next.phones),
        emails: JSON.stringify(next.emails),
        opt_outs: JSON.stringify(next.optOuts),
        now,
      };
      if (!existing) {
        const id = newId();
        q.insertClient.run({ ...params, id, external_source: input.externalSource ?? null, external_id: input.externalId ?? null, is_demo: ctx.isDemo ? 1 : 0 });
        recordChange('client', id, 1, 'created', diffFields(null, next), ctx, now);
        return { client: toClient(q.clientById.get(id) as ClientRow), outcome: 'created' as const };
      }
      const changes = diffFields(clientFields(toClient(existing)), next);
      if (Object.keys(changes).length === 0) return { client: toClient(existing), outcome: 'unchanged' as const };
      q.updateClient.run({ ...params, id: existing.id });
      recordChange('client', existing.id, existing.version + 1, 'updated', changes, ctx, now);
      return { client: toClient(q.clientById.get(existing.id) as ClientRow), outcome: 'updated' as const };
    });

  const resolveType = (name: string) => {
    const type = types.byName(name);
    if (!type) {
      const valid = types.list().map((t) => t.name);
      throw new AppError('UNPROCESSABLE', `Unknown case type "${name}". Valid case types: ${valid.join(', ') || '(none yet: create one first)'}.`, {
        issues: [{ path: 'caseType', message: `unknown case type "${name}"` }],
        valid,
      });
    }
    return type;
  };

  const resolveStatus = (type: ReturnType<typeof resolveType>, status: string) => {
    const wanted = status.trim().toLowerCase();
    const match = type.statuses.find((s) => s.id === status || s.name.toLowerCase() === wanted);
    if (!match) {
      const valid = type.statuses.map((s) => s.name);
      throw new AppError('UNPROCESSABLE', `Unknown status "${status}" for case type ${type.name}. Valid statuses: ${valid.join(', ')}.`, {
        issues: [{ path: 'status', message: `unknown status "${status}"` }],
        valid,
      });
    }
    return match;
  };

  const resolveClients = (input: ReturnType<typeof caseUpsertSchema.parse>): string[] | undefined => {
    if (!input.clientIds && !input.clients) return undefined;
    const ids: string[] = [];
    for (const id of input.clientIds ?? []) {
      if (!q.clientById.get(id)) throw new AppError('UNPROCESSABLE', `Unknown client id "${id}".`, { issues: [{ path: 'clientIds', message: `unknown client ${id}` }] });
      if (!ids.includes(id)) ids.push(id);
    }
    for (const ref of input.clients ?? []) {
      const row = q.clientByExternal.get(ref.externalSource, ref.externalId) as ClientRow | undefined;
      if (!row) {
        throw new AppError('UNPROCESSABLE', `Unknown client ${ref.externalSource}/${ref.externalId}: create the client first.`, {
          issues: [{ path: 'clients', message: `unknown client ${ref.externalSource}/${ref.externalId}` }],
        });
      }
      if (!ids.includes(row.id)) ids.push(row.id);
    }
    return ids;
  };

  /**
   * The next K-nnnnnn number nobody holds: imported cases may already use numbers of that shape. Each write counts
   * from MAX(rowid) + 1 again, as its transaction may be rolled back (dry runs).
   */
  const caseNumbers = createCaseNumberAllocator(sqlite);
  const freeCaseNumber = (): string => {
    caseNumbers.restart();
    return caseNumbers.next();
  };

  const upsertCase: RecordStore['upsertCase'] = (raw, ctx) =>
    batch(() => {
      const input = parseOrThrow(caseUpsertSchema, raw, 'case');
      const type = resolveType(input.caseType);
      const status = resolveStatus(type, input.status);
      const custom = checkCustomValues(type.fields, input.customValues);
      if (!custom.ok) throw new AppError('UNPROCESSABLE', `Invalid custom field values: ${describeIssues(custom.issues)}`, { issues: custom.issues });
      if (input.campaignId && !q.campaignExists.get(input.campaignId)) {
        throw new AppError('UNPROCESSABLE', `Unknown campaign id "${input.campaignId}".`, { issues: [{ path: 'campaignId', message: 'unknown campaign' }] });
      }
      const clientIds = resolveClients(input);
      const now = clock.now().toISOString();
      const existingRow = (
        input.externalSource && input.externalId
          ? q.caseByExternal.get(input.externalSource, input.externalId)
          : input.caseNumber
            ? q.caseByNumber.get(input.caseNumber)
            : undefined
      ) as CaseRow | undefined;
      const existing = existingRow ? toCase(existingRow, types) : undefined;
      const next = {
        name: input.name,
        caseType: type.name,
        status: status.name,
        campaignId: input.campaignId === undefined ? (existing?.campaignId ?? null) : input.campaignId,
        // Values given replace those keys; keys not mentioned keep their value (a null clears one).
        customValues: sortKeys({ ...withoutNulls(existing?.customValues ?? {}, input.customValues), ...custom.values }),
        clientIds: clientIds ?? existing?.clientIds ?? [],
      };
      const params = {
        name: next.name,
        case_type_id: type.id,
        status_id: status.id,
        campaign_id: next.campaignId,
        custom_values: JSON.stringify(next.customValues),
        now,
      };
      const writeClients = (caseId: string) => {
        q.clearCaseClients.run(caseId);
        next.clientIds.forEach((clientId, i) => q.addCaseClient.run(caseId, clientId, i === 0 ? 1 : 0));
      };
      if (!existing) {
        const id = newId();
        const caseNumber = input.caseNumber ?? freeCaseNumber();
        if (q.caseByNumber.get(caseNumber)) {
          throw new AppError('CONFLICT', `Case number ${caseNumber} is already used by another case.`, { issues: [{ path: 'caseNumber', message: 'already used' }] });
        }
        q.insertCase.run({ ...params, id, case_number: caseNumber, external_source: input.externalSource ?? null, external_id: input.externalId ?? null, is_demo: ctx.isDemo ? 1 : 0 });
        writeClients(id);
        recordChange('case', id, 1, 'created', diffFields(null, { caseNumber, ...next }), ctx, now);
        return { case: toCase(q.caseById.get(id) as CaseRow, types), outcome: 'created' as const };
      }
      const prev = {
        name: existing.name,
        caseType: existing.caseType,
        status: existing.status,
        campaignId: existing.campaignId,
        customValues: sortKeys(existing.customValues),
        clientIds: existing.clientIds,
      };
      const changes = diffFields(prev, next);
      if (Object.keys(changes).length === 0) return { case: existing, outcome: 'unchanged' as const };
      q.updateCase.run({ ...params, id: existing.id });
      if (changes.clientIds) writeClients(existing.id);
      recordChange('case', existing.id, existing.version + 1, 'updated', changes, ctx, now);
      return { case: toCase(q.caseById.get(existing.id) as CaseRow, types), outcome: 'updated' as const };
    });

  const getCase = (id: string) => {
    const row = q.caseById.get(id) as CaseRow | undefined;
    return row ? toCase(row, types) : undefined;
  };

  return {
    upsertClient,
    upsertCase,
    getCase,
    getClient: (id) => {
      const row = q.clientById.get(id) as ClientRow | undefined;
      return row ? toClient(row) : undefined;
    },
    setCaseStatus(caseId, status, ctx, expectedVersion) {
      return batch(() => {
        const current = getCase(caseId);
        if (!current) throw new AppError('NOT_FOUND', `No case with id ${caseId}.`);
        if (expectedVersion !== undefined && current.version !== expectedVersion) {
          throw new AppError('CONFLICT', `Case ${current.caseNumber} changed since you opened it (version ${current.version}, you had ${expectedVersion}). Reload and try again.`);
        }
        const type = resolveType(current.caseType);
        const next = resolveStatus(type, status);
        if (next.id === current.statusId) return current;
        const now = clock.now().toISOString();
        q.updateCase.run({
          id: current.id,
          name: current.name,
          case_type_id: current.caseTypeId,
          status_id: next.id,
          campaign_id: current.campaignId,
          custom_values: JSON.stringify(current.customValues),
          now,
        });
        recordChange('case', current.id, current.version + 1, 'updated', { status: { old: current.status, new: next.name } }, ctx, now);
        return getCase(current.id)!;
      });
    },
    history: (entity, id, limit = -1) => ({
      changes: (q.history.all(entity, id, limit) as ChangeRow[]).map(toChange),
      total: (q.historyCount.get(entity, id) as { n: number }).n,
    }),
    batch,
    dryRun<T>(work: () => T): T {
      if (depth > 0) throw new Error('dryRun cannot run inside a batch');
      depth += 1; // writes inside join this transaction and announce nothing
      try {
        sqlite.transaction(() => {
          throw new DryRunRollback(work());
        })();
      } catch (error) {
        if (error instanceof DryRunRollback) return error.result as T;
        throw error;
      } finally {
        depth -= 1;
        dirty = false;
      }
      throw new Error('unreachable');
    },
  };
}

function withoutNulls(existing: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  const out = { ...existing };
  for (const [key, value] of Object.entries(given)) if (value === null || value === '') delete out[key];
  return out;
}

function sortKeys(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).sort(([a], [b]) => a.localeCompare(b)));
}
