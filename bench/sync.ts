// Sync engine: (1) the initial sync of 100,000 SmartAdvocate cases (+ their contacts) from the simulator into a real
// core (connector paging, matching, record store with its change log, links and snapshots, checkpoints) against a bare
// loop that pages the same listing over HTTP, JSON-parses it and inserts the same rows (client, case, its client,
// link) into SQLite without the engine, with the bench process's peak RSS sampled during the engine's run; (2) real
// time: Kayse changes committed at 50/s, commit → the simulator holds the new value, against the connector's
// `update` called directly at the same pace. Both in the same run; the simulator of (1) runs in its own process.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Pool } from 'undici';
import { BEGINNING_ISO } from '../main/connectors/smartadvocate/list-changed';
import { writeTransaction } from '../main/db';
import { startSmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';
import { makeTempDir } from '../main/test-support/temp-dir';
import { startTestCore, type TestCore } from '../main/test-support/test-core';
import { benchSyncDrain } from './sync-drain';

interface Row {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const OVERLAP_MS = 60_000;
const SA_CASE_TYPES = ['Auto Accident', 'Slip and Fall', 'Dog Bite', 'Camp Lejeune', 'Hair Relaxer'];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
/** This process's CPU time (all its threads) since `from`, per 1,000 records. */
const cpuPer1000 = (from: NodeJS.CpuUsage, records: number) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000 / (records / 1000);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `scripts/sim.ts smartadvocate` in a child process; resolves once it prints its endpoint and credentials. */
async function startSimulatorProcess(records: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sim.ts', 'smartadvocate', '--port', '0', '--records', String(records)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the simulator printed nothing usable in 120 s: ${out}`)), 120_000);
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code}): ${out}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('Ctrl+C')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const value = (label: string) => new RegExp(`^ {2}${label} +(\\S+)$`, 'm').exec(out)?.[1] ?? '';
  return {
    host: value('Endpoint URL'),
    username: value('Username'),
    password: value('Password'),
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

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

/** A core (file secrets, no keychain needed) with SmartAdvocate's case types and the simulator connected. */
async function connectedCore(sim: { host: string; username: string; password: string }, sync: Record<string, unknown> = {}): Promise<TestCore> {
  const core = startTestCore({ fileSecrets: true, crm: { timeoutMs: 60_000, connectTimeoutMs: 5_000 }, sync });
  for (const name of SA_CASE_TYPES) await core.api.caseTypes.create({ name, statuses: ['New', 'Signed'], fields: [] });
  const connected = await core.api.crm.connect({ crm: 'smartadvocate', endpointUrl: sim.host, username: sim.username, password: sim.password, apiBaseUrl: `${sim.host}/CaseSyncAPI` });
  if (!connected.ok) throw new Error(`the simulator refused to connect: ${JSON.stringify(connected)}`);
  await core.api.sync.saveFieldMappings({
    crm: 'smartadvocate',
    crmCaseTypeId: null,
    mappings: [
      { kayseField: 'client.first_name', crmFieldId: 'standard.first_name', direction: 'both' },
      { kayseField: 'client.last_name', crmFieldId: 'standard.last_name', direction: 'both' },
      { kayseField: 'client.email', crmFieldId: 'standard.email', direction: 'both' },
    ],
  });
  return core;
}

async function engineInitialSync(sim: Awaited<ReturnType<typeof startSimulatorProcess>>, records: number) {
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

/** The bare loop: one keep-alive connection, the listing paged as the connector pages it, JSON.parse, plain inserts. */
async function bareInitialSync(sim: Awaited<ReturnType<typeof startSimulatorProcess>>, records: number) {
  const temp = makeTempDir();
  const db = new Database(join(temp.dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE clients (id TEXT PRIMARY KEY, first_name TEXT, last_name TEXT, emails TEXT, phones TEXT, external_source TEXT, external_id TEXT, UNIQUE (external_source, external_id));
    CREATE TABLE cases (id TEXT PRIMARY KEY, case_number TEXT UNIQUE, name TEXT, case_type TEXT, external_source TEXT, external_id TEXT, UNIQUE (external_source, external_id));
    CREATE TABLE case_clients (case_id TEXT, client_id TEXT, PRIMARY KEY (case_id, client_id));
    CREATE TABLE links (case_id TEXT PRIMARY KEY, crm_record_id TEXT UNIQUE);`);
  const insert = {
    client: db.prepare('INSERT INTO clients VALUES (?, ?, ?, ?, ?, ?, ?)'),
    kase: db.prepare('INSERT INTO cases VALUES (?, ?, ?, ?, ?, ?)'),
    caseClient: db.prepare('INSERT INTO case_clients VALUES (?, ?)'),
    link: db.prepare('INSERT INTO links VALUES (?, ?)'),
  };
  const page = (items: WireCase[]) => writeTransaction(db, () => {
    for (const c of items) {
      const contact = c.primaryContact ?? {};
      const clientId = randomUUID();
      const caseId = randomUUID();
      insert.client.run(clientId, contact.firstName ?? '', contact.lastName ?? '', JSON.stringify(contact.email ? [contact.email] : []), JSON.stringify(contact.phone ? [contact.phone] : []), 'smartadvocate', String(c.caseID));
      insert.kase.run(caseId, `K-${c.caseID}`, `${contact.firstName ?? ''} ${contact.lastName ?? ''}`.trim(), String(c.caseTypeID), 'smartadvocate', String(c.caseID));
      insert.caseClient.run(caseId, clientId);
      insert.link.run(caseId, String(c.caseID));
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

/**
 * Real time: `changes` first-name changes of `cases` linked cases at `perSecond`, each timed from its commit (or the
 * direct `update` call) until the simulator holds the new value (checked every millisecond).
 */
async function realTime(changes: number, perSecond: number, cases: number, rateLimit?: number) {
  const sim = await startSmartAdvocateSimulator({ records: 3 });
  const sync = rateLimit ? { rateLimits: { smartadvocate: rateLimit } } : {};
  const core = await connectedCore({ host: sim.host, username: sim.credentials.username, password: sim.credentials.password }, sync);
  try {
    const records = core.workspace.records;
    const clients = Array.from({ length: cases }, (_, i) =>
      records.upsertClient({ externalSource: 'bench', externalId: `c${i}`, firstName: `Rt${i}`, lastName: 'Bench', emails: [`rt${i}@bench.example`] }, { origin: 'ingest' }).client,
    );
    const kases = clients.map((c, i) => records.upsertCase({ externalSource: 'bench', externalId: `k${i}`, name: `Rt ${i}`, caseType: 'Auto Accident', status: 'New', clientIds: [c.id] }, { origin: 'ingest' }).case);
    for (let i = 0; i < 600 && kases.some((k) => !core.sync.push.store.link('smartadvocate', k.id)); i += 1) await sleep(50);
    const crmIds = kases.map((k) => core.sync.push.store.link('smartadvocate', k.id)!.crmRecordId);
    await core.sync.push.idle();
    const connector = (await core.crm.connectorFor('smartadvocate'))!;

    const run = async (change: (i: number, value: string) => void | Promise<unknown>) => {
      const waits: number[] = [];
      const pending = new Map<number, { id: string; value: string; at: number }>();
      // A change has arrived when the simulator holds its value or a later change's of the same case (changes
      // made while a case's update is on its way go as one update: the earlier value is never written).
      const watch = setInterval(() => {
        const held = new Map<string, number>();
        for (const [n, p] of pending) {
          if (!held.has(p.id)) held.set(p.id, Number(/^V(\d+)x/.exec(sim.caseState(p.id)!.contact.firstName)?.[1] ?? -1));
          if (held.get(p.id)! >= n) {
            waits.push(performance.now() - p.at);
            pending.delete(n);
          }
        }
      }, 1);
      const started = performance.now();
      for (let n = 0; n < changes; n += 1) {
        const due = started + (n * 1000) / perSecond;
        if (due > performance.now()) await sleep(due - performance.now());
        const i = n % cases;
        const value = `V${n}x${i}`;
        pending.set(n, { id: crmIds[i]!, value, at: performance.now() });
        void change(i, value);
      }
      for (let i = 0; i < 600 && pending.size > 0; i += 1) await sleep(50);
      clearInterval(watch);
      if (pending.size > 0) throw new Error(`${pending.size} changes never reached the simulator`);
      return waits;
    };
    const engine = await run((i, value) => {
      const c = clients[i]!;
      records.upsertClient({ externalSource: 'bench', externalId: `c${i}`, firstName: value, lastName: c.lastName, emails: c.emails }, { origin: 'ingest' });
    });
    const direct = await run((i, value) => connector.update(crmIds[i]!, { firstName: value }));
    return { engine, direct };
  } finally {
    await core.cleanup();
    await sim.close();
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
  } finally {
    await sim.stop();
  }
  // An update of one SmartAdvocate case is three requests (read the case, patch its contact, read it back): 50
  // changes/s are 150 requests/s, over the limiter's default of 50/s for SmartAdvocate. Measured with the default,
  // then with the limit set to 200 requests/s (a setting: SyncOptions.rateLimits).
  for (const rate of [undefined, 200]) {
    const rt = await realTime(changes, perSecond, cases, rate);
    const limit = rate ? `limit ${rate} req/s` : 'default limit';
    for (const p of [50, 99]) {
      add(`real time, ${perSecond} changes/s, ${limit}: commit → simulator holds it, p${p} (ms; target ${p === 50 ? '≤ 25' : '≤ 250'})`, percentile(rt.engine, p), percentile(rt.direct, p));
    }
  }
  // Queued changes of one case coalesce into one update: 10,000 changes of 100 cases are 100 updates to drain.
  const drain = await benchSyncDrain({ changes: 10_000, cases: 100, limit: 20 });
  add('rate limit: 10,000 queued changes (100 cases), simulator allows 20 req/s: requests/s while draining (target ≥ 0.9×)', drain.requestRate, 20);
  add(`rate limit: requests answered 429 (%, ${drain.limited} of ${drain.passed + drain.limited}; baseline = the 1 % allowed)`, drain.limitedShare * 100, 1);
  add('rate limit: cases whose last value never arrived (of 100)', drain.lost, 100);
  return rows;
}
