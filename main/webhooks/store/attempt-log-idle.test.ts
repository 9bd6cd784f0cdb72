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

// The same, after a burst of attempts, from which the writer runs its checkpointer thread too (see
// attempt-log.worker.mjs); where the OS lists a process's threads, the child says how many worker threads it has.
const BURST_CHILD = `
(async () => {
  const { openDatabase, defaultMigrationsFolder } = await import(${module('../../db/index.ts')});
  const { createDeliveryStore } = await import(${module('./delivery-store.ts')});
  const { createAttemptLog } = await import(${module('./attempt-log.ts')});
  const { createLogger } = await import(${module('../../log/index.ts')});
  const fs = await import('node:fs');
  const dir = process.argv[1];
  const database = openDatabase({ file: dir + '/console.db', migrationsFolder: defaultMigrationsFolder() });
  const log = createLogger({ logDir: dir + '/logs' });
  const writer = createAttemptLog({ sqlite: database.sqlite, deliveries: createDeliveryStore(database.sqlite), logger: log.logger });
  const startedAt = new Date().toISOString();
  await writer.start(Array.from({ length: 1500 }, (_, i) => ({
    deliveryId: 'dlv_' + i, webhookId: 'whk_burst', number: 1, trigger: 'scheduled', startedAt,
    url: 'https://receiver.example.com/hook', requestHeaders: {},
  })));
  // The writer's next checkpoint round, within a second, sees the load.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const tasks = '/proc/self/task';
  const workers = fs.existsSync(tasks)
    ? fs.readdirSync(tasks).filter((t) => fs.readFileSync(tasks + '/' + t + '/comm', 'utf8').trim() === 'WorkerThread').length
    : 'unknown';
  console.log('burst logged; worker threads: ' + workers);
})();
`;

const cleanup = useCleanup();

async function run(script: string): Promise<{ code: number | string; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script, cleanup.tempDir()], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const LIMIT_MS = 15_000;
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
  return { code, output };
}

describe('attempt log writer thread', () => {
  it('does not keep the process alive while idle', async () => {
    const { code, output } = await run(CHILD);
    expect(output).toContain('writer created');
    expect(code, output).toBe(0);
  });

  it('does not keep the process alive once idle after a burst, with its checkpointer thread', async () => {
    const { code, output } = await run(BURST_CHILD);
    expect(output).toMatch(/burst logged; worker threads: (2|unknown)/);
    expect(code, output).toBe(0);
  });
});
