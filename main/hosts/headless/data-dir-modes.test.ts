// The data folder holds client personal data: the built headless host makes it the user's alone (folder 0700,
// files 0600) — fixing what an older version left open, keeping it so for files made later — and says how to
// fix a secrets key file others can read. Folders and files outside the data folder are never changed.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { defaultMigrationsFolder, openDatabase } from '../../db';
import { requireBuiltHost, runBuiltHost, type HostRun } from '../../test-support/built-headless';
import { randomKeyBase64 } from '../../test-support/temp-dir';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8).padStart(4, '0');

const cleanup = useCleanup();

beforeAll(() => {
  requireBuiltHost();
  process.umask(0o022); // what most systems run with: files 0644 and folders 0755 unless the console says otherwise
});

function temp(): string {
  return cleanup.tempDir();
}

function start(dir: string, env: Record<string, string> = {}): HostRun {
  const run = runBuiltHost(['--data-dir', dir, '--port', '0', '--ingest-port', '0'], env);
  cleanup.add(() => run.stop());
  return run;
}

async function setTheme(url: URL): Promise<void> {
  const res = await fetch(`${url.origin}/rpc/preferences.update`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${url.searchParams.get('token')}` },
    body: JSON.stringify({ colorScheme: 'dark' }),
    signal: AbortSignal.timeout(5_000),
  });
  expect(res.status).toBe(200);
}

describe.skipIf(process.platform === 'win32')('data folder modes', () => {
  it("restricts a folder an older version left open, and the files made later, without touching what isn't the console's", async () => {
    const parent = join(temp(), 'srv');
    const dir = join(parent, 'kayse');
    mkdirSync(join(dir, 'logs'), { recursive: true });
    chmodSync(parent, 0o755);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'logs'), 0o755);
    openDatabase({ file: join(dir, 'console.db'), migrationsFolder: defaultMigrationsFolder() }).sqlite.close();
    const files = ['logs/console.log', 'logs/console.log.1', 'demo-mode.json'];
    for (const f of files) writeFileSync(join(dir, f), f.endsWith('.json') ? '{"state":"off"}\n' : '{}\n');
    for (const f of ['console.db', ...files]) chmodSync(join(dir, f), 0o644);
    // A link in the data folder to a file elsewhere: the file it points to is not the console's to change.
    const elsewhere = join(parent, 'shared-window-state.json');
    writeFileSync(elsewhere, '{}');
    chmodSync(elsewhere, 0o644);
    symlinkSync(elsewhere, join(dir, 'window-state.json'));
    // The secrets key outside the data folder, readable by everyone.
    const keyFile = join(temp(), "firm's key");
    writeFileSync(keyFile, randomKeyBase64());
    chmodSync(keyFile, 0o644);

    const run = start(dir, { KAYSE_SECRETS_KEY_FILE: keyFile });
    const url = await run.running(20_000);
    await setTheme(url); // preferences.json is written after start-up

    expect(modeOf(dir)).toBe('0700');
    expect(modeOf(join(dir, 'logs'))).toBe('0700');
    for (const f of ['console.db', 'console.db-wal', 'console.db-shm', 'preferences.json', ...files]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
      expect(modeOf(join(dir, f)), f).toBe('0600');
    }
    expect(modeOf(parent), 'the folder above the data folder').toBe('0755');
    expect(modeOf(elsewhere), 'a file outside, linked from inside').toBe('0644');
    expect(modeOf(keyFile), 'the key file is the user’s to change').toBe('0644');

    const advice = `chmod 600 '${keyFile.replaceAll("'", `'\\''`)}'`;
    expect(run.stderr()).toContain('WARNING: the secrets key file');
    expect(run.stderr()).toContain(advice);
    await run.stop();
    const log = readFileSync(join(dir, 'logs', 'console.log'), 'utf8');
    expect(log).toContain(JSON.stringify(advice).slice(1, -1));
    for (const f of ['logs/console.log', 'console.db']) expect(modeOf(join(dir, f)), `${f} after stopping`).toBe('0600');
  });

  it('creates a new data folder owner-only, and its parents as usual', async () => {
    const base = temp();
    const dir = join(base, 'new', 'kayse');
    const run = start(dir);
    await run.running(20_000);
    expect(modeOf(join(base, 'new'))).toBe('0755');
    expect(modeOf(dir)).toBe('0700');
    expect(modeOf(join(dir, 'logs'))).toBe('0700');
    for (const f of ['console.db', 'console.db-wal', 'console.db-shm', 'logs/console.log']) expect(modeOf(join(dir, f)), f).toBe('0600');
  });

  it('says nothing about a key file only its owner can read', async () => {
    const keyFile = join(temp(), 'key');
    writeFileSync(keyFile, randomKeyBase64(), { mode: 0o600 });
    const run = start(join(temp(), 'data'), { KAYSE_SECRETS_KEY_FILE: keyFile });
    await run.running(20_000);
    expect(run.stderr()).not.toContain('secrets key file');
  });
});
