// Every way the built headless host can fail to start ends the same way: the documented message (what, why, what
// to do) on stderr and in the log, everything it opened closed, exit code 1 — promptly, never a hang.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { defaultMigrationsFolder, openDatabase } from '../../db';
import { requireBuiltHost, runBuiltHost, type HostRun } from '../../test-support/built-headless';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The process must end by itself this soon after printing why; the host's own leftover guard fires at 5 s. */
const ENDS_WITHIN_MS = 2_000;

const cleanup = useCleanup();

beforeAll(() => requireBuiltHost());

function dataDir(): string {
  return join(cleanup.tempDir(), 'data');
}

/** A console database as a previous run left it (real migrations, WAL). */
function existingDatabase(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'console.db');
  openDatabase({ file, migrationsFolder: defaultMigrationsFolder() }).sqlite.close();
  return file;
}

function host(args: string[], env: Record<string, string | undefined> = {}): HostRun {
  const run = runBuiltHost(['--port', '0', '--ingest-port', '0', ...args], env);
  cleanup.add(() => run.stop());
  return run;
}

/** A second program holding `BEGIN EXCLUSIVE` on the file until it is stopped (or 60 s pass). */
async function holdLock(file: string): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN EXCLUSIVE');
    console.log('holding');
    setTimeout(() => process.exit(0), 60000);`;
  const holder = spawn(process.execPath, ['-e', script, file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanup.add(() => holder.kill('SIGKILL'));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the lock holder did not start within 10 s')), 10_000);
    holder.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('holding')) {
        clearTimeout(timer);
        resolve();
      }
    });
    holder.on('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)));
  });
  return holder;
}

async function occupiedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.add(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as { port: number }).port;
}

/** The log's lines, parsed. */
const logLines = (dir: string) =>
  readFileSync(join(dir, 'logs', 'console.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { level: number; msg: string });

/** Waits for the host to give up; checks exit code 1, the message on stderr, and that it ended by itself at once. */
async function failsWith(run: HostRun, expected: string[], limitMs = 20_000): Promise<string> {
  const { code, at } = await run.exited(limitMs);
  const stderr = run.stderr();
  expect(code, stderr).toBe(1);
  const line = stderr.split('\n').find((l) => l.startsWith('Kayse Integrations Console could not start: '));
  expect(line, stderr).toBeDefined();
  const message = line!.slice('Kayse Integrations Console could not start: '.length);
  for (const text of expected) expect(message).toContain(text);
  expect(stderr).not.toContain('Still running');
  const printedAt = run.stderrAt('could not start')!;
  expect(at - printedAt, 'ended by itself right after the message: nothing left open').toBeLessThan(ENDS_WITHIN_MS);
  expect(run.stdout()).not.toContain('is running');
  return message;
}

/** The log holds the message once, at level fatal, and nothing went wrong while closing after it. */
function expectLogged(dir: string, message: string): void {
  const lines = logLines(dir);
  const fatal = lines.filter((l) => l.level === 60);
  expect(fatal.map((l) => l.msg)).toEqual([message]);
  expect(lines.slice(lines.indexOf(fatal[0]!) + 1).filter((l) => l.level >= 50)).toEqual([]);
}

describe('the headless host refuses to start, says why, and ends', () => {
  it('when another program holds the database locked', async () => {
    const dir = dataDir();
    const file = existingDatabase(dir);
    const holder = await holdLock(file);
    const message = await failsWith(host(['--data-dir', dir]), ['is locked by another program', file, 'Close it and start again']);
    expectLogged(dir, message);
    expect(holder.exitCode, 'the other program keeps its lock and runs on').toBeNull();
  });

  it('when the database is damaged, leaving it untouched', async () => {
    const dir = dataDir();
    mkdirSync(dir, { recursive: true });
    const garbage = Buffer.from('not a database, but client notes\n'.repeat(200));
    writeFileSync(join(dir, 'console.db'), garbage);
    const message = await failsWith(host(['--data-dir', dir]), ['is damaged or is not a console database', 'Restore it from a backup']);
    expectLogged(dir, message);
    expect(readFileSync(join(dir, 'console.db')).equals(garbage)).toBe(true);
  });

  it('when the database was written by a newer version', async () => {
    const dir = dataDir();
    const file = existingDatabase(dir);
    const db = openDatabase({ file, migrationsFolder: defaultMigrationsFolder() }).sqlite;
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', Date.now() + 365 * 86_400_000);
    db.close();
    const message = await failsWith(host(['--data-dir', dir]), ['was written by a newer version', 'Install the newer version']);
    expectLogged(dir, message);
  });

  it("when the console's port is taken", async () => {
    const dir = dataDir();
    const port = await occupiedPort();
    const message = await failsWith(runBuiltHost(['--data-dir', dir, '--port', String(port), '--ingest-port', '0']), [
      `Port ${port} on 127.0.0.1 is already in use`,
      '--port',
    ]);
    expectLogged(dir, message);
  });

  it("when the ingest API's chosen port is taken", async () => {
    const dir = dataDir();
    const port = await occupiedPort();
    const message = await failsWith(host(['--data-dir', dir, '--ingest-port', String(port)]), [`Port ${port} on 127.0.0.1 is already in use`, '--ingest-port']);
    expectLogged(dir, message);
  });

  it('when the data folder cannot be created', async () => {
    const temp = cleanup.tempDir();
    writeFileSync(join(temp, 'a-file'), 'x');
    const dir = join(temp, 'a-file', 'data');
    await failsWith(host(['--data-dir', dir]), [`The data folder ${dir} can't be used`, 'KAYSE_DATA_DIR', '--data-dir']);
  });
});
