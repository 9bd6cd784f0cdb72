// The fast path for importing many cases: the same checks, outcomes, versions and change rows as
// records.upsertCase (both plan the write with workspace/records/case-upsert-plan; bulk-case-writer.test.ts compares
// the two), with lighter lookups, client ids cached for the writer's life (one chunk), and no re-read of each
// written case. Runs inside the caller's transaction.
// Generated case numbers come from the run's allocator (shared across its chunks), which skips taken numbers.
import type Database from 'better-sqlite3';
import { caseUpsertSchema, type CaseUpsert } from '../../shared/domain/workspace';
import { AppError, describeIssues, issuesOf } from '../../shared/result';
import { ulidIds, type Clock, type IdGenerator } from '../kernel';
import {
  CASE_INSERT_SQL,
  CASE_UPDATE_SQL,
  caseColumnValues,
  caseInsertValues,
  caseUpdateValues,
  caseNumberTaken,
  creationChanges,
  findExistingCase,
  planCaseUpsert,
  resolveCaseRefs,
  caseTypeAndStatusNames,
  type CaseNumberAllocator,
  type CaseRefLookups,
  type CaseTypeCatalog,
  type ExistingCaseState,
  type WriteContext,
} from '../workspace';
import type { RecordWriter } from './record-writers';

interface CaseRow {
  id: string;
  name: string;
  case_type_id: string;
  status_id: string;
  campaign_id: string | null;
  custom_values: string;
  version: number;
}

const CASE_COLUMNS = 'id, name, case_type_id, status_id, campaign_id, custom_values, version';

/**
 * A case writer for one chunk of an import (its client cache must not outlive the chunk's transaction); numbers
 * for new cases without one come from `caseNumbers`, one allocator for the whole import.
 */
export function bulkCaseWriter(
  sqlite: Database.Database,
  types: CaseTypeCatalog,
  clock: Clock,
  ctx: WriteContext,
  caseNumbers: CaseNumberAllocator,
  ids: IdGenerator = ulidIds,
): RecordWriter<CaseUpsert> {
  const q = {
    byExternal: sqlite.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE external_source = ? AND external_id = ?`),
    byNumber: sqlite.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE case_number = ?`),
    numberUsed: sqlite.prepare('SELECT 1 FROM cases WHERE case_number = ?').pluck(),
    clientIdsOf: sqlite.prepare('SELECT client_id FROM case_clients WHERE case_id = ? ORDER BY is_primary DESC, rowid').pluck(),
    clientExists: sqlite.prepare('SELECT 1 FROM clients WHERE id = ?').pluck(),
    clientByExternal: sqlite.prepare('SELECT id FROM clients WHERE external_source = ? AND external_id = ?').pluck(),
    campaignExists: sqlite.prepare('SELECT 1 FROM campaigns WHERE id = ?').pluck(),
    insertCase: sqlite.prepare(CASE_INSERT_SQL),
    updateCase: sqlite.prepare(CASE_UPDATE_SQL),
    clearCaseClients: sqlite.prepare('DELETE FROM case_clients WHERE case_id = ?'),
    addCaseClient: sqlite.prepare('INSERT INTO case_clients (case_id, client_id, is_primary) VALUES (?, ?, ?)'),
    insertChange: sqlite.prepare('INSERT INTO record_changes (entity, entity_id, version, kind, changes, origin, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
  const clientIdByRef = new Map<string, string>();
  const knownCampaigns = new Set<string>();

  const recordChange = (id: string, version: number, kind: 'created' | 'updated', changes: object, now: string) =>
    q.insertChange.run('case', id, version, kind, JSON.stringify(changes), ctx.origin, now);

  const lookups: CaseRefLookups = {
    types,
    clientExists: (id) => q.clientExists.get(id) !== undefined,
    clientIdByExternal: (source, externalId) => {
      const key = `${source}\u0000${externalId}`;
      let id = clientIdByRef.get(key);
      if (id === undefined) {
        id = q.clientByExternal.get(source, externalId) as string | undefined;
        if (id !== undefined) clientIdByRef.set(key, id);
      }
      return id;
    },
    campaignExists: (id) => {
      if (knownCampaigns.has(id)) return true;
      if (!q.campaignExists.get(id)) return false;
      knownCampaigns.add(id);
      return true;
    },
  };

  /** The stored state of a matched case, as the plan compares it. */
  const existingState = (row: CaseRow): ExistingCaseState => ({
    id: row.id,
    version: row.version,
    name: row.name,
    ...caseTypeAndStatusNames(types, row.case_type_id, row.status_id),
    campaignId: row.campaign_id,
    customValues: JSON.parse(row.custom_values) as Record<string, unknown>,
    clientIds: q.clientIdsOf.all(row.id) as string[],
  });

  const writeClients = (caseId: string, clientIds: string[], replace: boolean) => {
    if (replace) q.clearCaseClients.run(caseId);
    clientIds.forEach((clientId, i) => q.addCaseClient.run(caseId, clientId, i === 0 ? 1 : 0));
  };

  return {
    announcesWrites: false,
    write(raw) {
      const parsed = caseUpsertSchema.safeParse(raw);
      if (!parsed.success) {
        const issues = issuesOf(parsed.error);
        throw new AppError('INVALID_INPUT', `Invalid case: ${describeIssues(issues)}`, { issues });
      }
      const input = parsed.data;
      const resolved = resolveCaseRefs(input, lookups);
      const now = clock.now().toISOString();
      const row = findExistingCase(
        input,
        (source, externalId) => q.byExternal.get(source, externalId) as CaseRow | undefined,
        (caseNumber) => q.byNumber.get(caseNumber) as CaseRow | undefined,
      );
      const plan = planCaseUpsert(input, resolved, row ? existingState(row) : undefined);
      if (plan.kind === 'unchanged') return 'unchanged';
      const columns = caseColumnValues(plan.next, resolved, now);
      if (plan.kind === 'create') {
        const id = ids.next();
        const caseNumber = input.caseNumber ?? caseNumbers.next();
        if (q.numberUsed.get(caseNumber)) throw caseNumberTaken(caseNumber);
        q.insertCase.run(...caseInsertValues(columns, input, id, caseNumber, ctx.isDemo));
        writeClients(id, plan.next.clientIds, false);
        recordChange(id, 1, 'created', creationChanges(caseNumber, plan.next), now);
        return 'created';
      }
      q.updateCase.run(...caseUpdateValues(columns, plan.existing.id));
      if (plan.changes.clientIds) writeClients(plan.existing.id, plan.next.clientIds, true);
      recordChange(plan.existing.id, plan.existing.version + 1, 'updated', plan.changes, now);
      return 'updated';
    },
  };
}
