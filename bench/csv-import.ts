// CSV import and export at 100,000 rows through the contract (core.dispatch), each beside a baseline measured in
// the same run: papaparse parsing the same CSV plus plain INSERTs of the raw rows into a scratch table in one
// transaction (for the export: a plain SELECT of the rows plus papaparse writing them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { createCore, type Core } from '../main/core';
import { writeTransaction } from '../main/db';
import { testApi } from '../main/test-support/api';
import { waitForTask } from '../main/test-support/tasks';

const CASE_COLUMNS = ['Case ID', 'Case Name', 'Case Type', 'Status', 'Campaign', 'Client ID', 'Accident Date', 'Injury', 'Amount', 'Notes'];
const STATUSES = ['New Lead', 'Intake', 'Signed', 'Closed'];
const INJURIES = ['Back', 'Neck', 'Head', 'Other'];

/** A cases file of `rows` rows over `clients` clients (C1…), as another system would export it. */
export function casesCsv(rows: number, clients: number): string {
  const lines = [CASE_COLUMNS.join(',')];
  for (let i = 1; i <= rows; i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      [`X${i}`, `"Smith, J. v. Acme ${i}"`, 'Personal Injury', STATUSES[i % 4], i % 2 ? 'Spring Intake' : '', `C${(i % clients) + 1}`, `2025-03-${day}`, INJURIES[i % 4], String(i * 10), `note ${i}`].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A clients file of `rows` rows (C1…). */
export function clientsCsv(rows: number): string {
  const lines = ['Client ID,First Name,Last Name,Phone,Email'];
  for (let i = 1; i <= rows; i += 1) lines.push(`C${i},Ann${i},Lee,+1555${String(i).padStart(7, '0')},ann${i}@example.com`);
  return `${lines.join('\r\n')}\r\n`;
}


/** Wall-clock seconds of `work`, and the CPU seconds this process spent meanwhile (telling on a busy machine). */
interface Timing {
  seconds: number;
  cpu: number;
}

/** Starts a stopwatch; `stop()` gives wall-clock and CPU seconds since. */
function stopwatch(): { stop(): Timing } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  return {
    stop() {
      const used = process.cpuUsage(cpu);
      return { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
    },
  };
}

async function timed(work: () => Promise<unknown>): Promise<Timing> {
  const watch = stopwatch();
  await work();
  return watch.stop();
}

/** Starts a background task and waits for its last progress event (bounded); a task that failed throws its error. */
async function runTask(core: Core, start: () => Promise<{ taskId: string }>): Promise<string> {
  const { taskId, progress } = await waitForTask(core.events, start, 120_000);
  const error = progress.at(-1)?.error;
  if (error) throw new Error(error);
  return taskId;
}

/** Papaparse + one-transaction INSERT of every raw row into a scratch table of text columns (seconds, with CPU). */
function parseAndInsertBaseline(dir: string, csv: string): Timing {
  const scratch = new Database(join(dir, 'scratch.db'));
  scratch.pragma('journal_mode = WAL');
  scratch.pragma('synchronous = NORMAL');
  const watch = stopwatch();
  const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  const header = rows[0]!;
  scratch.exec(`CREATE TABLE raw (${header.map((_, i) => `c${i} TEXT`).join(', ')})`);
  const insert = scratch.prepare(`INSERT INTO raw VALUES (${header.map(() => '?').join(', ')})`);
  writeTransaction(scratch, () => {
    for (let i = 1; i < rows.length; i += 1) insert.run(rows[i]!);
  });
  const timing = watch.stop();
  scratch.close();
  rmSync(join(dir, 'scratch.db'), { force: true });
  return timing;
}

/** A plain SELECT of every case row plus papaparse writing them. */
function selectAndUnparseBaseline(core: Core): Timing {
  const watch = stopwatch();
  const rows = core.database.sqlite.prepare('SELECT * FROM cases').raw().all() as unknown[][];
  Papa.unparse(rows);
  return watch.stop();
}

/** Rows of { name, value (seconds), baseline (seconds), ratio }; wall-clock unless the name says CPU. */
export async function benchCsvImport({ rows = 100_000, clients = 1_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kayse-bench-csv-'));
  const core = createCore({ dataDir: join(dir, 'data'), env: { KAYSE_SECRETS_KEY: randomBytes(32).toString('base64') }, logLevel: 'warn' });
  try {
    core.workspace.caseTypes.create({
      name: 'Personal Injury',
      statuses: STATUSES,
      fields: [
        { key: 'accident_date', label: 'Accident Date', type: 'date' },
        { key: 'injury', label: 'Injury', type: 'single_select', options: INJURIES },
        { key: 'amount', label: 'Amount', type: 'number' },
        { key: 'notes', label: 'Notes', type: 'text' },
      ],
    });
    core.database.sqlite.prepare(`INSERT INTO campaigns (id, name, created_at) VALUES ('cmp_spring', 'Spring Intake', ?)`).run(new Date().toISOString());
    const api = testApi(core);

    const clientFile = clientsCsv(rows);
    const clientInspect = await api.imports.inspect({ kind: 'clients', fileName: 'clients.csv', csv: clientFile });
    const clientJob = { kind: 'clients' as const, fileName: 'clients.csv', csv: clientFile, mapping: clientInspect.suggestedMapping };
    const clientImport = await timed(() => runTask(core, () => api.imports.run(clientJob)));
    const clientBaseline = parseAndInsertBaseline(dir, clientFile);

    const caseFile = casesCsv(rows, clients);
    const inspect = await api.imports.inspect({ kind: 'cases', fileName: 'cases.csv', csv: caseFile });
    const job = { kind: 'cases' as const, fileName: 'cases.csv', csv: caseFile, mapping: inspect.suggestedMapping };
    const dryRun = await timed(() => api.imports.dryRun(job));
    const caseImport = await timed(() => runTask(core, () => api.imports.run(job)));
    const reImport = await timed(() => runTask(core, () => api.imports.run(job)));
    const caseBaseline = parseAndInsertBaseline(dir, caseFile);

    const exportCsv = await timed(() => runTask(core, () => api.exports.run({ kind: 'cases', format: 'csv' })));
    const exportBaseline = selectAndUnparseBaseline(core);

    const n = rows.toLocaleString('en-US');
    const measures: [string, number, number][] = [
      [`import ${n} cases, all new (s)`, caseImport.seconds, caseBaseline.seconds],
      [`  the same, CPU seconds of this process`, caseImport.cpu, caseBaseline.cpu],
      [`re-import the same ${n} cases, all unchanged (s)`, reImport.seconds, caseBaseline.seconds],
      [`dry run of ${n} new cases (s)`, dryRun.seconds, caseBaseline.seconds],
      [`import ${n} clients, all new (s)`, clientImport.seconds, clientBaseline.seconds],
      [`export ${n} cases to CSV (s)`, exportCsv.seconds, exportBaseline.seconds],
    ];
    return measures.map(([name, value, baseline]) => ({ name, value, baseline, ratio: value / baseline }));
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
