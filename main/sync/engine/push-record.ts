// Pushes one Kayse case to one CRM: filters, then a create (intent with its marker committed first; a lost answer
// looked up with findExisting before any second create) or an update of only the mapped values that changed since
// the snapshot. Two ways (Receive on, direction both), such an update first reads the CRM record and decides each
// field against the snapshot (push-decide.ts), so a CRM change not yet pulled is never overwritten. A CRM failure
// becomes the record's own error (rejected waits, the others back off), kept with the call as it was sent
// (sent-request.ts), except a 429, which the integration as a whole waits out.
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { CrmCatalogView, CrmToggles } from '../../../shared/domain/crm';
import type { FieldMappingView, StatusMappingSet } from '../../../shared/domain/sync';
import type { SyncSettings } from '../../../shared/domain/sync-settings';
import type { Case, CaseType, Client } from '../../../shared/domain/workspace';
import { CrmError, type CrmConnector, type CrmRecord } from '../../connectors';
import type { Clock } from '../../kernel';
import { newId } from '../../kernel';
import { caseValues, changedSince, toChanges, toCreateInput, type CaseValues } from './case-values';
import { holdSent } from './in-flight';
import { pushDecided, type TwoWayDeps } from './push-decide';
import type { PushStore } from './push-store';
import { noteSent, type Attempt } from './sent-request';

/** An object: the record goes again later (after a 429's wait; `auth`: once the integration's pause ends). */
export type PushOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed' | { waitMs: number; auth?: string };

export interface PushDeps {
  crm: CrmConnectorId;
  connector: CrmConnector;
  store: PushStore;
  clock: Clock;
  getCase(id: string): Case | undefined;
  getClient(id: string): Client | undefined;
  caseTypes: CaseType[];
  catalog: CrmCatalogView | null;
  toggles: CrmToggles;
  settings: SyncSettings;
  /** Connected to demo mode's simulator: the only place demo records may go. */
  demoConnection: boolean;
  /** The mappings records of a CRM case type push with (used, direction both or to_crm). */
  mappingsFor(crmCaseTypeId: string): FieldMappingView[];
  statusSets: StatusMappingSet[];
  /** Override scopes of the field mappings: CRM case type id → Kayse field keys. */
  overrideScopes: Map<string, string[]>;
  /** The pull's stores, for deciding an update against the CRM record (push-decide.ts); absent: sent as they are. */
  twoWay?: TwoWayDeps;
}

const HOUR = 3_600_000;
/** 1 min doubling to 1 h, then hourly (sync.md "Errors"). */
export const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), HOUR);

const CRM_NAMES: Record<CrmConnectorId, string> = { lawruler: 'LawRuler', smartadvocate: 'SmartAdvocate' };
const norm = (s: string) => s.trim().toLowerCase();

/** The last part of a CRM case type's name (SmartAdvocate names it "Case group › Case type"). */
const ownName = (name: string) => name.split('›').at(-1)!;

/**
 * The CRM case type a Kayse case goes to: the one of the same name (a single one; SmartAdvocate's without its case
 * group), else the one whose overrides map the Kayse case type's custom fields.
 */
export function crmCaseTypeFor(kayseType: CaseType, catalog: CrmCatalogView | null, overrideScopes: Map<string, string[]>): string | null {
  const byName = (catalog?.caseTypes ?? []).filter((t) => norm(t.name) === norm(kayseType.name) || norm(ownName(t.name)) === norm(kayseType.name));
  if (byName.length === 1) return byName[0]!.id;
  for (const [scope, keys] of overrideScopes) if (keys.some((k) => k.startsWith(`custom.${kayseType.id}.`))) return scope;
  return null;
}

export function passesFilters(record: Case, selective: SyncSettings['selective']): boolean {
  if (selective.recordKinds.length > 0 && !selective.recordKinds.includes('cases')) return false;
  if (selective.caseTypeIds.length > 0 && !selective.caseTypeIds.includes(record.caseTypeId)) return false;
  if (selective.statusIds.length > 0 && !selective.statusIds.includes(record.statusId)) return false;
  return true;
}

/** `onConflicts`: how many fields the CRM had changed too and the rule decided (an update decided two-way; its run counts them). */
export async function pushCase(deps: PushDeps, caseId: string, onConflicts?: (n: number) => void): Promise<PushOutcome> {
  const { crm, store } = deps;
  const now = () => deps.clock.now().toISOString();
  const record = deps.getCase(caseId);
  if (!record || record.unreadable) return 'skipped';
  // Demo data never reaches a real CRM (product.md); and a real record never goes to demo mode's simulator.
  if (record.isDemo !== deps.demoConnection) return 'skipped';
  if (!passesFilters(record, deps.settings.selective)) return 'skipped';
  const client = record.clientIds[0] ? (deps.getClient(record.clientIds[0]) ?? null) : null;
  const link = store.link(crm, caseId);
  const intent = link ? null : store.intent(crm, caseId);
  const kayseType = deps.caseTypes.find((t) => t.id === record.caseTypeId);
  const crmCaseTypeId = link?.crmCaseTypeId ?? intent?.crmCaseTypeId ?? (kayseType ? crmCaseTypeFor(kayseType, deps.catalog, deps.overrideScopes) : null);
  if (!crmCaseTypeId) {
    const message = `No ${CRM_NAMES[crm]} case type matches the Kayse case type "${record.caseType}": give one the same name, or map its custom fields in a ${CRM_NAMES[crm]} case type's overrides.`;
    store.recordError(crm, { caseId, kind: 'config', message, crmMessage: null, httpStatus: null, field: null, lastAt: now(), nextTryAt: null });
    return 'failed';
  }
  const statusSet = deps.toggles.syncStatuses ? (deps.statusSets.find((s) => s.kayseCaseTypeId === record.caseTypeId) ?? null) : null;
  const values = caseValues({ record, client, caseTypes: deps.caseTypes, catalog: deps.catalog, mappings: deps.mappingsFor(crmCaseTypeId), statuses: statusSet });

  const attempt: Attempt = { sent: null };
  try {
    if (link) return await updateLinked(deps, caseId, link.crmRecordId, values, attempt, onConflicts);
    return await create(deps, record, client, crmCaseTypeId, values, intent?.marker ?? null, attempt);
  } catch (error) {
    return failed(deps, caseId, error, attempt);
  }
}

/** A linked case: nothing changed since the snapshot → no CRM call; else decided against the CRM record when two-way. */
async function updateLinked(deps: PushDeps, caseId: string, crmRecordId: string, values: CaseValues, attempt: Attempt, onConflicts?: (n: number) => void): Promise<PushOutcome> {
  const snapshot = deps.store.snapshot(deps.crm, caseId);
  if (Object.keys(changedSince(values.crm, snapshot?.crmValues ?? null)).length > 0) {
    const decided = await pushDecided(deps, caseId, crmRecordId, onConflicts, attempt);
    if (decided) return decided;
  }
  return update(deps, caseId, crmRecordId, values, attempt);
}

/** Sends every mapped value changed since the snapshot as it is (one way, and a create found by its marker). */
async function update(deps: PushDeps, caseId: string, crmRecordId: string, values: CaseValues, attempt: Attempt): Promise<PushOutcome> {
  const snapshot = deps.store.snapshot(deps.crm, caseId);
  const changed = changedSince(values.crm, snapshot?.crmValues ?? null);
  const syncedAt = deps.clock.now().toISOString();
  const next = { kayseValues: { ...snapshot?.kayseValues, ...values.kayse }, crmValues: { ...snapshot?.crmValues, ...values.crm }, syncedAt };
  if (Object.keys(changed).length === 0) {
    if (deps.store.error(deps.crm, caseId)) deps.store.synced(deps.crm, caseId, snapshot ? { ...snapshot, syncedAt } : next);
    return 'unchanged';
  }
  // An echo (in-flight.ts) until the snapshot holds it: a pull reading the record meanwhile must not take it back.
  const sent = holdSent(deps.crm, caseId);
  sent.add(changed);
  try {
    const changes = toChanges(changed);
    noteSent(attempt, deps.clock, { operation: 'update', crmRecordId, changes });
    await deps.connector.update(crmRecordId, changes);
    deps.store.synced(deps.crm, caseId, next);
  } finally {
    sent.release();
  }
  return 'updated';
}

async function create(deps: PushDeps, record: Case, client: Client | null, crmCaseTypeId: string, values: CaseValues, earlierMarker: string | null, attempt: Attempt): Promise<PushOutcome> {
  const { crm, store, connector } = deps;
  const input = toCreateInput(values.crm, crmCaseTypeId, client, record);
  const lookUp = (marker: string) => connector.findExisting({ ...(input.email ? { email: input.email } : {}), ...(input.phone ? { phone: input.phone } : {}) }, marker);
  // An intent left by a lost answer or a crash: the record may be in the CRM already.
  let found: CrmRecord | null = earlierMarker ? await lookUp(earlierMarker) : null;
  let marker = earlierMarker;
  if (!found && !marker) {
    marker = `kayse-${record.id}-${newId()}`.slice(0, 120);
    store.writeIntent(crm, record.id, { marker, crmCaseTypeId, createdAt: deps.clock.now().toISOString() });
  }
  if (!found) {
    try {
      noteSent(attempt, deps.clock, { operation: 'create', input });
      const created = await connector.create(input, marker!);
      store.linkCreated(crm, { caseId: record.id, crmRecordId: created.id, crmCaseTypeId, linkedAt: deps.clock.now().toISOString() }, {
        kayseValues: values.kayse,
        crmValues: values.crm,
        syncedAt: deps.clock.now().toISOString(),
      });
      return 'created';
    } catch (error) {
      if (!(error instanceof CrmError) || error.kind !== 'unknown_outcome') throw error;
      found = await lookUp(marker!);
      if (!found) throw error;
    }
  }
  // Found by its marker: linked with an empty snapshot, so an update sends every mapped value (a create that
  // stopped half way may have set only some of them).
  store.linkCreated(crm, { caseId: record.id, crmRecordId: found.id, crmCaseTypeId, linkedAt: deps.clock.now().toISOString() }, {
    kayseValues: {},
    crmValues: {},
    syncedAt: deps.clock.now().toISOString(),
  });
  await update(deps, record.id, found.id, values, attempt);
  return 'created';
}

/** `attempt.sent`: the call the attempt sent last, kept with the error (none: nothing went out before it failed). */
function failed(deps: PushDeps, caseId: string, error: unknown, attempt: Attempt): PushOutcome {
  const lastAt = deps.clock.now().toISOString();
  if (error instanceof CrmError && error.kind === 'rate_limited') return { waitMs: error.crmDetails.retryAfterMs ?? 60_000 };
  // Not the record's fault: the integration pauses and the record waits with the rest.
  if (error instanceof CrmError && error.kind === 'auth') return { waitMs: 0, auth: error.crmDetails.crmMessage ?? error.message };
  const attempts = (deps.store.error(deps.crm, caseId)?.attempts ?? 0) + 1;
  const retryAt = new Date(deps.clock.now().getTime() + backoffMs(attempts)).toISOString();
  if (error instanceof CrmError) {
    const d = error.crmDetails;
    // A refused value waits for a change of the record or "Retry now"; sending it again unchanged would fail again.
    const waits = d.kind === 'rejected' || d.kind === 'not_found';
    deps.store.recordError(deps.crm, {
      caseId,
      kind: d.kind,
      message: error.message,
      crmMessage: d.crmMessage ?? null,
      httpStatus: d.status ?? null,
      field: d.field ?? null,
      lastAt,
      nextTryAt: waits ? null : retryAt,
    }, attempt.sent);
    return 'failed';
  }
  const message = error instanceof Error ? error.message : String(error);
  deps.store.recordError(deps.crm, { caseId, kind: 'internal', message, crmMessage: null, httpStatus: null, field: null, lastAt, nextTryAt: retryAt }, attempt.sent);
  return 'failed';
}
