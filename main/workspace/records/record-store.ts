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
import type { TableName } from '../../../shared/domain/tables';
import { AppError, issuesOf, describeIssues } from '../../../shared/result';
import { ulidIds, type Clock, type EventBus, type IdGenerator } from '../../kernel';
import { writeTransaction } from '../../db';
import { announceChanged } from '../../kernel';
import type { CaseTypeCatalog } from './case-type-catalog';
import { createCaseNumberAllocator } from './case-numbers';
import {
  CASE_INSERT_SQL,
  CASE_UPDATE_SQL,
  caseColumnValues,
  caseInsertValues,
  caseUpdateValues,
  caseNumberTaken,
  caseRefProblems,
  caseUnreadable,
  creationChanges,
  findExistingCase,
  planCaseUpsert,
  resolveCaseRefs,
  resolveCaseStatus,
  resolveCaseType,
  type CaseRefInput,
  type CaseRefLookups,
} from './case-upsert-plan';
import { diffFields } from './diff';
import { toCase, toChange, toClient, type CaseRow, type ChangeRow, type ClientRow } from './row-mappers';

export interface WriteContext {
  origin: ChangeOrigin;
  isDemo?: boolean;
}

export interface RecordStore {
  upsertClient(input: ClientUpsert, ctx: WriteContext): { client: Client; outcome: UpsertOutcome };
  /** Changes the client with this id (one made in the console has no external reference to find it by); refuses an unknown id. */
  updateClient(id: string, input: Omit<ClientUpsert, 'externalSource' | 'externalId'>, ctx: WriteContext): { client: Client; outcome: Exclude<UpsertOutcome, 'created'> };
  upsertCase(input: CaseUpsert, ctx: WriteContext): { case: Case; outcome: UpsertOutcome };
  /** Every problem with what a case upsert names (case type, status, custom values, campaign, clients), each as the error it alone would raise; checks without writing. */
  caseRefProblems(input: CaseRefInput): AppError[];
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
const RECORD_TABLES: TableName[] = ['cases', 'clients', 'record_changes'];

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

export function createRecordStore(sqlite: Database.Database, types: CaseTypeCatalog, clock: Clock, events: EventBus, ids: IdGenerator = ulidIds): RecordStore {
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
    insertCase: sqlite.prepare(CASE_INSERT_SQL),
    updateCase: sqlite.prepare(CASE_UPDATE_SQL),
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
      const result = writeTransaction(sqlite, work);
      if (dirty) announceChanged(events, RECORD_TABLES);
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

  const clientParams = (next: ReturnType<typeof clientFields>, now: string) => ({
    first_name: next.firstName,
    last_name: next.lastName,
    phones: JSON.stringify(next.phones),
    emails: JSON.stringify(next.emails),
    opt_outs: JSON.stringify(next.optOuts),
    now,
  });

  /** Writes `next` over an existing client, with its change row; unchanged when nothing differs. */
  const rewriteClient = (existing: ClientRow, next: ReturnType<typeof clientFields>, ctx: WriteContext) => {
    const changes = diffFields(clientFields(toClient(existing)), next);
    if (Object.keys(changes).length === 0) return { client: toClient(existing), outcome: 'unchanged' as const };
    const now = clock.now().toISOString();
    q.updateClient.run({ ...clientParams(next, now), id: existing.id });
    recordChange('client', existing.id, existing.version + 1, 'updated', changes, ctx, now);
    return { client: toClient(q.clientById.get(existing.id) as ClientRow), outcome: 'updated' as const };
  };

  const upsertClient: RecordStore['upsertClient'] = (raw, ctx) =>
    batch(() => {
      const input = parseOrThrow(clientUpsertSchema, raw, 'client');
      const existing =
        input.externalSource && input.externalId ? (q.clientByExternal.get(input.externalSource, input.externalId) as ClientRow | undefined) : undefined;
      const next = clientFields(input);
      if (existing) return rewriteClient(existing, next, ctx);
      const now = clock.now().toISOString();
      const id = ids.next();
      q.insertClient.run({ ...clientParams(next, now), id, external_source: input.externalSource ?? null, external_id: input.externalId ?? null, is_demo: ctx.isDemo ? 1 : 0 });
      recordChange('client', id, 1, 'created', diffFields(null, next), ctx, now);
      return { client: toClient(q.clientById.get(id) as ClientRow), outcome: 'created' as const };
    });

  const updateClient: RecordStore['updateClient'] = (id, raw, ctx) =>
    batch(() => {
      // The same rules as an upsert; the reference fields are not taken (the id finds the client).
      const input = parseOrThrow(clientUpsertSchema.omit({ externalSource: true, externalId: true }), raw, 'client');
      const existing = q.clientById.get(id) as ClientRow | undefined;
      if (!existing) throw new AppError('NOT_FOUND', `No client with id ${id}.`);
      return rewriteClient(existing, clientFields(input), ctx);
    });

  const refLookups: CaseRefLookups = {
    types,
    clientExists: (id) => q.clientById.get(id) !== undefined,
    clientIdByExternal: (source, externalId) => (q.clientByExternal.get(source, externalId) as ClientRow | undefined)?.id,
    campaignExists: (id) => q.campaignExists.get(id) !== undefined,
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
      const resolved = resolveCaseRefs(input, refLookups);
      const now = clock.now().toISOString();
      const existingRow = findExistingCase(
        input,
        (source, externalId) => q.caseByExternal.get(source, externalId) as CaseRow | undefined,
        (caseNumber) => q.caseByNumber.get(caseNumber) as CaseRow | undefined,
      );
      const existing = existingRow ? toCase(existingRow, types) : undefined;
      if (existing?.unreadable) throw caseUnreadable(existing);
      const plan = planCaseUpsert(input, resolved, existing);
      const columns = caseColumnValues(plan.next, resolved, now);
      const writeClients = (caseId: string) => {
        q.clearCaseClients.run(caseId);
        plan.next.clientIds.forEach((clientId, i) => q.addCaseClient.run(caseId, clientId, i === 0 ? 1 : 0));
      };
      if (plan.kind === 'create') {
        const id = ids.next();
        const caseNumber = input.caseNumber ?? freeCaseNumber();
        if (q.caseByNumber.get(caseNumber)) throw caseNumberTaken(caseNumber);
        q.insertCase.run(...caseInsertValues(columns, input, id, caseNumber, ctx.isDemo));
        writeClients(id);
        recordChange('case', id, 1, 'created', creationChanges(caseNumber, plan.next), ctx, now);
        return { case: toCase(q.caseById.get(id) as CaseRow, types), outcome: 'created' as const };
      }
      if (plan.kind === 'unchanged') return { case: plan.existing, outcome: 'unchanged' as const };
      q.updateCase.run(...caseUpdateValues(columns, plan.existing.id));
      if (plan.changes.clientIds) writeClients(plan.existing.id);
      recordChange('case', plan.existing.id, plan.existing.version + 1, 'updated', plan.changes, ctx, now);
      return { case: toCase(q.caseById.get(plan.existing.id) as CaseRow, types), outcome: 'updated' as const };
    });

  const getCase = (id: string) => {
    const row = q.caseById.get(id) as CaseRow | undefined;
    return row ? toCase(row, types) : undefined;
  };

  return {
    upsertClient,
    updateClient,
    upsertCase,
    caseRefProblems: (input) => caseRefProblems(input, refLookups).problems,
    getCase,
    getClient: (id) => {
      const row = q.clientById.get(id) as ClientRow | undefined;
      return row ? toClient(row) : undefined;
    },
    setCaseStatus(caseId, status, ctx, expectedVersion) {
      return batch(() => {
        const current = getCase(caseId);
        if (!current) throw new AppError('NOT_FOUND', `No case with id ${caseId}.`);
        if (current.unreadable) throw caseUnreadable(current);
        if (expectedVersion !== undefined && current.version !== expectedVersion) {
          throw new AppError('CONFLICT', `Case ${current.caseNumber} changed since you opened it (version ${current.version}, you had ${expectedVersion}). Reload and try again.`);
        }
        const type = resolveCaseType(types, current.caseType);
        const next = resolveCaseStatus(type, status);
        if (next.id === current.statusId) return current;
        const now = clock.now().toISOString();
        q.updateCase.run(...caseUpdateValues([current.name, current.caseTypeId, next.id, current.campaignId, JSON.stringify(current.customValues), now], current.id));
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
        // A write transaction too: what it writes before the rollback needs the write lock like any other write.
        writeTransaction(sqlite, () => {
          throw new DryRunRollback(work());
        });
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
