// Sync engine, two-way soak: with the integration in real time and the conflict rule "most recent change wins",
// `changes` Kayse changes (client first names through the record store with origin ingest, as the voice platform's
// events make them) and `changes` CRM changes (the same field edited in the SmartAdvocate simulator's own store, as a
// CRM user would) interleaved at random over `cases` linked cases, while the engine pushes in real time and pulls.
// The real-time poll is every minute; this run also calls `pullOnce('real_time')` every `pullEveryMs` so that the
// CRM's changes come in within the run. At the end it waits (bounded) until nothing moves, then checks against its
// own log of both sides' changes (each value is unique: K<n> from Kayse, C<n> from the CRM):
// - echo writes: CRM writes (logged by a proxy, bodies included) carrying a CRM-made value, writing what the CRM
//   already held, or sending a Kayse value the CRM had already been sent;
// - lost changes: a case whose final value on either side is not its last change by the rule (latest time; a tie
//   keeps Kayse's);
// - conflicts: every sync_conflicts row decided as most_recent says, by the times it logged and by the true times of
//   its two values in this run's log;
// - agreement: cases whose two sides differ at the end.
import { startSmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';
import { connectedCore } from './support/sync-core';
import { writeLogProxy, type LoggedWrite } from './support/write-log-proxy';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CRM = 'smartadvocate' as const;

interface Change {
  side: 'kayse' | 'crm';
  caseIndex: number;
  value: string;
  at: number;
}

/** A small seeded generator (mulberry32): the same interleaving on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The change that must win by most_recent: the latest; at the same millisecond, Kayse's. */
const later = (a: Change, b: Change) => (b.at > a.at || (b.at === a.at && b.side === 'kayse') ? b : a);

/** Why a write is an echo, or null when it carried a Kayse change the CRM had not been sent. */
function echoKind(w: LoggedWrite, sentBefore: Set<string>): string | null {
  const names = Object.keys(w.values);
  if (!w.caseId || !w.before) return 'a write other than a contact patch';
  if (names.every((f) => (w.values[f] ?? null) === (w.before![f as keyof typeof w.before] ?? null))) return 'writes what the CRM already held';
  const first = w.values.firstName;
  if (first?.startsWith('C')) return 'sends back a value made in the CRM';
  if (first !== undefined && sentBefore.has(`${w.caseId}:${first}`)) return 'sends a Kayse value the CRM was already sent';
  if (first === undefined) return 'a patch without the changed field';
  return null;
}

export async function benchSyncSoak({ changes = 5_000, cases = 100, perSecond = 100, pullEveryMs = 1_000, seed = 14 } = {}) {
  const sim = await startSmartAdvocateSimulator();
  const proxy = await writeLogProxy(sim);
  const core = await connectedCore({ host: proxy.host, username: sim.credentials.username, password: sim.credentials.password });
  try {
    await core.api.sync.updateSettings({ crm: CRM, frequency: { kind: 'real_time' }, conflict: { rule: 'most_recent', emptyOverwritesFilled: false } });
    const records = core.workspace.records;
    const store = core.sync.push.store;
    const clients = Array.from({ length: cases }, (_, i) =>
      records.upsertClient({ externalSource: 'soak', externalId: `c${i}`, firstName: `Soak${i}`, lastName: 'Bench', emails: [`soak${i}@bench.example`] }, { origin: 'ingest' }).client,
    );
    const kases = clients.map((c, i) => records.upsertCase({ externalSource: 'soak', externalId: `k${i}`, name: `Soak ${i}`, caseType: 'Auto Accident', status: 'New', clientIds: [c.id] }, { origin: 'ingest' }).case);
    for (let i = 0; i < 1_200 && kases.some((k) => !store.link(CRM, k.id)); i += 1) await sleep(50);
    await core.sync.push.idle();
    const crmIds = kases.map((k, i) => store.link(CRM, k.id)?.crmRecordId ?? `(case ${i} never linked)`);
    await core.sync.pull.pullOnce(CRM, 'real_time');
    const conflictsBefore = core.sync.pull.conflicts.list(CRM, 1_000_000).length;
    const writesBefore = proxy.writes.length;

    // The interleaving: `changes` of each side in a seeded random order, each on a random case, paced.
    const rand = random(seed);
    const sides: Change['side'][] = [...Array<'kayse'>(changes).fill('kayse'), ...Array<'crm'>(changes).fill('crm')];
    for (let i = sides.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rand() * (i + 1));
      [sides[i], sides[j]] = [sides[j]!, sides[i]!];
    }
    const log: Change[] = [];
    let soaking = true;
    const pulls = (async () => {
      for (let n = 0; soaking && n < 100_000; n += 1) {
        await core.sync.pull.pullOnce(CRM, 'real_time');
        await sleep(pullEveryMs);
      }
    })();
    const started = performance.now();
    for (const [n, side] of sides.entries()) {
      const due = started + (n * 1000) / perSecond;
      if (due > performance.now()) await sleep(due - performance.now());
      const i = Math.floor(rand() * cases);
      if (side === 'kayse') {
        const value = `K${n}`;
        records.upsertClient({ externalSource: 'soak', externalId: `c${i}`, firstName: value, lastName: 'Bench', emails: [`soak${i}@bench.example`] }, { origin: 'ingest' });
        log.push({ side, caseIndex: i, value, at: Date.parse(records.history('client', clients[i]!.id, 1).changes[0]!.at) });
      } else {
        const value = `C${n}`;
        sim.editRecord(crmIds[i]!, value);
        log.push({ side, caseIndex: i, value, at: Date.parse(sim.caseState(crmIds[i]!)!.modifiedAt) });
      }
    }
    const soakSeconds = (performance.now() - started) / 1000;
    soaking = false;
    await pulls;

    // Quiet: the push idle with nothing pending, a pass that applies nothing and no new CRM write, twice running (≤ 120 s).
    let quietFor = 0;
    for (let i = 0; i < 120 && quietFor < 2; i += 1) {
      const writes = proxy.writes.length;
      await core.sync.push.idle();
      const pass = await core.sync.pull.pullOnce(CRM, 'real_time');
      await sleep(500);
      const pending = core.sync.pushStatus(CRM).pending;
      quietFor = pass.applied + pass.created + pass.conflicts === 0 && pending === 0 && proxy.writes.length === writes ? quietFor + 1 : 0;
    }

    // Echo writes, in the order they were made.
    const sent = new Set<string>();
    const echoes: { write: LoggedWrite; why: string }[] = [];
    const soakWrites = proxy.writes.slice(writesBefore).filter((w) => w.status < 400);
    for (const w of soakWrites) {
      const why = echoKind(w, sent);
      if (why) echoes.push({ write: w, why });
      if (w.caseId && w.values.firstName) sent.add(`${w.caseId}:${w.values.firstName}`);
    }

    // Lost changes and agreement: each case's last change by the rule against both sides' final values.
    const last = new Map<number, Change>();
    for (const c of log) last.set(c.caseIndex, last.has(c.caseIndex) ? later(last.get(c.caseIndex)!, c) : c);
    const lost: string[] = [];
    const lostBy = { kayse: 0, crm: 0, overwritten: 0 };
    let differ = 0;
    for (let i = 0; i < cases; i += 1) {
      const expected = last.get(i)?.value ?? `Soak${i}`;
      const kayse = records.getClient(clients[i]!.id)!.firstName;
      const crm = sim.caseState(crmIds[i]!)?.contact.firstName ?? '(no CRM case)';
      if (kayse !== crm) differ += 1;
      if (kayse !== expected || crm !== expected) {
        const tail = log.filter((c) => c.caseIndex === i).slice(-4).map((c) => `${c.value}@${new Date(c.at).toISOString().slice(11, 23)}`);
        const write = soakWrites.filter((w) => w.caseId === crmIds[i] && w.values.firstName !== undefined).at(-1);
        const read = write ? proxy.reads.filter((r) => r.caseId === write.caseId && r.at <= write.at).at(-1) : undefined;
        const readBefore = read ? ` (its case last read ${new Date(read.at).toISOString().slice(11, 23)} holding ${read.held})` : '';
        const lastWrite = write ? `; last CRM write ${write.values.firstName}@${new Date(write.at).toISOString().slice(11, 23)} over ${write.before?.firstName}${readBefore}` : '';
        const side = last.get(i)?.side ?? 'kayse';
        lostBy[side] += 1;
        // A CRM change whose value a push wrote over: the push read the CRM before it (no concurrency check on the CRM).
        if (side === 'crm' && write?.before?.firstName === expected) lostBy.overwritten += 1;
        lost.push(`case ${i} (CRM ${crmIds[i]}): expected ${expected}, Kayse ${kayse}, CRM ${crm}; last changes ${tail.join(' ')}${lastWrite}`);
      }
    }

    // Conflicts: the winner against the rule, by the logged times and by the true times of the two values.
    const timeOf = new Map(log.map((c) => [c.value, c]));
    const conflicts = core.sync.pull.conflicts.list(CRM, 1_000_000).slice(0, -conflictsBefore || undefined);
    const wrong: string[] = [];
    let unverifiable = 0;
    for (const c of conflicts) {
      const k = c.kayseChangedAt ? Date.parse(c.kayseChangedAt) : Number.NaN;
      const m = c.crmChangedAt ? Date.parse(c.crmChangedAt) : Number.NaN;
      const byLogged = Number.isNaN(m) ? 'kayse' : Number.isNaN(k) ? 'crm' : m > k ? 'crm' : 'kayse';
      const kv = timeOf.get(String(c.kayseValue));
      const cv = timeOf.get(String(c.crmValue));
      const byTruth = kv && cv ? later(cv, kv).side : null;
      if (!byTruth) unverifiable += 1;
      if (c.rule !== 'most_recent' || c.winner !== byLogged || (byTruth && c.winner !== byTruth)) {
        wrong.push(`#${c.id} case ${c.caseId} ${c.kayseField}: Kayse ${String(c.kayseValue)} @${c.kayseChangedAt} vs CRM ${String(c.crmValue)} @${c.crmChangedAt} → ${c.winner} (${c.rule}); by logged times ${byLogged}, by true times ${byTruth ?? '?'}`);
      }
    }
    const toKayse = conflicts.filter((c) => c.winner === 'crm').length;

    const label = `${changes.toLocaleString('en-US')} + ${changes.toLocaleString('en-US')} changes, ${cases} cases`;
    const table: [string, number, number, number | null][] = [
      ['echo writes (target 0)', echoes.length, soakWrites.length, 0],
      ['cases with a lost change (target 0)', lost.length, cases, 0],
      ['conflicts logged', conflicts.length, 2 * changes, null],
      ['conflicts won by the CRM (the rest by Kayse)', toKayse, conflicts.length, null],
      ['conflicts not decided as most_recent says (target 0)', wrong.length, conflicts.length, 0],
      ['conflicts whose values are not both in this run (not checked by true times)', unverifiable, conflicts.length, null],
      ['cases whose Kayse and CRM values differ at the end (target 0)', differ, cases, 0],
    ];
    console.log(`\ntwo-way soak (${label}, ${soakSeconds.toFixed(0)} s at ${perSecond} changes/s, pullOnce every ${pullEveryMs} ms, rule most_recent; quiet: ${quietFor >= 2 ? 'yes' : 'NO, still moving after 120 s'})`);
    for (const [name, value, of, target] of table) {
      const verdict = target === null ? '' : value === target ? 'PASS' : 'FAIL';
      console.log(`  ${name.padEnd(78)} ${String(value).padStart(6)} of ${String(of).padEnd(6)} ${verdict}`);
    }
    const show = (title: string, lines: string[]) => {
      if (lines.length === 0) return;
      console.log(`  ${title} (${lines.length}; first 20):`);
      for (const line of lines.slice(0, 20)) console.log(`    ${line}`);
    };
    const at = (ms: number) => new Date(ms).toISOString().slice(11, 23);
    const previous = (w: LoggedWrite) => soakWrites.filter((p) => p.caseId === w.caseId && p.at <= w.at && p !== w).at(-1);
    const kinds = new Map<string, number>();
    for (const e of echoes) kinds.set(e.why, (kinds.get(e.why) ?? 0) + 1);
    show(
      `echo writes (${[...kinds].map(([why, n]) => `${n} ${why}`).join('; ')})`,
      echoes.map(({ write: w, why }) => {
        const p = previous(w);
        return `${at(w.at)} ${w.method} ${w.path} case ${w.caseId}: ${JSON.stringify(w.values)}, CRM held ${w.before?.firstName}: ${why}${p ? ` (previous write ${JSON.stringify(p.values)} at ${at(p.at)})` : ''}`;
      }),
    );
    show(`lost (last change Kayse's: ${lostBy.kayse}; the CRM's: ${lostBy.crm}, of which written over by a push: ${lostBy.overwritten})`, lost);
    show('conflicts decided against the rule', wrong);
    const row = (name: string, value: number, baseline: number) => ({ name: `two-way soak, ${label}: ${name}`, value, baseline, ratio: value / baseline });
    return [
      row('echo writes (target 0; baseline = CRM writes)', echoes.length, soakWrites.length),
      row('cases with a lost change (target 0; of cases)', lost.length, cases),
      row('conflicts logged (baseline = changes)', conflicts.length, 2 * changes),
      row('conflicts decided against most_recent (target 0; of conflicts)', wrong.length, conflicts.length),
      row('cases where Kayse and the CRM differ (target 0; of cases)', differ, cases),
    ];
  } finally {
    await core.cleanup();
    await proxy.close();
    await sim.close();
  }
}
