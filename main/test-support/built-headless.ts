// The real built headless host (out/main/headless.js, as `npm run serve` starts it) as a child process, with what
// it printed and when, bounded in time: it is killed if it neither starts nor ends within the limit.
import { spawn, type ChildProcess } from 'node:child_process';
import { HEADLESS_NODE_FLAGS } from '../../scripts/node-flags.mjs';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const HEADLESS_BUNDLE = fileURLToPath(new URL('../../out/main/headless.js', import.meta.url));

export interface HostRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal), or with 'timeout' after `limitMs` (the child is then killed). */
  exited(limitMs: number): Promise<{ code: number | string; at: number }>;
  /** Resolves with the console's URL once it printed it; rejects if it exits first or after `limitMs`. */
  running(limitMs: number): Promise<URL>;
  /** When `text` first appeared on stderr (performance.now()), or undefined. */
  stderrAt(text: string): number | undefined;
  stop(): Promise<void>;
}

export function requireBuiltHost(): void {
  if (!existsSync(HEADLESS_BUNDLE)) throw new Error(`${HEADLESS_BUNDLE} is missing: run npm run build first (these tests drive the built host).`);
}

export function runBuiltHost(args: string[], env: Record<string, string | undefined> = {}): HostRun {
  requireBuiltHost();
  const child = spawn(process.execPath, [...HEADLESS_NODE_FLAGS, HEADLESS_BUNDLE, ...args], {
    env: { ...process.env, KAYSE_DEMO: undefined, KAYSE_DATA_DIR: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const stderrChunks: { at: number; text: string }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    stderrChunks.push({ at: performance.now(), text: err });
  });
  const exit = new Promise<{ code: number | string; at: number }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code: code ?? signal ?? 'unknown', at: performance.now() }));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    stderrAt: (text) => stderrChunks.find((c) => c.text.includes(text))?.at,
    async exited(limitMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<{ code: string; at: number }>((resolve) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve({ code: `timeout: still running after ${limitMs} ms`, at: performance.now() });
        }, limitMs);
      });
      const result = await Promise.race([exit, timeout]);
      clearTimeout(timer);
      return result;
    },
    running(limitMs) {
      return new Promise((resolve, reject) => {
        const started = performance.now();
        const poll = setInterval(() => {
          const match = /Open: (http:\/\/\S+)/.exec(out);
          if (match) {
            clearInterval(poll);
            resolve(new URL(match[1]!));
          } else if (child.exitCode !== null || performance.now() - started > limitMs) {
            clearInterval(poll);
            child.kill('SIGKILL');
            reject(new Error(`the host did not start within ${limitMs} ms:\n${out}\n${err}`));
          }
        }, 50);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const { code } = await this.exited(10_000);
      if (typeof code === 'string' && code.startsWith('timeout')) throw new Error('the host did not stop within 10 s of SIGTERM');
    },
  };
}
