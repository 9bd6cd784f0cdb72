// The fast path for importing many cases: the same checks, outcomes, versions and change rows as
// records.upsertCase (bulk-case-writer.test.ts compares the two), with lighter lookups, client ids cached for
// the writer's life (one chunk), and no re-read of each written case. Runs inside the caller's transaction.
// Generated case numbers come from the run's allocator (shared across its chunks), which skips taken numbers.
import type Database from 'better-sqlite3';
import { caseUpsertSchema, type CaseType, type CaseUpsert } from '../../shared/domain/workspace';
import { AppError, describeIssues, issuesOf } from '../../shared/result';
import type { Clock } from '../core/clock';
import { checkCustomValues, newId, type CaseNumberAllocator, type CaseTypeCatalog, type WriteContext } from '../workspace/records';
import { diffFields } from '../workspace/records/diff';
import type { RecordWriter } from './record-writers';

interface ExistingCase {
  id: string;
  name: string;
  case_type_id: string;
  status_id: string;
  campaign_id: string | null;
  custom_values: string;
  version: number;
}

type ParsedCase = ReturnType<typeof caseUpsertSchema.parse>;

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
): RecordWriter<CaseUpsert> {
  const q = {
    byExternal: sqlite.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE external_source = ? AND external_id = ?`),
    byNumber: sqlite.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE case_number = ?`),
    numberUsed: sqlite.prepare('SELECT 1 FROM cases WHERE case_number = ?').pluck(),
    clientIdsOf: sqlite.prepare('SELECT client_id FROM case_clients WHERE case_id = ? ORDER BY is_primary DESC, rowid').pluck(),
    clientExists: sqlite.prepare('SELECT 1 FROM clients WHERE id = ?').pluck(),
    clientByExternal: sqlite.prepare('SELECT id FROM clients WHERE external_source = ? AND external_id = ?').pluck(),
    campaignExists: sqlite.prepare('SELECT 1 FROM campaigns WHERE id = ?').pluck(),
    insertCase: sqlite.prepare(
      `INSERT INTO cases (name, case_type_id, status_id, campaign_id, custom_values, updated_at, created_at, id, case_number, external_source, external_id, is_demo, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    updateCase: sqlite.prepare(
      'UPDATE cases SET name = ?, case_type_id = ?, status_id = ?, campaign_id = ?, custom_values = ?, updated_at = ?, version = version + 1 WHERE id = ?',
    ),
    clearCaseClients: sqlite.prepare('DELETE FROM case_clients WHERE case_id = ?'),
    addCaseClient: sqlite.prepare('INSERT INTO case_clients (case_id, client_id, is_primary) VALUES (?, ?, ?)'),
    insertChange: sqlite.prepare('INSERT INTO record_changes (entity, entity_id, version, kind, changes, origin, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
  const clientIdByRef = new Map<string, string>();
  const knownCampaigns = new Set<string>();

  const resolveType = (name: string): CaseType => {
    const type = types.byName(name);
    if (type) return type;
    const valid = types.list().map((t) => t.name);
    throw new AppError('UNPROCESSABLE', `Unknown case type "${name}". Valid case types: ${valid.join(', ') || '(none yet: create one first)'}.`, {
      issues: [{ path: 'caseType', message: `unknown case type "${name}"` }],
      valid,
    });
  };

  const resolveStatus = (type: CaseType, status: string) => {
    const wanted = status.trim().toLowerCase();
    const match = type.statuses.find((s) => s.id === status || s.name.toLowerCase() === wanted);
    if (match) return match;
    const valid = type.statuses.map((s) => s.name);
    throw new AppError('UNPROCESSABLE', `Unknown status "${status}" for case type ${type.name}. Valid statuses: ${valid.join(', ')}.`, {
      issues: [{ path: 'status', message: `unknown status "${status}"` }],
      valid,
    });
  };

  const resolveClients = (input: ParsedCase): string[] | undefined => {
    if (!input.clientIds && !input.clients) return undefined;
    const ids: string[] = [];
    for (const id of input.clientIds ?? []) {
      if (!q.clientExists.get(id)) throw new AppError('UNPROCESSABLE', `Unknown client id "${id}".`, { issues: [{ path: 'clientIds', message: `unknown client ${id}` }] });
      if (!ids.includes(id)) ids.push(id);
    }
    for (const ref of input.clients ?? []) {
      const key = `${ref.externalSource}\u0000${ref.externalId}`;
      let id = clientIdByRef.get(key);
      if (id === undefined) {
        id = q.clientByExternal.get(ref.externalSource, ref.externalId) as string | undefined;
        if (id === undefined) {
          throw new AppError('UNPROCESSABLE', `Unknown client ${ref.externalSource}/${ref.externalId}: create the client first.`, {
            issues: [{ path: 'clients', message: `unknown client ${ref.externalSource}/${ref.externalId}` }],
          });
        }
        clientIdByRef.set(key, id);
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  };

  const recordChange = (id: string, version: number, kind: 'created' | 'updated', changes: object, now: string) =>
    q.insertChange.run('case', id, version, kind, JSON.stringify(changes), ctx.origin, now);

  const campaignExists = (id: string) => {
    if (knownCampaigns.has(id)) return true;
    if (!q.campaignExists.get(id)) return false;
    knownCampaigns.add(id);
    return true;
  };

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
      const type = resolveType(input.caseType);
      const status = resolveStatus(type, input.status);
      const custom = checkCustomValues(type.fields, input.customValues);
      if (!custom.ok) throw new AppError('UNPROCESSABLE', `Invalid custom field values: ${describeIssues(custom.issues)}`, { issues: custom.issues });
      if (input.campaignId && !campaignExists(input.campaignId)) {
        throw new AppError('UNPROCESSABLE', `Unknown campaign id "${input.campaignId}".`, { issues: [{ path: 'campaignId', message: 'unknown campaign' }] });
      }
      const clientIds = resolveClients(input);
      const now = clock.now().toISOString();
      const row = (
        input.externalSource && input.externalId
          ? q.byExternal.get(input.externalSource, input.externalId)
          : input.caseNumber
            ? q.byNumber.get(input.caseNumber)
            : undefined
      ) as ExistingCase | undefined;
      const existingCustom = row ? (JSON.parse(row.custom_values) as Record<string, unknown>) : {};
      const existingClients = row ? (q.clientIdsOf.all(row.id) as string[]) : [];
      const next = {
        name: input.name,
        caseType: type.name,
        status: status.name,
        campaignId: input.campaignId === undefined ? (row?.campaign_id ?? null) : input.campaignId,
        customValues: sortKeys({ ...withoutNulls(existingCustom, input.customValues), ...custom.values }),
        clientIds: clientIds ?? existingClients,
      };
      const values = [next.name, type.id, status.id, next.campaignId, JSON.stringify(next.customValues), now] as const;
      if (!row) {
        const id = newId();
        const caseNumber = input.caseNumber ?? caseNumbers.next();
        if (q.numberUsed.get(caseNumber)) {
          throw new AppError('CONFLICT', `Case number ${caseNumber} is already used by another case.`, { issues: [{ path: 'caseNumber', message: 'already used' }] });
        }
        q.insertCase.run(...values, now, id, caseNumber, input.externalSource ?? null, input.externalId ?? null, ctx.isDemo ? 1 : 0);
        writeClients(id, next.clientIds, false);
        recordChange(id, 1, 'created', diffFields(null, { caseNumber, ...next }), now);
        return 'created';
      }
      const stored = types.get(row.case_type_id);
      const prev = {
        name: row.name,
        caseType: stored?.name ?? '(deleted case type)',
        status: stored?.statuses.find((s) => s.id === row.status_id)?.name ?? '(deleted status)',
        campaignId: row.campaign_id,
        customValues: sortKeys(existingCustom),
        clientIds: existingClients,
      };
      const changes = diffFields(prev, next);
      if (Object.keys(changes).length === 0) return 'unchanged';
      q.updateCase.run(...values, row.id);
      if (changes.clientIds) writeClients(row.id, next.clientIds, true);
      recordChange(row.id, row.version + 1, 'updated', changes, now);
      return 'updated';
    },
  };
}

function withoutNulls(existing: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  const out = { ...existing };
  for (const [key, value] of Object.entries(given)) if (value === null || value === '') delete out[key];
  return out;
}

/** Key orders already worked out: rows of one file share a handful of key sets. */
const keyOrders = new Map<string, string[]>();

/** The values with keys in `localeCompare` order, as the record store stores them. */
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
