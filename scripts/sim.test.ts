// `npm run sim`: the script started as a child process, as a user starts it. What it prints is enough to connect
// (the connector's own Test connection, or for Cal.com the client's key check, with the printed values), it stops cleanly on SIGINT / SIGTERM, and bad
// arguments get the usage and exit code 2.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCalcomClient } from '../main/connectors/calcom/calcom-client';
import { isSchedulingError } from '../main/connectors/calcom/scheduling-error';
import { createLawRulerConnector } from '../main/connectors/lawruler/lawruler-connector';
import { createSmartAdvocateConnector } from '../main/connectors/smartadvocate/connector';
import { systemClock } from '../main/kernel';
import { createGuardedAgent } from '../main/net';
import { useCleanup } from '../main/test-support/use-cleanup';

const root = fileURLToPath(new URL('..', import.meta.url));
const cleanup = useCleanup();

interface Run {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sim.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanup.add(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits (at most 20 s) until the simulator has printed what to enter; returns the address and the fields. */
async function started(sim: Run): Promise<{ title: string; fields: Map<string, string> }> {
  const deadline = Date.now() + 20_000;
  while (!sim.stdout().includes('Ctrl+C stops the simulator')) {
    if (sim.child.exitCode !== null) throw new Error(`the simulator exited (${sim.child.exitCode}): ${sim.stderr()}`);
    if (Date.now() > deadline) throw new Error(`the simulator printed nothing usable in 20 s: ${sim.stdout()} ${sim.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const lines = sim.stdout().split('\n');
  const fields = new Map<string, string>();
  for (const line of lines) {
    const match = /^ {2}(\S.*?) {2,}(\S+)$/.exec(line);
    if (match) fields.set(match[1]!, match[2]!);
  }
  return { title: lines[0]!, fields };
}

const agent = () => cleanup.use(createGuardedAgent({ allowlist: ['127.0.0.1/32'], connectTimeoutMs: 2_000 }));
const field = (fields: Map<string, string>, label: string) => {
  const value = fields.get(label);
  if (value === undefined) throw new Error(`the simulator did not print "${label}" (it printed ${[...fields.keys()].join(', ')})`);
  return value;
};

describe('npm run sim', () => {
  it('starts LawRuler on a free port with the leads asked for; the printed values connect; SIGINT stops it', async () => {
    const sim = run(['lawruler', '--port', '0', '--records', '7']);
    const { title, fields } = await started(sim);
    expect(title).toMatch(/^LawRuler simulator at http:\/\/127\.0\.0\.1:\d+ with 7 leads$/);
    const crm = createLawRulerConnector({
      credentials: {
        username: field(fields, 'Username'),
        password: field(fields, 'Password'),
        clientRoot: field(fields, 'Client Root'),
        clientSecret: field(fields, 'Client Secret'),
        key: field(fields, 'Key'),
      },
      baseUrl: field(fields, 'Advanced: API base URL'),
      dispatcher: agent(),
      timeoutMs: 5_000,
      clock: systemClock,
    });
    const checks = await crm.testConnection();
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect((await crm.listChanged(null, 100)).records).toHaveLength(7);

    sim.child.kill('SIGINT');
    expect(await sim.exited).toBe(0);
    expect(sim.stdout()).toContain('Simulator stopped (SIGINT).');
  });

  it('starts SmartAdvocate with a fault from the start (the field list fails); the endpoint printed connects; SIGTERM stops it', async () => {
    const sim = run(['smartadvocate', '--records', '3', '--fault', 'catalog_fails']);
    const { title, fields } = await started(sim);
    expect(title).toMatch(/^SmartAdvocate simulator at http:\/\/127\.0\.0\.1:\d+ with 3 cases$/);
    expect(sim.stdout()).toContain('Playing the fault "catalog_fails"');
    const crm = createSmartAdvocateConnector({
      credentials: { endpoint: field(fields, 'Endpoint URL'), username: field(fields, 'Username'), password: field(fields, 'Password') },
      dispatcher: agent(),
      timeoutMs: 5_000,
      clock: systemClock,
    });
    const checks = await crm.testConnection();
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['Signed in', true],
      ['Can read cases', true],
      ['Can load fields and statuses', false],
    ]);
    expect(checks[1]!.detail).toBe('3 cases visible to this user');

    sim.child.kill('SIGTERM');
    expect(await sim.exited).toBe(0);
    expect(sim.stdout()).toContain('Simulator stopped (SIGTERM).');
  });

  it('starts Cal.com with a fault from the start (5xx); the printed key and base URL connect once it is gone; SIGINT stops it', async () => {
    const sim = run(['calcom', '--fault', 'server_error']);
    const { title, fields } = await started(sim);
    expect(title).toMatch(/^Cal\.com simulator at http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.stdout()).toContain('cal-api-version');
    expect(sim.stdout()).toContain('501 (Free consultation, 30 min)');
    const client = createCalcomClient({ apiKey: field(fields, 'API key'), baseUrl: field(fields, 'Base URL'), dispatcher: agent(), timeoutMs: 5_000, clock: systemClock });
    await expect(client.me()).rejects.toSatisfy((error) => isSchedulingError(error, 'unavailable'));
    sim.child.kill('SIGINT');
    expect(await sim.exited).toBe(0);

    const healthy = run(['calcom']);
    const printed = await started(healthy);
    const good = createCalcomClient({ apiKey: field(printed.fields, 'API key'), baseUrl: field(printed.fields, 'Base URL'), dispatcher: agent(), timeoutMs: 5_000, clock: systemClock });
    expect((await good.me()).timeZone).toBe('America/New_York');
    expect((await good.eventType(501)).lengthInMinutes).toBe(30);
    const expired = createCalcomClient({ apiKey: field(printed.fields, '(an expired key)'), baseUrl: field(printed.fields, 'Base URL'), dispatcher: agent(), timeoutMs: 5_000, clock: systemClock });
    await expect(expired.me()).rejects.toSatisfy((error) => isSchedulingError(error, 'invalid_key'));
    healthy.child.kill('SIGTERM');
    expect(await healthy.exited).toBe(0);
    expect(healthy.stdout()).toContain('Simulator stopped (SIGTERM).');
  });

  it('says so when the port is taken (exit code 1)', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanup.add(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as { port: number }).port;
    const sim = run(['smartadvocate', '--port', String(port)]);
    expect(await sim.exited).toBe(1);
    expect(sim.stderr()).toContain(`port ${port} on 127.0.0.1 is in use`);
  });

  it.each([
    [[], /name the service to simulate/],
    [['clio'], /"clio" is not one of lawruler, smartadvocate, calcom/],
    [['lawruler', 'smartadvocate'], /one service at a time/],
    [['calcom', '--records', '5'], /Cal\.com has none to seed/],
    [['calcom', '--fault', 'catalog_fails'], /--fault "catalog_fails" does not apply to Cal\.com: one of slow, server_error, rate_limit, drop_write_answer, malformed/],
    [['lawruler', '--port', '80a'], /--port must be a whole number/],
    [['lawruler', '--port', '70000'], /--port must be at most 65,535/],
    [['smartadvocate', '--records', '100001'], /--records must be at most 100,000/],
    [['smartadvocate', '--records=-5'], /--records must be a whole number/],
    [['smartadvocate', '--fault', 'expire_tokens'], /--fault "expire_tokens" is not one of slow, server_error/],
    [['lawruler', '--verbose'], /Unknown option '--verbose'/],
  ])('refuses %j with the usage and exit code 2', async (args, message) => {
    const sim = run(args);
    expect(await sim.exited).toBe(2);
    expect(sim.stderr()).toMatch(message);
    expect(sim.stderr()).toContain('Usage: npm run sim -- lawruler|smartadvocate|calcom');
    expect(sim.stdout()).toBe('');
  });
});
