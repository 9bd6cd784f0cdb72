// Without a keychain and without the encrypted-file store, the built headless host says so at start-up (its
// console output and its log) with the fix, instead of leaving it to the first Save of a form with a secret.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltHost, runBuiltHost } from '../../test-support/built-headless';
import { useCleanup } from '../../test-support/use-cleanup';

const cleanup = useCleanup();
const WARNING = "Credentials can't be stored";

beforeAll(() => requireBuiltHost());

/** Resolves once `text` is on the host's stderr; rejects after `limitMs`. */
async function stderrShows(run: ReturnType<typeof runBuiltHost>, text: string, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (!run.stderr().includes(text)) {
    if (Date.now() > until) throw new Error(`"${text}" not on stderr after ${limitMs} ms:\n${run.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the headless host without a place for secrets', () => {
  it('warns at start-up, on its console and in its log, with the fix', async () => {
    const dir = cleanup.tempDir();
    // No D-Bus session: no Secret Service; no key: no encrypted-file store.
    const run = runBuiltHost(['--data-dir', dir, '--port', '0', '--ingest-port', '0'], {
      DBUS_SESSION_BUS_ADDRESS: undefined,
      KAYSE_SECRETS_KEY: undefined,
      KAYSE_SECRETS_KEY_FILE: undefined,
      KAYSE_SECRET_SERVICE: `kayse-test-${process.pid}`,
    });
    cleanup.add(() => run.stop());
    await run.running(30_000);
    await stderrShows(run, WARNING, 15_000);
    expect(run.stderr()).toMatch(/KAYSE_SECRETS_KEY_FILE/);
    await run.stop();
    const logs = readdirSync(join(dir, 'logs')).map((f) => readFileSync(join(dir, 'logs', f), 'utf8')).join('\n');
    expect(logs).toContain(WARNING);
  });

  it('says nothing of the kind when the encrypted-file store is configured', async () => {
    const dir = cleanup.tempDir();
    const run = runBuiltHost(['--data-dir', dir, '--port', '0', '--ingest-port', '0'], {
      DBUS_SESSION_BUS_ADDRESS: undefined,
      KAYSE_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    cleanup.add(() => run.stop());
    await run.running(30_000);
    // The check runs right after start-up; give it the same time the warning gets above.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(run.stderr()).not.toContain(WARNING);
  });
});
