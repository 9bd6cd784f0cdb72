// The attempt log's writer thread is idle until the engine writes: an idle writer must never keep the process
// alive (a start-up that fails after it was created, or a script that forgets to close it, would hang forever).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const module = (path: string) => JSON.stringify(fileURLToPath(new URL(path, import.meta.url)));

// A real database with the real schema, a real writer thread; then nothing — no close, no write.
const CHILD = `
(async () => {
  const { openDatabase, defaultMigrationsFolder } = await import(${module('../../db/index.ts')});
  const { createDeliveryStore } = await import(${module('./delivery-store.ts')});
  const { createAttemptLog } = await import(${module('./attempt-log.ts')});
  const { createLogger } = await import(${module('../../log/index.ts')});
  const dir = process.argv[1];
  const database = openDatabase({ file: dir + '/console.db', migrationsFolder: defaultMigrationsFolder() });
  const log = createLogger({ logDir: dir + '/logs' });
  createAttemptLog({ sqlite: database.sqlite, deliveries: createDeliveryStore(database.sqlite), logger: log.logger });
  console.log('writer created');
})();
`;

const cleanup = useCleanup();

describe('attempt log writer thread', () => {
  it('does not keep the process alive while idle', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', CHILD, cleanup.tempDir()], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const LIMIT_MS = 10_000;
    const code = await new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(`still running after ${LIMIT_MS} ms`);
      }, LIMIT_MS);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode ?? -1);
      });
    });
    expect(output).toContain('writer created');
    expect(code, output).toBe(0);
  });
});
