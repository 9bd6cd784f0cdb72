// CRM connectors: paging through 100,000 SmartAdvocate cases with the connector's `listChanged` (each answer
// checked with its zod schema, each case translated to a CrmRecord, the cursor followed) beside a bare undici loop
// that fetches and JSON-parses the same pages (same requests: page size, bounds, bearer token) in the same run; the
// client CPU each spends per 1,000 records (steadier than rates on a busy machine); and what the connector adds to
// one `get` over the bare request (p50, p99). The simulator runs in its own process (`npm run sim`), so its work is
// the same for both clients and not counted against either.
import { Pool } from 'undici';
import type { CrmConnector, CrmCursor } from '../main/connectors/crm/types';
import { createSmartAdvocateConnector } from '../main/connectors/smartadvocate/connector';
import { BEGINNING_ISO } from '../main/connectors/smartadvocate/list-changed';
import { systemClock } from '../main/kernel';
import { createGuardedAgent } from '../main/net';
import { startSimulatorProcess } from './support/sim-process';

interface Row {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
}

/** As the connector reads again before its cursor (list-changed.ts). */
const OVERLAP_MS = 60_000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

interface WireCase {
  caseID: number;
  modifiedDate: string;
}

/** The bare client: one keep-alive connection, the same sign-in and requests as the connector, JSON.parse only. */
async function bareClient(host: string, username: string, password: string) {
  const pool = new Pool(host, { connections: 1 });
  const signIn = await pool.request({
    path: '/CaseSyncAPI/Users/authenticate',
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ Username: username, Password: password }),
  });
  const { token } = (await signIn.body.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const send = async (path: string, body?: unknown): Promise<unknown> => {
    const res = await pool.request({
      path: `/CaseSyncAPI${path}`,
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`bare ${path}: HTTP ${res.statusCode} ${text.slice(0, 200)}`);
    return JSON.parse(text);
  };

  return {
    get: (id: string) => send(`/case/${id}`),
    /** Every case, paged as listChanged pages: from the last case less the overlap, page 0, cases up to the last one dropped. */
    async listAll(pageSize: number): Promise<number> {
      const toIso = new Date(Date.now() + 5 * 60_000).toISOString();
      let last: WireCase | null = null;
      let count = 0;
      for (let pages = 0; pages < 10_000; pages += 1) {
        const fromIso = last ? new Date(Date.parse(last.modifiedDate) - OVERLAP_MS).toISOString() : BEGINNING_ISO;
        const sorts = [
          { propertyPath: 'modifiedDate', sortDirection: 'asc' },
          { propertyPath: 'caseID', sortDirection: 'asc' },
        ];
        const page = (await send('/case/cases/byDatePaged', { modifiedFromDateTime: fromIso, modifiedToDateTime: toIso, pageRequest: { currentPage: 0, pageSize, sorts } })) as {
          items: WireCase[];
          totalCount: number;
        };
        const cursor: WireCase | null = last;
        const afterMs = cursor ? Date.parse(cursor.modifiedDate) : -Infinity;
        const fresh: WireCase[] = cursor ? page.items.filter((c) => Date.parse(c.modifiedDate) > afterMs || (Date.parse(c.modifiedDate) === afterMs && c.caseID > cursor.caseID)) : page.items;
        count += fresh.length;
        if (fresh.length > 0) last = fresh.at(-1)!;
        if (page.items.length >= page.totalCount) return count;
        if (fresh.length === 0) throw new Error('bare listing: a page held nothing new');
      }
      throw new Error('bare listing: too many pages');
    },
    close: () => pool.close(),
  };
}

/** Pages through every case with `listChanged`; returns how many records it read. */
async function connectorListAll(crm: CrmConnector, pageSize: number): Promise<number> {
  let cursor: CrmCursor | null = null;
  let count = 0;
  for (let pages = 0; pages < 10_000; pages += 1) {
    const page = await crm.listChanged(cursor, pageSize);
    count += page.records.length;
    cursor = page.next;
    if (page.caughtUp) return count;
  }
  throw new Error('listChanged: too many pages');
}

/** Records per second of `list` and this process's CPU ms per 1,000 records, checking it read `expected` records. */
async function measure(list: () => Promise<number>, expected: number, who: string): Promise<{ rate: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const count = await list();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (count !== expected) throw new Error(`${who} read ${count} records, not ${expected}`);
  return { rate: count / seconds, cpuMs: (used.user + used.system) / 1000 / (count / 1000) };
}

export async function benchConnectors({ records = 100_000, pageSizes = [1000, 200], rounds = 5, gets = 2_000 } = {}): Promise<Row[]> {
  const sim = await startSimulatorProcess(records);
  const agent = createGuardedAgent({ allowlist: ['127.0.0.1/32'], connectTimeoutMs: 5_000 });
  const crm = createSmartAdvocateConnector({
    credentials: { endpoint: sim.host, username: sim.username, password: sim.password },
    dispatcher: agent,
    timeoutMs: 60_000,
    clock: systemClock,
  });
  const bare = await bareClient(sim.host, sim.username, sim.password);
  const rows: Row[] = [];
  try {
    // Warm both (JIT, connections, the connector's sign-in and UDF / status references) before measuring.
    await connectorListAll(crm, 1000);
    await bare.listAll(1000);

    for (const pageSize of pageSizes) {
      const connector: { rate: number; cpuMs: number }[] = [];
      const baseline: { rate: number; cpuMs: number }[] = [];
      const runConnector = async () => connector.push(await measure(() => connectorListAll(crm, pageSize), records, 'listChanged'));
      const runBare = async () => baseline.push(await measure(() => bare.listAll(pageSize), records, 'the bare loop'));
      // Rounds alternate which goes first; the best round of each counts, since other work on the machine only ever
      // slows a round down (the CPU rows are steadier still: this process's CPU time, not the clock).
      for (let round = 0; round < rounds; round += 1) {
        if (round % 2 === 0) await runConnector().then(runBare);
        else await runBare().then(runConnector);
      }
      const add = (name: string, value: number, base: number) => rows.push({ name, value, baseline: base, ratio: value / base });
      const label = `${records.toLocaleString('en-US')} cases, pages of ${pageSize}`;
      add(`listChanged, ${label} (records/s)`, Math.max(...connector.map((m) => m.rate)), Math.max(...baseline.map((m) => m.rate)));
      add(`listChanged, ${label} (client CPU ms per 1,000 records)`, Math.min(...connector.map((m) => m.cpuMs)), Math.min(...baseline.map((m) => m.cpuMs)));
    }

    // One `get` at a time, alternating connector and bare in blocks of 50, over ids spread across the cases.
    const ids = Array.from({ length: gets }, (_, i) => String(600_000 + ((i * 7_919) % records)));
    const timed: { connector: number[]; bare: number[] } = { connector: [], bare: [] };
    for (const id of ids.slice(0, 200)) {
      await crm.get(id);
      await bare.get(id);
    }
    for (let block = 0; block < gets; block += 50) {
      for (const [who, call] of [
        ['connector', (id: string) => crm.get(id)],
        ['bare', (id: string) => bare.get(id)],
      ] as const) {
        for (const id of ids.slice(block, block + 50)) {
          const t = performance.now();
          await call(id);
          timed[who].push(performance.now() - t);
        }
      }
    }
    for (const p of [50, 99]) {
      const value = percentile(timed.connector, p);
      const base = percentile(timed.bare, p);
      rows.push({ name: `get one case, connector vs bare request (p${p} ms)`, value, baseline: base, ratio: value / base });
    }
    return rows;
  } finally {
    await bare.close();
    await crm.close();
    await agent.close();
    await sim.stop();
  }
}
