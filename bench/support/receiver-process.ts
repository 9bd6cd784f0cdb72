// Starts bench/support/https-receiver.mjs as a child process and talks to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestCa } from '../../main/test-support/test-ca';

export interface ReceiverStats {
  count: number;
  unique: number;
  duplicates: number;
  byPath: Record<string, number>;
}

export interface ReceiverProcess {
  port: number;
  up(): Promise<number>;
  down(): Promise<void>;
  stats(): Promise<ReceiverStats>;
  reset(): Promise<void>;
  track(on: boolean): Promise<void>;
  arrivals(): Promise<Record<string, number>>;
  uniqueIds(): Promise<string[]>;
  /** Resolves once `pick(stats)` reaches `target`, polling every 20 ms; rejects after `timeoutMs`. */
  waitFor(pick: (s: ReceiverStats) => number, target: number, timeoutMs: number): Promise<number>;
  kill(): void;
}

export async function startReceiverProcess(ca: TestCa, slowMs = 14_000): Promise<ReceiverProcess> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./https-receiver.mjs', import.meta.url)), [], {
    env: { ...process.env, RECEIVER_TLS: JSON.stringify({ cert: ca.cert, key: ca.key }), RECEIVER_SLOW_MS: String(slowMs) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let seq = 0;
  const pending = new Map<number, (value: unknown) => void>();
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (msg: { ready?: boolean; id?: number; value?: unknown }) => {
      if (msg.ready) return resolve();
      const done = pending.get(msg.id!);
      pending.delete(msg.id!);
      done?.(msg.value);
    });
  });
  const call = <T>(cmd: string, extra: Record<string, unknown> = {}) =>
    new Promise<T>((resolve) => {
      const id = ++seq;
      pending.set(id, resolve as (value: unknown) => void);
      child.send({ id, cmd, ...extra });
    });
  const receiver: ReceiverProcess = {
    port: 0,
    async up() {
      receiver.port = await call<number>('up');
      return receiver.port;
    },
    down: () => call<void>('down'),
    stats: () => call<ReceiverStats>('stats'),
    reset: () => call<void>('reset'),
    track: (on) => call<void>('track', { on }),
    arrivals: () => call<Record<string, number>>('arrivals'),
    uniqueIds: () => call<string[]>('uniqueIds'),
    async waitFor(pick, target, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const value = pick(await receiver.stats());
        if (value >= target) return value;
        if (performance.now() > deadline) throw new Error(`receiver reached ${value} of ${target} in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    kill: () => void child.kill('SIGKILL'),
  };
  await receiver.up();
  return receiver;
}
