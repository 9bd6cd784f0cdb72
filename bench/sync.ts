// Sync engine: (1) the initial sync of 100,000 SmartAdvocate cases (+ their contacts) from the simulator (its own
// process) into a real core (connector paging, matching, record store with its change log, links and snapshots,
// checkpoints) against a bare loop that pages the same listing over HTTP, JSON-parses it and inserts the same rows
// (client, case, its client, two change rows, link, snapshot) into the console's schema without the engine, with the
// bench process's RSS sampled during the engine's run; (2) real time (sync-realtime.ts); (3) the rate-limit drain
// (sync-drain.ts). Every figure beside its baseline measured in the same run.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'undici';
import { BEGINNING_ISO } from '../main/connectors/smartadvocate/list-changed';
import { defaultMigrationsFolder, openDatabase, writeTransaction } from '../main/db';
import { CASE_INSERT_SQL } from '../main/workspace';
import { DEFAULT_RATE_LIMITS } from '../main/sync/engine/rate-limit';
import { makeTempDir } from '../main/test-support/temp-dir';
import { startSimulatorProcess, type SimulatorProcess } from './support/sim-process';
import { connectedCore } from './support/sync-core';
import { benchSyncDrain } from './sync-drain';
import { benchSyncSoak } from './sync-soak';
import { realTime } from './sync-realtime';

interface Row {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
}

const OVERLAP_MS = 60_000;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
/** This process's CPU time (all its threads) since `from`, per 1,000 records. */
const cpuPer1000 = (from: NodeJS.CpuUsage, records: number) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000 / (records / 1000);
};

/** Samples this process's RSS every 20 ms until stopped: the RSS when it began and the peak, in MB. */
function rssSampler() {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return {
    stop() {
      clearInterval(timer);
      return { beforeMb: before / 1024 / 1024, peakMb: Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024 };
    },
  };
}

async function engineInitialSync(sim: SimulatorProcess, records: number) {
  const core = await connectedCore(sim, { initialPageSize: 1000 });
  try {
    const rss = rssSampler();
    const cpu = process.cpuUsage();
    const started = performance.now();
    await core.api.sync.initialStart({ crm: 'smartadvocate' });
    await core.sync.initial.idle('smartadvocate');
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = cpuPer1000(cpu, records);
    const { beforeMb, peakMb } = rss.stop();
    const job = core.sync.initial.status('smartadvocate')!;
    if (job.state !== 'done' || job.counts.createdInKayse !== records) throw new Error(`the initial sync ended ${job.state}: ${JSON.stringify(job.counts)} ${job.error ?? ''}`);
    return { rate: records / seconds, seconds, peakMb, beforeMb, cpuMs };
  } finally {
    await core.cleanup();
  }
}

interface WireCase {
  caseID: number;
  caseNumber: string;
  caseTypeID: number;
  modifiedDate: string;
  primaryContact?: { firstName?: string; lastName?: string; email?: string | null; phone?: string | null } | null;
}

/**
 * The bare loop: one keep-alive connection, the listing paged as the connector pages it, JSON.parse, and the same
 * rows the engine writes (client, case, its client, two change rows, link, snapshot) in the console's own migrated
 * schema, with plain prepared inserts, one transaction per page.
 */
async function bareInitialSync(sim: SimulatorProcess, records: number) {
  const temp = makeTempDir();
  const db = openDatabase({ file: join(temp.dir, 'bare.db'), migrationsFolder: defaultMigrationsFolder() }).sqlite;
  const now = new Date().toISOString();
  for (const id of [1249, 1250, 1251, 1301, 1302]) {
    db.prepare('INSERT INTO case_types (id, name, created_at) VALUES (?, ?, ?)').run(`t${id}`, `type ${id}`, now);
    db.prepare('INSERT INTO case_statuses (id, case_type_id, name, position) VALUES (?, ?, ?, 0)').run(`s${id}`, `t${id}`, 'New');
  }
  const insert = {
    client: db.prepare(
      `INSERT INTO clients (id, first_name, last_name, phones, emails, opt_outs, external_source, external_id, version, created_at, updated_at, is_demo)
       VALUES (?, ?, ?, ?, ?, '[]', 'smartadvocate', ?, 1, ?, ?, 0)`,
    ),
    kase: db.prepare(CASE_INSERT_SQL),
    caseClient: db.prepare('INSERT INTO case_clients (case_id, client_id, is_primary) VALUES (?, ?, 1)'),
    change: db.prepare("INSERT INTO record_changes (entity, entity_id, version, kind, changes, origin, at) VALUES (?, ?, 1, 'created', ?, 'smartadvocate', ?)"),
    link: db.prepare("INSERT INTO sync_links (crm, case_id, crm_record_id, crm_case_type_id, linked_at) VALUES ('smartadvocate', ?, ?, ?, ?)"),
    snapshot: db.prepare("INSERT INTO sync_snapshots (crm, case_id, kayse_values, crm_values, synced_at) VALUES ('smartadvocate', ?, ?, ?, ?)"),
  };
  let serial = 0;
  const page = (items: WireCase[]) =>
    writeTransaction(db, () => {
      const at = new Date().toISOString();
      for (const c of items) {
        const contact = c.primaryContact ?? {};
        const first = contact.firstName ?? '';
        const last = contact.lastName ?? '';
        const emails = JSON.stringify(contact.email ? [contact.email] : []);
        const phones = JSON.stringify(contact.phone ? [contact.phone] : []);
        const clientId = randomUUID();
        const caseId = randomUUID();
        const name = `${first} ${last}`.trim() || String(c.caseID);
        serial += 1;
        insert.client.run(clientId, first || 'Unknown', last, phones, emails, String(c.caseID), at, at);
        insert.change.run('client', clientId, JSON.stringify({ firstName: { old: null, new: first }, lastName: { old: null, new: last }, emails: { old: null, new: emails } }), at);
        insert.kase.run(name, `t${c.caseTypeID}`, `s${c.caseTypeID}`, null, '{}', at, at, caseId, `K-${String(serial).padStart(6, '0')}`, 'smartadvocate', String(c.caseID), 0);
        insert.caseClient.run(caseId, clientId);
        insert.change.run('case', caseId, JSON.stringify({ name: { old: null, new: name }, caseType: { old: null, new: String(c.caseTypeID) } }), at);
        insert.link.run(caseId, String(c.caseID), String(c.caseTypeID), at);
        const values = JSON.stringify({ 'client.first_name': first, 'client.last_name': last, 'client.email': contact.email ?? null });
        insert.snapshot.run(caseId, values, values, at);
      }
    });
  const pool = new Pool(sim.host, { connections: 1 });
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const signIn = await pool.request({ path: '/CaseSyncAPI/Users/authenticate', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Username: sim.username, Password: sim.password }) });
    const { token } = (await signIn.body.json()) as { token: string };
    const toIso = new Date(Date.now() + 5 * 60_000).toISOString();
    let last: WireCase | null = null;
    let count = 0;
    for (let pages = 0; pages < 10_000; pages += 1) {
      const fromIso = last ? new Date(Date.parse(last.modifiedDate) - OVERLAP_MS).toISOString() : BEGINNING_ISO;
      const sorts = [
        { propertyPath: 'modifiedDate', sortDirection: 'asc' },
        { propertyPath: 'caseID', sortDirection: 'asc' },
      ];
      const res = await pool.request({
        path: '/CaseSyncAPI/case/cases/byDatePaged',
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ modifiedFromDateTime: fromIso, modifiedToDateTime: toIso, pageRequest: { currentPage: 0, pageSize: 1000, sorts } }),
      });
      const body = JSON.parse(await res.body.text()) as { items: WireCase[]; totalCount: number };
      const cursor: WireCase | null = last;
      const afterMs = cursor ? Date.parse(cursor.modifiedDate) : -Infinity;
      const fresh: WireCase[] = cursor ? body.items.filter((c) => Date.parse(c.modifiedDate) > afterMs || (Date.parse(c.modifiedDate) === afterMs && c.caseID > cursor.caseID)) : body.items;
      page(fresh);
      count += fresh.length;
      if (fresh.length > 0) last = fresh.at(-1)!;
      if (body.items.length >= body.totalCount) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = cpuPer1000(cpu, records);
    if (count !== records) throw new Error(`the bare loop read ${count} records, not ${records}`);
    return { rate: records / seconds, seconds, cpuMs };
  } finally {
    await pool.close();
    db.close();
    temp.remove();
  }
}

export async function benchSync({ records = 100_000, changes = 1_000, perSecond = 50, cases = 50 } = {}): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (name: string, value: number, baseline: number) => rows.push({ name, value, baseline, ratio: value / baseline });
  const sim = await startSimulatorProcess(records);
  try {
    // The engine first, on a fresh process heap, so its peak RSS is its own.
    const engine = await engineInitialSync(sim, records);
    const bare = await bareInitialSync(sim, records);
    const label = `${records.toLocaleString('en-US')} SmartAdvocate cases`;
    add(`initial sync, ${label} (records/s; target ≥ 0.5×)`, engine.rate, bare.rate);
    add(`initial sync, ${label} (seconds)`, engine.seconds, bare.seconds);
    // The simulator (its own process) bounds both at this size; the bench process's CPU is each one's own cost.
    add(`initial sync, ${label} (bench process CPU ms per 1,000 records)`, engine.cpuMs, bare.cpuMs);
    add('initial sync, peak RSS of the bench process (MB; baseline = the 300 MB limit)', engine.peakMb, 300);
    // The process already held this much when the run began (tsx's transpiled modules, the core): the run's own share.
    add('initial sync, RSS growth during the run (MB; baseline = RSS when it began)', engine.peakMb - engine.beforeMb, engine.beforeMb);
    rows.push(...(await (await import('./sync-rss')).hostSyncRssRows(sim, records, bare.rate))); // as a firm's console runs it: the built headless host's RSS
  } finally {
    await sim.stop();
  }
  // Real time with the production default limit (DEFAULT_RATE_LIMITS, counted in HTTP requests): a change is a GET
  // of the case and an update of 3–4 requests, so 50 changes/s are ≈ 250 requests/s, within SmartAdvocate's default.
  const defaultRate = DEFAULT_RATE_LIMITS.smartadvocate;
  const rt = await realTime(changes, perSecond, cases);
  for (const p of [50, 99]) {
    add(`real time, ${perSecond} changes/s, default limit ${defaultRate} req/s: commit → simulator holds it, p${p} (ms; target ${p === 50 ? '≤ 25' : '≤ 250'})`, percentile(rt.engine, p), percentile(rt.direct, p));
  }
  add(`real time, default limit: changes not in the simulator 30 s after the last (of ${changes}; baseline: direct calls)`, rt.missing, rt.directMissing);
  // Queued changes of one case coalesce into one update: 10,000 changes of 100 cases are 100 updates to drain. The
  // limit configured (the CRM's known 20 req/s), then left at SmartAdvocate's default, which learns it from 429s:
  // those of the setup (linking the cases, as an initial sync would), or cold, from the drain's own.
  const variants = [
    { configured: true, limitSetup: true, limit: 'limit set to 20' },
    { configured: false, limitSetup: true, limit: `limit unknown (default ${defaultRate}), learnt while linking` },
    { configured: false, limitSetup: false, limit: `limit unknown (default ${defaultRate}), learnt cold in the drain` },
  ];
  for (const { configured, limitSetup, limit } of variants) {
    const drain = await benchSyncDrain({ changes: 10_000, cases: 100, limit: 20, configured, limitSetup });
    add(`rate limit, ${limit}: 10,000 queued changes (100 cases), simulator allows 20 req/s: requests/s while draining (target ≥ 0.9×)`, drain.requestRate, 20);
    add(`rate limit, ${limit}: requests answered 429 (%, ${drain.limited} of ${drain.passed + drain.limited}; baseline = the 1 % allowed)`, drain.limitedShare * 100, 1);
    add(`rate limit, ${limit}: cases whose last value never arrived (of 100)`, drain.lost, 100);
  }
  rows.push(...(await benchSyncSoak()));
  return rows;
}
