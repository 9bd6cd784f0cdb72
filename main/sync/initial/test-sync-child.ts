// Test helper run in a child process (`node --import tsx test-sync-child.ts '<json>'`) so that a test can kill it
// for real (SIGKILL): it opens a core on the parent's data dir and keychain service and either runs the initial sync
// of SmartAdvocate or makes Kayse cases in a burst for the push, printing one JSON line per step on stdout.
import { createCore } from '../../core';

interface ChildArgs {
  dataDir: string;
  secretService: string;
  mode: 'initial' | 'push';
  pageSize?: number;
  /** push: how many cases to make, one every `everyMs`. */
  cases?: number;
  everyMs?: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const core = createCore({
  dataDir: args.dataDir,
  secretService: args.secretService,
  env: {},
  crm: { timeoutMs: 5_000, connectTimeoutMs: 2_000 },
  sync: { initialPageSize: args.pageSize ?? 10 },
});
core.events.on('task.progress', (p) => say({ type: 'progress', phase: p.phase, done: p.done, finished: p.finished }));
// Kept alive until killed (every wait below is bounded).
const keepAlive = setInterval(() => undefined, 1_000);

async function main() {
  if (args.mode === 'initial') {
    const job = await core.sync.initial.start('smartadvocate');
    say({ type: 'started', jobId: job.id });
    return;
  }
  const records = core.workspace.records;
  for (let i = 0; i < (args.cases ?? 0); i += 1) {
    const client = records.upsertClient({ externalSource: 'burst', externalId: `c${i}`, firstName: `Burst${i}`, lastName: 'Kayse', emails: [`burst${i}@kayse.example`] }, { origin: 'ingest' }).client;
    const kase = records.upsertCase({ externalSource: 'burst', externalId: `k${i}`, name: `Burst ${i}`, caseType: 'Auto Accident', status: 'New', clientIds: [client.id] }, { origin: 'ingest' }).case;
    say({ type: 'case', n: i + 1, id: kase.id });
    await new Promise((resolve) => setTimeout(resolve, args.everyMs ?? 5));
  }
  say({ type: 'made' });
}

main().catch((error: unknown) => {
  say({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  clearInterval(keepAlive);
  process.exitCode = 1;
});
