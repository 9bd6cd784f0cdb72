// Applies one CRM record to Kayse (sync.md "Changes from the CRM"). A linked record is decided field by field against
// the snapshot (decide.ts): the CRM's winning values are written through the record store with origin = the CRM (the
// case history shows it, and the push never sends such a change back), Kayse's winning values are sent to the CRM,
// conflicts are logged, and the snapshot takes what both sides now hold, in the transaction of the Kayse write. An
// unlinked record becomes a Kayse case only when receiving it is allowed (selective sync, a Kayse case type of the
// same name); a record this console created is left to the push, which links it.
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { CrmCatalogView, CrmToggles } from '../../../shared/domain/crm';
import type { FieldMappingView, StatusMappingSet } from '../../../shared/domain/sync';
import type { SyncSettings } from '../../../shared/domain/sync-settings';
import type { Case, CaseType } from '../../../shared/domain/workspace';
import { AppError } from '../../../shared/result';
import type { CrmConnector, CrmRecord } from '../../connectors';
import type { Clock } from '../../kernel';
import type { RecordStore } from '../../workspace';
import { kayseStatusFor } from '../status-mappings';
import { toChanges, type CaseValues } from './case-values';
import type { ConflictLog } from './conflict-log';
import { decideFields, type FieldDecision } from './decide';
import { holdSent, markRead, withEchoes, type ReadMark, type SentHold } from './in-flight';
import { fieldChangeTimes } from './pull-times';
import { incomingValues, linkFields } from './pull-values';
import { unlinkedKey, type PullStore } from './pull-store';

export type ApplyOutcome = { kind: 'applied' | 'created' | 'unchanged' | 'skipped'; conflicts: number; caseId: string | null };
/** `stale`: the case changed in Kayse while the record was being applied; nothing written to Kayse, decided again. */
type LinkedOutcome = Omit<ApplyOutcome, 'kind'> & { kind: ApplyOutcome['kind'] | 'stale' };

export interface ApplyDeps {
  crm: CrmConnectorId;
  connector: Pick<CrmConnector, 'update' | 'get'>;
  store: PullStore;
  conflicts: ConflictLog;
  records: Pick<RecordStore, 'upsertCase' | 'upsertClient' | 'updateClient' | 'getCase' | 'getClient' | 'batch'>;
  caseTypes: CaseType[];
  catalog: CrmCatalogView | null;
  toggles: CrmToggles;
  settings: SyncSettings;
  /** Connected to demo mode's simulator: its records are demo records, and only demo cases sync with it. */
  demoConnection: boolean;
  /** The mappings in use for a CRM case type (every direction, none missing). */
  mappingsFor(crmCaseTypeId: string): FieldMappingView[];
  statusSets: StatusMappingSet[];
  clock: Clock;
}

const norm = (s: string) => s.trim().toLowerCase();
const ownName = (name: string) => name.split('›').at(-1)!;
const CLIENT_FIELDS = ['client.first_name', 'client.last_name', 'client.phone', 'client.email'];

/** Sending Kayse's values is allowed now (Send, mapped fields, Send mapping, direction). */
const sends = (d: ApplyDeps) => d.toggles.send && d.toggles.sendFields && d.toggles.sendMapping && d.settings.direction !== 'crm_to_kayse';

function passesFilters(kase: Pick<Case, 'caseTypeId' | 'statusId'>, selective: SyncSettings['selective']): boolean {
  if (selective.recordKinds.length > 0 && !selective.recordKinds.includes('cases')) return false;
  if (selective.caseTypeIds.length > 0 && !selective.caseTypeIds.includes(kase.caseTypeId)) return false;
  if (selective.statusIds.length > 0 && !selective.statusIds.includes(kase.statusId)) return false;
  return true;
}

/** Times a record is decided again when its case changes in Kayse while it is being applied. */
const MAX_ATTEMPTS = 3;

/** The CRM's client values (name, phone, email) that a linked case's client can't take: it has none, or Kayse refused one. */
export class ClientNotUpdatable extends Error {}

/** Client fields of the CRM's that Kayse could not take, and why. */
type Unwritten = { fields: string[]; why: string } | null;

/** Writes the CRM's winning values to the case and its primary client; returns the client fields it could not write. */
function writeToKayse(d: ApplyDeps, kase: Case, wins: FieldDecision[]): Unwritten {
  const custom: Record<string, unknown> = {};
  let name = kase.name;
  let status = kase.status;
  const client: Record<string, unknown> = {};
  for (const w of wins) {
    if (w.kayseField === 'case.name') name = String(w.value ?? '');
    else if (w.kayseField === 'case.status') status = String(w.value);
    else if (CLIENT_FIELDS.includes(w.kayseField)) client[w.kayseField] = w.value;
    else if (w.kayseField.startsWith(`custom.${kase.caseTypeId}.`)) custom[w.kayseField.split('.')[2]!] = w.value;
  }
  const ctx = { origin: d.crm };
  if (name !== kase.name || status !== kase.status || Object.keys(custom).length > 0) {
    d.records.upsertCase({ caseNumber: kase.caseNumber, name, caseType: kase.caseType, status, customValues: custom }, ctx);
  }
  if (Object.keys(client).length === 0) return null;
  const current = kase.clientIds[0] ? d.records.getClient(kase.clientIds[0]) : undefined;
  if (!current) return { fields: Object.keys(client), why: `case ${kase.caseNumber} has no client. Add one to the case, then Retry now` };
  const first = (list: string[], value: unknown) => (value === null || value === '' ? list.slice(1) : [String(value), ...list.slice(1)]);
  const text = (key: string, now: string) => (key in client ? String(client[key] ?? '') : now);
  // By id: a client made in the console has no external reference, and one from elsewhere keeps its own.
  try {
    d.records.updateClient(
      current.id,
      {
        firstName: text('client.first_name', current.firstName),
        lastName: text('client.last_name', current.lastName),
        phones: 'client.phone' in client ? first(current.phones, client['client.phone']) : current.phones,
        emails: 'client.email' in client ? first(current.emails, client['client.email']) : current.emails,
        optOuts: current.optOuts,
      },
      ctx,
    );
  } catch (error) {
    // Kayse's rules refused a value (checked before anything is written): the case's fields still go.
    if (!(error instanceof AppError)) throw error;
    return { fields: Object.keys(client), why: `Kayse refused it: ${error.message.replace(/\.?$/, '.')} Correct it in the CRM, then Retry now` };
  }
  return null;
}

/** One linked CRM record: decided against the snapshot, Kayse's winners sent, the CRM's written, conflicts logged. */
async function applyLinked(d: ApplyDeps, record: CrmRecord, caseId: string, crmCaseTypeId: string, ours: SentHold): Promise<LinkedOutcome> {
  const now = () => d.clock.now().toISOString();
  const kase = d.records.getCase(caseId);
  if (!kase || kase.unreadable || kase.isDemo !== d.demoConnection || !passesFilters(kase, d.settings.selective)) return { kind: 'skipped', conflicts: 0, caseId };
  const client = kase.clientIds[0] ? (d.records.getClient(kase.clientIds[0]) ?? null) : null;
  const statuses = d.toggles.syncStatuses ? (d.statusSets.find((s) => s.kayseCaseTypeId === kase.caseTypeId) ?? null) : null;
  const changedAt = fieldChangeTimes(d, kase.id, client?.id ?? null);
  const fields = linkFields({ record: kase, client, caseTypes: d.caseTypes, catalog: d.catalog, mappings: d.mappingsFor(crmCaseTypeId), statuses }, record).map((f) => {
    const at = changedAt(f.kayseField);
    return at === undefined ? f : { ...f, kayseChangedAt: at };
  });
  const kayseChangedAt = [kase.updatedAt, client?.updatedAt ?? ''].sort().at(-1)!;
  const decisions = decideFields({
    fields,
    // Our own writes not yet in the snapshot (this update's, decided again, or another's on its way) are no CRM change.
    snapshot: withEchoes(d.crm, caseId, d.store.snapshot(d.crm, caseId), fields),
    conflict: d.settings.conflict,
    times: { kayseChangedAt, crmChangedAt: record.modifiedAt },
    allowed: { toKayse: true, toCrm: sends(d) },
  });

  // Kayse's winners go first (a CRM call never runs inside a transaction); if it fails they stay unsynced.
  // The push and a pull pass may decide the same case at once: a winner the other already has on its way is not
  // sent twice (its landing writes the snapshot; if it fails, the field is still unsynced here and decided again).
  const toCrm = decisions.filter((x) => x.action === 'to_crm' && !ours.othersSending(x.crmFieldId, x.value));
  let sent = false;
  let sendError: unknown = null;
  if (toCrm.length > 0) {
    const values = Object.fromEntries(toCrm.map((x) => [x.crmFieldId, x.value])) as CaseValues['crm'];
    ours.add(values);
    try {
      await d.connector.update(record.id, toChanges(values));
      sent = true;
    } catch (error) {
      sendError = error;
    }
  }
  const toKayse = decisions.filter((x) => x.action === 'to_kayse');
  const done = (x: FieldDecision) => (x.action === 'to_kayse' && !unwritten?.fields.includes(x.kayseField)) || (x.action === 'to_crm' && sent && toCrm.includes(x)) || (x.action === 'none' && x.snapshot !== null);
  const logged = decisions.filter((x) => x.conflict);
  let unwritten = null as Unwritten; // assigned in the batch's callback (the cast keeps TypeScript from narrowing to null)
  // Decided on what was read before the CRM call: if the case or its client changed since, nothing is written and
  // the record is decided again on what they hold now (a console edit is never overwritten unseen).
  const stale = () => d.records.getCase(caseId)?.version !== kase.version || (client !== null && d.records.getClient(client.id)?.version !== client.version);
  let changedMeanwhile = false;
  let loggedCount = 0;
  d.records.batch(() => {
    changedMeanwhile = stale();
    // A conflict whose winner was already sent to the CRM is logged even when the rest is decided again.
    for (const x of logged.filter((c) => !changedMeanwhile || (c.action === 'to_crm' && sent && toCrm.includes(c)))) {
      loggedCount += 1;
      const outcome = done(x) && x.action !== 'none' ? x.action : 'kept';
      d.conflicts.add(d.crm, { caseId, crmRecordId: record.id, kayseField: x.kayseField, crmFieldId: x.crmFieldId, conflict: x.conflict!, outcome, decidedAt: now() });
    }
    if (changedMeanwhile) return;
    unwritten = writeToKayse(d, kase, toKayse);
    const synced = decisions.filter((x) => done(x) && x.snapshot);
    if (synced.length > 0) {
      d.store.mergeSnapshot(
        d.crm,
        caseId,
        { kayse: Object.fromEntries(synced.map((x) => [x.kayseField, x.snapshot!.kayse])), crm: Object.fromEntries(synced.map((x) => [x.crmFieldId, x.snapshot!.crm])) },
        now(),
      );
    }
  });
  if (changedMeanwhile) return { kind: 'stale', conflicts: loggedCount, caseId };
  if (sendError) throw sendError;
  if (unwritten) {
    throw new ClientNotUpdatable(`The CRM's ${unwritten.fields.join(', ')} can't be written to the client of case ${kase.caseNumber} (the case's other fields were): ${unwritten.why}.`);
  }
  const changed = toKayse.length > 0 || toCrm.length > 0;
  return { kind: changed ? 'applied' : 'unchanged', conflicts: loggedCount, caseId };
}

/** The Kayse case type a CRM case type brings records into: the one of the same name (SmartAdvocate's without its group). */
function kayseTypeFor(d: ApplyDeps, crmCaseTypeId: string | null): CaseType | null {
  const crmType = d.catalog?.caseTypes.find((t) => t.id === crmCaseTypeId);
  if (!crmType) return null;
  const names = new Set([norm(crmType.name), norm(ownName(crmType.name))]);
  const found = d.caseTypes.filter((t) => names.has(norm(t.name)));
  return found.length === 1 ? found[0]! : null;
}

/** An unlinked CRM record: a new Kayse case (and its client) when receiving it is allowed, linked with its snapshot. */
function createFromCrm(d: ApplyDeps, record: CrmRecord): ApplyOutcome {
  const skipped: ApplyOutcome = { kind: 'skipped', conflicts: 0, caseId: null };
  // Made by this console: the push links it (pulling it here would make a second Kayse case).
  if (record.marker) return skipped;
  const type = kayseTypeFor(d, record.caseTypeId);
  if (!type || type.statuses.length === 0) return skipped;
  const set = d.toggles.syncStatuses ? (d.statusSets.find((s) => s.kayseCaseTypeId === type.id) ?? null) : null;
  const reverse = set && record.statusId ? kayseStatusFor(set, record.statusId, record.substatuses) : null;
  const status = type.statuses.find((s) => s.id === reverse) ?? [...type.statuses].sort((a, b) => a.position - b.position)[0]!;
  if (!passesFilters({ caseTypeId: type.id, statusId: status.id }, d.settings.selective)) return skipped;

  const mappings = record.caseTypeId ? d.mappingsFor(record.caseTypeId) : [];
  const values = incomingValues(record, type, d.caseTypes, d.catalog, mappings);
  const ctx = { origin: d.crm, isDemo: d.demoConnection };
  const text = (key: string, fallback: string | null) => (typeof values[key] === 'string' ? (values[key] as string) : fallback);
  const firstName = text('client.first_name', record.firstName) ?? '';
  const lastName = text('client.last_name', record.lastName) ?? '';
  const phone = text('client.phone', record.phone);
  const email = text('client.email', record.email);
  const personName = `${firstName} ${lastName}`.trim();
  const custom = Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith('custom.')).map(([k, v]) => [k.split('.')[2]!, v]));
  const caseId = d.records.batch(() => {
    const client = d.records.upsertClient(
      { externalSource: d.crm, externalId: record.id, firstName: firstName || lastName || 'Unknown', lastName: firstName ? lastName : '', phones: phone ? [phone] : [], emails: email ? [email] : [] },
      ctx,
    ).client;
    const name = text('case.name', null) ?? (personName || `${d.crm} ${record.id}`);
    const created = d.records.upsertCase({ externalSource: d.crm, externalId: record.id, name, caseType: type.name, status: status.name, clientIds: [client.id], customValues: custom }, ctx).case;
    // The snapshot is what both sides hold now: every field that came over is equal on both sides.
    const fields = linkFields({ record: created, client, caseTypes: d.caseTypes, catalog: d.catalog, mappings, statuses: set }, record);
    const equal = decideFields({ fields, snapshot: null, conflict: d.settings.conflict, times: { kayseChangedAt: null, crmChangedAt: null } }).filter((x) => x.reason === 'equal');
    const at = d.clock.now().toISOString();
    d.store.linkNew(
      d.crm,
      { caseId: created.id, crmRecordId: record.id, crmCaseTypeId: record.caseTypeId ?? '', linkedAt: at },
      { kayseValues: Object.fromEntries(equal.map((x) => [x.kayseField, x.snapshot!.kayse])), crmValues: Object.fromEntries(equal.map((x) => [x.crmFieldId, x.snapshot!.crm])), syncedAt: at },
    );
    return created.id;
  });
  return { kind: 'created', conflicts: 0, caseId };
}

/**
 * Applies one CRM record (from a listing page, a webhook call, a retry or an initial sync): linked → decided and
 * applied; unlinked → created in Kayse when allowed, else skipped. Throws what failed (the caller records it as the
 * record's error); on success the record's from_crm error is cleared. `read`: marked before `record` was read (the
 * caller closes it); without it the record is taken as current.
 */
export async function applyCrmRecord(d: ApplyDeps, record: CrmRecord, read?: ReadMark): Promise<ApplyOutcome> {
  const link = d.store.linkOfRecord(d.crm, record.id);
  if (!link) {
    const created = createFromCrm(d, record);
    d.store.clearError(d.crm, unlinkedKey(record.id));
    return created;
  }
  let conflicts = 0;
  let current = record;
  // Reads made here are marked too: a write of ours may land while one is on its way.
  const reads: ReadMark[] = [];
  const readAgain = async () => {
    const mark = markRead();
    reads.push(mark);
    current = await d.connector.get(record.id);
    return mark;
  };
  // What this call sends stays an echo until its snapshot is written: a stale attempt writes none, and the attempt
  // after it reads the CRM record holding what it sent.
  const sent = holdSent(d.crm, link.caseId);
  try {
    let mark = read;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      // The copy in hand was read before a write of ours to it landed (in-flight.ts): the snapshot holds our value,
      // the copy the older one, which would look like a CRM change. Read it again.
      for (let i = 0; i < MAX_ATTEMPTS && mark?.landedSince(d.crm, link.caseId); i += 1) mark = await readAgain();
      const outcome = await applyLinked(d, current, link.caseId, link.crmCaseTypeId, sent);
      conflicts += outcome.conflicts;
      if (outcome.kind !== 'stale') {
        d.store.clearError(d.crm, link.caseId);
        return { kind: outcome.kind, conflicts, caseId: link.caseId };
      }
      // Read again: the CRM record may have changed meanwhile too (the push may have sent the Kayse edit).
      mark = await readAgain();
    }
  } finally {
    sent.release();
    for (const mark of reads) mark.close();
  }
  throw new Error(`Case ${link.caseId} kept changing in Kayse while the CRM's record ${record.id} was applied; it will be tried again.`);
}
