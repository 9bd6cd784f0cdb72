// The SmartAdvocate simulator in a child process of its own (`scripts/sim.ts`), so that the process measured holds
// only the console's side; shared by the connectors and sync benchmarks.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `scripts/sim.ts smartadvocate` in a child process; resolves once it prints its endpoint and credentials. */
export async function startSimulatorProcess(records: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sim.ts', 'smartadvocate', '--port', '0', '--records', String(records)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the simulator printed nothing usable in 120 s: ${out}`)), 120_000);
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code}): ${out}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('Ctrl+C')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const value = (label: string) => new RegExp(`^ {2}${label} +(\\S+)$`, 'm').exec(out)?.[1] ?? '';
  return {
    host: value('Endpoint URL'),
    username: value('Username'),
    password: value('Password'),
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export type SimulatorProcess = Awaited<ReturnType<typeof startSimulatorProcess>>;
