// The initial sync's memory as a firm's console uses it: the built headless host (out/main/headless.js with its
// production V8 flags, as `npm run serve` starts it) in a child process on a fresh data dir, driven over its contract
// HTTP routes, its RSS read from /proc/<pid>/status every 50 ms. The bench process's own RSS (tsx's transpiled
// modules, the bench's data) is not what the product uses. Secrets: the encrypted-file store (KAYSE_SECRETS_KEY, a
// throwaway key), so no keychain session is needed.
// Alone: `npm run build && scripts/node24.sh node --import tsx bench/sync-rss.ts [records]`.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HEADLESS_NODE_FLAGS } from '../scripts/node-flags.mjs';
import { httpApi, type HttpApi } from '../main/test-support/api';
import { makeTempDir } from '../main/test-support/temp-dir';
import { startSimulatorProcess, type SimulatorProcess } from './support/sim-process';

const HEADLESS = fileURLToPath(new URL('../out/main/headless.js', import.meta.url));
const LIMIT_MB = 300;
const SAMPLE_MS = 50;
const POLL_MS = 250;
const START_TIMEOUT_MS = 30_000;
const SA_CASE_TYPES = ['Auto Accident', 'Slip and Fall', 'Dog Bite', 'Camp Lejeune', 'Hair Relaxer'];

/** A /proc/<pid>/status field in MB (VmRSS: now; VmHWM: the peak since the process began). */
function procMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kb === undefined) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(kb) / 1024;
}

/** The built host on a fresh data dir; resolves with its contract once it printed its URL (bounded). */
async function startHost(dataDir: string): Promise<{ child: ChildProcess; api: HttpApi }> {
  const env = { ...process.env, KAYSE_SECRETS_KEY: randomBytes(32).toString('base64') };
  const args = [...HEADLESS_NODE_FLAGS, HEADLESS, '--port', '0', '--ingest-port', '0', '--data-dir', dataDir];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the headless host printed no URL within ${START_TIMEOUT_MS} ms: ${out}`)), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`the headless host exited (${code}) before printing its URL: ${out}`)));
    // Kept reading for the host's whole life, so a full pipe never blocks it.
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /Open: (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[1]!));
      }
    });
  });
  child.removeAllListeners('exit');
  return { child, api: httpApi(url.origin, url.searchParams.get('token')) };
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** SmartAdvocate's case types made in Kayse by the same names, the simulator connected, the person fields mapped (as bench/support/sync-core.ts). */
async function connect(api: HttpApi, sim: SimulatorProcess): Promise<void> {
  for (const name of SA_CASE_TYPES) await api.caseTypes.create({ name, statuses: ['New', 'Signed'], fields: [] });
  const connected = await api.crm.connect({ crm: 'smartadvocate', endpointUrl: sim.host, username: sim.username, password: sim.password, apiBaseUrl: `${sim.host}/CaseSyncAPI` });
  if (!connected.ok) throw new Error(`the simulator refused to connect: ${JSON.stringify(connected)}`);
  await api.sync.saveFieldMappings({
    crm: 'smartadvocate',
    crmCaseTypeId: null,
    mappings: [
      { kayseField: 'client.first_name', crmFieldId: 'standard.first_name', direction: 'both' },
      { kayseField: 'client.last_name', crmFieldId: 'standard.last_name', direction: 'both' },
      { kayseField: 'client.email', crmFieldId: 'standard.email', direction: 'both' },
    ],
  });
}

/** The initial sync of `records` cases in the built host: its idle and peak RSS, VmHWM and records/s. */
export async function hostInitialSyncRss(sim: SimulatorProcess, records: number) {
  const temp = makeTempDir();
  const { child, api } = await startHost(temp.dir);
  const pid = child.pid!;
  try {
    await connect(api, sim);
    await new Promise((r) => setTimeout(r, 1000));
    const idleMb = procMb(pid, 'VmRSS');
    let peakMb = idleMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, procMb(pid, 'VmRSS'))), SAMPLE_MS);
    const started = performance.now();
    try {
      await api.sync.initialStart({ crm: 'smartadvocate' });
      // Bounded: 10 minutes plus 10 ms per record (100,000 records: ~27 min), far above any run seen.
      const deadline = Date.now() + 600_000 + records * 10;
      for (;;) {
        const { job } = await api.sync.initialStatus({ crm: 'smartadvocate' });
        if (job && job.state !== 'running') {
          if (job.state !== 'done' || job.counts.createdInKayse !== records) throw new Error(`the initial sync ended ${job.state}: ${JSON.stringify(job.counts)} ${job.error ?? ''}`);
          break;
        }
        if (Date.now() > deadline) throw new Error(`the initial sync was still running after ${Math.round((performance.now() - started) / 1000)} s: ${JSON.stringify(job?.counts)}`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    peakMb = Math.max(peakMb, procMb(pid, 'VmRSS'));
    const hwmMb = procMb(pid, 'VmHWM');
    return { idleMb, peakMb, hwmMb, seconds, rate: records / seconds };
  } finally {
    await stopHost(child);
    temp.remove();
  }
}

/** The bench rows (and a printed line) of the host's initial sync; `bareRate` is the bare loop's records/s of the same run. */
export async function hostSyncRssRows(sim: SimulatorProcess, records: number, bareRate: number) {
  const r = await hostInitialSyncRss(sim, records);
  const verdict = r.peakMb < LIMIT_MB ? 'PASS' : 'FAIL';
  console.log(
    `headless host initial sync of ${records} cases: idle ${r.idleMb.toFixed(0)} MB, peak ${r.peakMb.toFixed(0)} MB (VmHWM ${r.hwmMb.toFixed(0)} MB), ` +
      `${r.rate.toFixed(0)} records/s in ${r.seconds.toFixed(1)} s — ${verdict} (< ${LIMIT_MB} MB)`,
  );
  const row = (name: string, value: number, baseline: number) => ({ name, value, baseline, ratio: value / baseline });
  return [
    row('initial sync in the built headless host: RSS at idle before it (MB; baseline = the 300 MB limit)', r.idleMb, LIMIT_MB),
    row(`initial sync in the built headless host: peak RSS, sampled every ${SAMPLE_MS} ms (MB; target < 300 MB) — ${verdict}`, r.peakMb, LIMIT_MB),
    row('initial sync in the built headless host: VmHWM at the end (MB; baseline = the 300 MB limit)', r.hwmMb, LIMIT_MB),
    row('initial sync in the built headless host (records/s; baseline = the bare loop)', r.rate, bareRate),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const records = Number(process.argv[2] ?? 100_000);
  const sim = await startSimulatorProcess(records);
  try {
    for (const r of await hostSyncRssRows(sim, records, NaN)) console.log(`${r.name}: ${r.value.toFixed(1)}`);
  } finally {
    await sim.stop();
  }
}
