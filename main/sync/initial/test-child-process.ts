// Test helper: starts test-sync-child.ts in a child process (this Node, with tsx) and follows its JSON lines, so a
// test can SIGKILL it at a chosen step. Every wait is bounded.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildLine {
  type: string;
  [key: string]: unknown;
}

export interface SyncChild {
  lines: ChildLine[];
  /** Resolves with the first line that passes `test` (rejects after `timeoutMs`, or if the child exits first). */
  waitFor(test: (line: ChildLine) => boolean, timeoutMs?: number): Promise<ChildLine>;
  /** A real kill -9; resolves once the process is gone. */
  kill9(): Promise<void>;
  stderr(): string;
}

const script = fileURLToPath(new URL('./test-sync-child.ts', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

export function startSyncChild(args: Record<string, unknown>): SyncChild {
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(args)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  const lines: ChildLine[] = [];
  const waiters = new Set<() => void>();
  let err = '';
  let buffer = '';
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      for (const wake of waiters) wake();
      resolve();
    }),
  );
  child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString('utf8')));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const part of parts) {
      if (!part.startsWith('{')) continue;
      lines.push(JSON.parse(part) as ChildLine);
      for (const wake of waiters) wake();
    }
  });
  return {
    lines,
    stderr: () => err,
    waitFor: (test, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = lines.find(test);
          if (!hit && !exited) return;
          waiters.delete(check);
          clearTimeout(timer);
          if (hit) resolve(hit);
          else reject(new Error(`the child exited before the awaited line; stderr: ${err.slice(-2000)}`));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no awaited line from the child within ${timeoutMs} ms; stderr: ${err.slice(-2000)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    async kill9() {
      if (!exited) child.kill('SIGKILL');
      await gone;
    },
  };
}
