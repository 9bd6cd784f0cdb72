// `npm run sim -- lawruler|smartadvocate|calcom [--port N] [--records N] [--fault KIND]`: one simulator (a CRM, or
// Cal.com for scheduling) on 127.0.0.1, standalone, so anyone can try the console's screens without an account.
// Prints where it is and what to enter, then serves until Ctrl+C (SIGINT) or SIGTERM. Bad arguments: usage, exit 2.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { CrmFault } from '../main/connectors/crm/simulator-control';
import { SIM_EVENT_TYPES, startCalcomSimulator, type CalcomFault } from '../main/connectors/calcom/simulator';
import { LAWRULER_SIM_CREDENTIALS, startLawRulerSimulator } from '../main/connectors/lawruler/simulator';
import { startSmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';

const DEFAULT_RECORDS = 50;

const USAGE = `Usage: npm run sim -- lawruler|smartadvocate|calcom [--port N] [--records N] [--fault KIND]
  lawruler | smartadvocate   which CRM to simulate
  calcom                     Cal.com (scheduling): an API key, event types, free slots, bookings
  --port N                   port on 127.0.0.1 (default 0: a free one)
  --records N                leads / cases to seed, 0 to 100,000 (default ${DEFAULT_RECORDS}; CRMs only)
  --fault KIND               play a fault on every request it applies to, from the start:
                             ${['slow', 'server_error', 'rate_limit', 'catalog_fails', 'error_in_200', 'drop_write_answer', 'malformed'].join(', ')}
                             (Cal.com: ${['slow', 'server_error', 'rate_limit', 'drop_write_answer', 'malformed'].join(', ')})`;

/** The faults worth starting with, as `--fault` names them (expire_tokens is an event: nothing to start with). */
const FAULTS = {
  slow: { kind: 'slow', ms: 3_000 },
  server_error: { kind: 'server_error', status: 503 },
  rate_limit: { kind: 'rate_limit', retryAfterSeconds: 30 },
  catalog_fails: { kind: 'catalog_fails' },
  error_in_200: { kind: 'error_in_200' },
  drop_write_answer: { kind: 'drop_write_answer' },
  malformed: { kind: 'malformed' },
} as const satisfies Record<string, CrmFault>;

/** The faults that mean something at Cal.com (it has no catalog, and answers failures with error statuses). */
const CALCOM_FAULTS = ['slow', 'server_error', 'rate_limit', 'drop_write_answer', 'malformed'] as const satisfies (keyof typeof FAULTS)[];
const SERVICES = ['lawruler', 'smartadvocate', 'calcom'] as const;

const wholeNumber = (what: string, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${what} must be a whole number`)
    .transform(Number)
    .pipe(z.number().max(max, `${what} must be at most ${max.toLocaleString('en-US')}`));

const argsSchema = z.object({
  crm: z.enum(SERVICES, { error: (issue) => (issue.input === undefined ? 'name the service to simulate' : `"${String(issue.input)}" is not one of ${SERVICES.join(', ')}`) }),
  port: wholeNumber('--port', 65_535).default(0),
  records: wholeNumber('--records', 100_000).default(DEFAULT_RECORDS),
  fault: z.enum(Object.keys(FAULTS) as [keyof typeof FAULTS], { error: (issue) => `--fault "${String(issue.input)}" is not one of ${Object.keys(FAULTS).join(', ')}` }).optional(),
});
type SimArgs = z.output<typeof argsSchema>;

/** The arguments, or what is wrong with them. */
function readSimArgs(argv: string[]): { ok: true; args: SimArgs } | { ok: false; message: string } {
  try {
    const { positionals, values } = parseArgs({ args: argv, options: { port: { type: 'string' }, records: { type: 'string' }, fault: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals.length > 1) return { ok: false, message: `one service at a time, not ${positionals.join(' and ')}` };
    const result = argsSchema.safeParse({ crm: positionals[0], ...values });
    if (!result.success) return { ok: false, message: result.error.issues.map((i) => i.message).join('; ') };
    if (result.data.crm === 'calcom') {
      if (values.records !== undefined) return { ok: false, message: '--records seeds a CRM\'s leads or cases; Cal.com has none to seed' };
      const fault = result.data.fault;
      if (fault && !(CALCOM_FAULTS as readonly string[]).includes(fault)) return { ok: false, message: `--fault "${fault}" does not apply to Cal.com: one of ${CALCOM_FAULTS.join(', ')}` };
    }
    return { ok: true, args: result.data };
  } catch (error) {
    // parseArgs: an unknown option, or one without its value.
    return { ok: false, message: (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, '') };
  }
}

interface Running {
  title: string;
  /** Where the fields are entered (a sentence start), and what to press then. */
  screen: string;
  then: string;
  /** Label → value, in the Configuration tab's order. */
  fields: [string, string][];
  setFault(fault: CrmFault): void;
  close(): Promise<void>;
}

async function start(args: SimArgs): Promise<Running> {
  if (args.crm === 'calcom') {
    const sim = await startCalcomSimulator({ port: args.port });
    return {
      title: `Cal.com simulator at ${sim.url}`,
      // The console's Scheduling screen is not built yet (issue 16): until then the values serve the Cal.com
      // connector's tests and any Cal.com API v2 client.
      screen: "For a Cal.com API v2 client (the console's Scheduling screen is still to come), use",
      then: 'send the key as a bearer token with each endpoint\'s cal-api-version. Event type IDs: ' + SIM_EVENT_TYPES.map((e) => `${e.id} (${e.title}, ${e.lengthInMinutes} min${e.team ? ', a team event type' : ''})`).join(', ') + '.',
      fields: [
        ['API key', sim.keys.valid],
        ['Base URL', sim.url],
        ['(an expired key)', sim.keys.expired],
      ],
      setFault: (fault) => sim.setFault(fault as CalcomFault),
      close: () => sim.close(),
    };
  }
  if (args.crm === 'lawruler') {
    const sim = await startLawRulerSimulator({ port: args.port, records: args.records });
    const c = LAWRULER_SIM_CREDENTIALS;
    return {
      title: `LawRuler simulator at ${sim.url} with ${args.records.toLocaleString('en-US')} leads`,
      screen: 'In the console: Settings → Integrations → LawRuler → Configuration, enter',
      then: 'then "Test connection".',
      fields: [
        ['Username', c.username],
        ['Password', c.password],
        ['Client Root', c.clientRoot],
        ['Client Secret', c.clientSecret],
        ['Key', c.key],
        ['Advanced: API base URL', sim.url],
      ],
      setFault: (fault) => sim.setFault(fault),
      close: () => sim.close(),
    };
  }
  const sim = await startSmartAdvocateSimulator({ port: args.port, records: args.records });
  return {
    title: `SmartAdvocate simulator at ${sim.host} with ${args.records.toLocaleString('en-US')} cases`,
    screen: 'In the console: Settings → Integrations → SmartAdvocate → Configuration, enter',
    then: 'then "Test connection".',
    fields: [
      ['Endpoint URL', sim.host],
      ['Username', sim.credentials.username],
      ['Password', sim.credentials.password],
      ['(or Advanced: API base URL)', sim.url],
    ],
    setFault: (fault) => sim.setFault(fault),
    close: () => sim.close(),
  };
}

async function main(argv: string[]): Promise<void> {
  const read = readSimArgs(argv);
  if (!read.ok) {
    console.error(`npm run sim: ${read.message}.\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { args } = read;
  let running: Running;
  try {
    running = await start(args);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `npm run sim: port ${args.port} on 127.0.0.1 is in use: pick another with --port, or --port 0 for a free one.` : `npm run sim: ${String(error)}`);
    process.exitCode = 1;
    return;
  }
  if (args.fault) running.setFault(FAULTS[args.fault]);
  const width = Math.max(...running.fields.map(([label]) => label.length));
  console.log(
    [
      running.title,
      ...(args.fault ? [`Playing the fault "${args.fault}" on every request it applies to.`] : []),
      '',
      `${running.screen}:`,
      ...running.fields.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
      '',
      `${running.then} Ctrl+C stops the simulator.`,
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void running.close().then(() => {
      console.log(`Simulator stopped (${signal}).`);
      process.exit(0);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

await main(process.argv.slice(2));
