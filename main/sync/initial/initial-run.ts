// The initial sync's run, from wherever its job's checkpoint stands. Phase "crm": the CRM's records page by page;
// each page is one transaction (links with their snapshots, the Kayse clients and cases created from CRM-only records
// with the CRM as origin, the checkpoint), so a crash leaves a page either done or not begun. Phase "kayse": the
// Kayse cases nothing matched, page by page in id order, each created in the CRM through the push's own create path
// (its intent written before the call, looked up before any second create), so neither this run, its resumption
// after a crash nor the push running beside it ever creates one twice. Stopping (cancel, shutdown) waits for the
// page under way.
import type Database from 'better-sqlite3';
import type { Case, Client } from '../../../shared/domain/workspace';
import { AppError } from '../../../shared/result';
import { collectGarbage } from '../../kernel';
import type { RecordStore } from '../../workspace';
import { CrmError, type CrmRecord } from '../../connectors';
import { caseValues } from '../engine/case-values';
import { markRead, type ReadMark } from '../engine/in-flight';
import { applyCrmRecord, type ApplyDeps } from '../engine/pull-apply';
import { crmCaseTypeFor, pushCase } from '../engine/push-record';
import type { PushStore } from '../engine/push-store';
import { MAX_PAGES, readPage, type PageReader } from './crm-pages';
import { crmValuesOf } from './crm-to-kayse';
import type { JobRow, InitialStore } from './initial-store';
import { AMBIGUOUS_LISTED, ambiguousEntry } from './initial-preview';
import { decideCrmRecord, decideKayseCase, type InitialRules } from './initial-rules';
import { loadKayseIndex, type KayseIndex } from './kayse-index';

export interface RunDeps {
  sqlite: Database.Database;
  store: InitialStore;
  pushStore: PushStore;
  records: Pick<RecordStore, 'upsertClient' | 'updateClient' | 'upsertCase' | 'batch' | 'getCase' | 'getClient'>;
  rules: InitialRules;
  reader: PageReader;
  now(): string;
  /** After every checkpoint. */
  onPage(job: JobRow): void;
  /** The pull's decision for a linked record (absent: links keep both sides as they are). */
  apply?: ApplyDeps;
}

/** Pages (of 200 records) between full collections during the CRM phase: 25 → one per 5,000 records. */
const GC_EVERY_PAGES = 25;

/** 429s one Kayse case may wait out before the run gives up on it for now (the push retries it later). */
const CASE_WAITS = 20;

/** Runs the job to its end, or until the reader says stop; returns the job as last checkpointed. */
export async function runInitial(deps: RunDeps, job: JobRow): Promise<JobRow> {
  const index = loadKayseIndex(deps.sqlite, job.crm, deps.rules.push.demoConnection);
  if (job.phase === 'crm') {
    for (let pages = 0; pages < MAX_PAGES; pages += 1) {
      // Marked before the read: a push landing on a linked record before it is decided makes it read again.
      const read = markRead();
      try {
        const page = await readPage(deps.reader, job.crmCursor);
        if (!page) return job;
        // Worked on a copy: a page whose transaction fails leaves the job as its last checkpoint says.
        const next = structuredClone(job);
        const linked: CrmRecord[] = [];
        next.counts.read += page.records.length;
        next.crmCursor = page.next;
        next.pages += 1;
        if (page.caughtUp || page.records.length === 0) next.phase = 'kayse';
        deps.records.batch(() => {
          for (const record of page.records) if (applyRecord(deps, index, next, record)) linked.push(record);
          next.updatedAt = deps.now();
          // Nothing to decide afterwards: the checkpoint goes with the page.
          if (!deps.apply) deps.store.save(next);
        });
        if (deps.apply) {
          // Each linked record decided field by field as the pull decides (a CRM call may send Kayse's winners), then
          // the checkpoint: a crash before it does the page again, its records linked by then and decided again.
          for (const record of linked) if ((await decide(deps, deps.apply, next, record, read)) === null) return job;
          next.updatedAt = deps.now();
          deps.records.batch(() => deps.store.save(next));
        }
        Object.assign(job, next);
        deps.onPage(job);
        // The pages read are garbage now: collected every GC_EVERY_PAGES so the peak stays near the live heap (heap.ts).
        if (job.pages % GC_EVERY_PAGES === 0) collectGarbage();
        if (next.phase === 'kayse') break;
        if (deps.reader.stopping()) return job;
      } finally {
        read.close();
      }
    }
  }
  return kaysePhase(deps, index, job);
}

/** One linked record through the pull's decision; null when stopped while waiting out a 429. */
async function decide(deps: RunDeps, apply: ApplyDeps, job: JobRow, record: CrmRecord, read: ReadMark): Promise<true | null> {
  for (let i = 0; i < CASE_WAITS; i += 1) {
    try {
      await applyCrmRecord(apply, record, read);
      return true;
    } catch (error) {
      if (error instanceof CrmError && error.kind === 'rate_limited') {
        if (deps.reader.stopping()) return null;
        await deps.reader.sleep(error.crmDetails.retryAfterMs ?? 1_000);
        continue;
      }
      if (error instanceof CrmError && error.kind === 'auth') throw error;
      // The record stays linked with what it had; the pull decides it again when it changes.
      job.counts.failed += 1;
      return true;
    }
  }
  job.counts.failed += 1;
  return true;
}

/** One CRM record, inside its page's transaction; true when it is linked (to decide its values). */
function applyRecord(deps: RunDeps, index: KayseIndex, job: JobRow, record: CrmRecord): boolean {
  // Linked meanwhile by the pull or the push running beside the run (the index was read when it began).
  const fresh = deps.store.linkOfRecord(deps.rules.push.crm, record.id);
  if (fresh) index.claim(fresh, record.id);
  const d = decideCrmRecord(record, index, deps.rules);
  switch (d.kind) {
    case 'alreadyLinked':
      if (d.key === 'externalId') link(deps, record, d.caseId);
      index.claim(d.caseId, record.id);
      job.counts.alreadyLinked += 1;
      return true;
    case 'link':
      // The push linked that case to a record it created meanwhile: this one is left for the admin.
      if (deps.pushStore.link(deps.rules.push.crm, d.caseId)) {
        job.counts.skipped += 1;
        return false;
      }
      link(deps, record, d.caseId);
      index.claim(d.caseId, record.id);
      job.counts.linked += 1;
      return true;
    case 'ambiguous':
      for (const c of d.candidates) if (!job.heldCaseIds.includes(c.caseId)) job.heldCaseIds.push(c.caseId);
      if (job.ambiguous.length < AMBIGUOUS_LISTED) job.ambiguous.push(ambiguousEntry(record, d.key, d.candidates));
      job.counts.ambiguous += 1;
      return false;
    case 'createInKayse': {
      const origin = { origin: deps.rules.push.crm, isDemo: deps.rules.push.demoConnection };
      const { client } = deps.records.upsertClient(d.create.client, origin);
      const { case: created } = deps.records.upsertCase({ ...d.create.case, clientIds: [client.id] }, origin);
      // Its link, not the index, keeps it paired: applyRecord and the Kayse phase read sync_links (kayse-index.ts).
      link(deps, record, created.id, created, client, true);
      job.counts.createdInKayse += 1;
      return false;
    }
    default:
      job.counts.skipped += 1;
      return false;
  }
}

/**
 * Pairs a Kayse case with a CRM record. A case made from the record, or any link while the pull's decision is not
 * at hand: a snapshot of the mapped values as each side holds them now, so that from here on only a change of
 * either side is synced. A matched case when the pull's decision is at hand: an empty snapshot, so the decision
 * that follows treats every field as a first sync (equal: kept; one side empty: the filled side; else the rule).
 */
function link(deps: RunDeps, record: CrmRecord, caseId: string, known?: Case, knownClient?: Client, createdHere = false): void {
  const { push } = deps.rules;
  if (deps.apply && !createdHere) {
    const at = deps.now();
    const kase = deps.records.getCase(caseId);
    const type = kase && push.caseTypes.find((t) => t.id === kase.caseTypeId);
    const crmCaseTypeId = record.caseTypeId ?? (type ? crmCaseTypeFor(type, push.catalog, push.overrideScopes) : null) ?? '';
    deps.store.link(push.crm, { caseId, crmRecordId: record.id, crmCaseTypeId, at }, { kayseValues: {}, crmValues: {} });
    return;
  }
  const kase = known ?? deps.records.getCase(caseId);
  if (!kase) return;
  const type = push.caseTypes.find((t) => t.id === kase.caseTypeId);
  const crmCaseTypeId = record.caseTypeId ?? (type ? crmCaseTypeFor(type, push.catalog, push.overrideScopes) : null) ?? '';
  const client = knownClient ?? (kase.clientIds[0] ? (deps.records.getClient(kase.clientIds[0]) ?? null) : null);
  const statuses = push.toggles.syncStatuses ? (push.statusSets.find((s) => s.kayseCaseTypeId === kase.caseTypeId) ?? null) : null;
  const values = caseValues({ record: kase, client, caseTypes: push.caseTypes, catalog: push.catalog, mappings: push.mappingsFor(crmCaseTypeId), statuses });
  const now = deps.now();
  deps.store.link(push.crm, { caseId, crmRecordId: record.id, crmCaseTypeId, at: now }, { kayseValues: values.kayse, crmValues: crmValuesOf(record, values.crm) });
}

interface CaseRow {
  id: string;
  case_type_id: string;
  status_id: string;
  is_demo: number;
}

async function kaysePhase(deps: RunDeps, index: KayseIndex, job: JobRow): Promise<JobRow> {
  const next = deps.sqlite.prepare<[string, number], CaseRow>('SELECT id, case_type_id, status_id, is_demo FROM cases WHERE id > ? ORDER BY id LIMIT ?');
  const held = new Set(job.heldCaseIds);
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    if (deps.reader.stopping()) return job;
    const rows = next.all(job.kayseAfter ?? '', deps.reader.pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (Boolean(row.is_demo) !== deps.rules.push.demoConnection || index.isLinked(row.id) || held.has(row.id)) continue;
      if (deps.pushStore.link(job.crm, row.id)) continue;
      const decision = decideKayseCase({ caseTypeId: row.case_type_id, statusId: row.status_id }, deps.rules);
      if (decision !== 'createInCrm') {
        job.counts.skipped += 1;
        continue;
      }
      const outcome = await pushWithWaits(deps, row.id);
      // Stopped while waiting out a 429: this page is done again on resumption (what it created is linked by then).
      if (outcome === null) return job;
      if (outcome === 'created') job.counts.createdInCrm += 1;
      else if (outcome === 'failed') job.counts.failed += 1;
      else if (outcome === 'skipped') job.counts.skipped += 1;
      // updated / unchanged: the push linked it meanwhile.
      else job.counts.alreadyLinked += 1;
    }
    job.kayseAfter = rows.at(-1)!.id;
    job.pages += 1;
    job.updatedAt = deps.now();
    deps.store.save(job);
    deps.onPage(job);
  }
  return job;
}

async function pushWithWaits(deps: RunDeps, caseId: string) {
  for (let i = 0; i < CASE_WAITS; i += 1) {
    const outcome = await pushCase(deps.rules.push, caseId);
    if (typeof outcome !== 'object') return outcome;
    // The CRM refused the credentials even after signing in again: the run stops here, its checkpoint kept.
    if ('auth' in outcome && outcome.auth !== undefined) throw new AppError('UPSTREAM_ERROR', `The CRM refused the credentials: ${outcome.auth}`, { kind: 'auth' });
    if (deps.reader.stopping()) return null;
    await deps.reader.sleep(outcome.waitMs);
  }
  return 'failed' as const;
}
