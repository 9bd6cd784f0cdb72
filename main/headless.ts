// Entry of the headless host: `node out/main/headless.js [--port N] [--host ADDR] [--data-dir DIR]`.
// Runs the same core as the desktop app, for servers and for machines where Electron can't start.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { StartupError } from './core';
import { demoRequested, startDemoAtLaunch } from './demo';
import { resolveIngestAddress, startIngestApi } from './ingest';
import { defaultDataDir, startHost } from './hosts';
import { isLoopback, startHeadlessServer, type HeadlessServer } from './hosts/headless';

const USAGE = `Usage: kayse-console-headless [--port N] [--host ADDRESS] [--data-dir DIR] [--ingest-port N] [--ingest-host ADDRESS] [--demo]
  --port       TCP port (env KAYSE_PORT, default 4780; 0 = any free port)
  --host       bind address (env KAYSE_HOST, default 127.0.0.1)
  --data-dir   database, logs and preferences (env KAYSE_DATA_DIR, default ${defaultDataDir()})
  --ingest-port  event ingest API port (env KAYSE_INGEST_PORT, default 4781; 0 = any free port)
  --ingest-host  event ingest API bind address (env KAYSE_INGEST_HOST, default 127.0.0.1)
  --demo       on a workspace without real data: seed demo data and post demo activity (env KAYSE_DEMO=1)
Env KAYSE_SECRET_SERVICE names the keychain service of its secrets (default kayse-integrations-console): tests
and a second console on one account keep their entries apart with it.`;

/** How long a failed start may take to end by itself before it is ended (see failed()). */
const LEFTOVER_GRACE_MS = 5_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      'ingest-port': { type: 'string' },
      'ingest-host': { type: 'string' },
      demo: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = process.env;
  const portText = values.port ?? env.KAYSE_PORT ?? '4780';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got "${portText}".\n${USAGE}`);
  const host = values.host ?? env.KAYSE_HOST ?? '127.0.0.1';
  const dataDir = values['data-dir'] ?? env.KAYSE_DATA_DIR ?? defaultDataDir();
  const rendererDir = values['renderer-dir'] ?? fileURLToPath(new URL('../renderer', import.meta.url));
  const ingestAddress = resolveIngestAddress({ port: values['ingest-port'], host: values['ingest-host'] }, env);

  const started = await startHost({
    dataDir,
    coreOptions: () => ({ host: 'headless', ...(env.KAYSE_SECRET_SERVICE ? { secretService: env.KAYSE_SECRET_SERVICE } : {}) }),
    warn: (message) => console.warn(message),
    start: async (core, opened) => {
      let server: HeadlessServer;
      try {
        server = await startHeadlessServer({ core, rendererDir, host, port });
      } catch (error) {
        if ((error as { code?: string }).code !== 'EADDRINUSE') throw error;
        throw new StartupError(`Port ${port} on ${host} is already in use (another console?). Pick another with --port (or --port 0 for any free one).`, error);
      }
      opened.add('console server', () => server.close());
      if (!isLoopback(host)) {
        console.warn(`WARNING: listening on ${host}, beyond this machine. Anyone who can reach it and has the token can use the console.`);
      }
      let ingest;
      try {
        ingest = await startIngestApi(core.ingest, ingestAddress, (message) => console.warn(message));
      } catch (error) {
        // Already a sentence saying what to do (ingest-address.ts); the core closes the ingest server.
        throw new StartupError(error instanceof Error ? error.message : String(error), error);
      }
      return { server, ingest };
    },
  });
  if (!started.ok) {
    failed(started.message);
    return;
  }
  const { core, value: { server, ingest } } = started;
  console.log(`Kayse Integrations Console (headless) is running.\n  Open: ${server.url}\n  Data: ${dataDir}\n  Logs: ${core.logDir}`);
  console.log(`  Ingest API: ${ingest.listening ? `${ingest.url}/v1/events` : 'not running (see the warning above)'}`);
  if (demoRequested(values.demo, env)) console.log(`  ${await startDemoAtLaunch(core.demo)}`);

  let stopping = false;
  const stop = async () => {
    // A second Ctrl+C while closing must not cut the database and log flush short.
    if (stopping) return;
    stopping = true;
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Reports a failed start and ends with exit code 1 once everything is closed (already done by startHost). */
function failed(message: string): void {
  console.error(`Kayse Integrations Console could not start: ${message}`);
  // Not process.exit(): the process ends on its own once nothing is left open, which is what start-up failures
  // must leave behind. Should something still hold it, say what and end anyway instead of hanging.
  process.exitCode = 1;
  setTimeout(() => {
    console.error(`Still running ${LEFTOVER_GRACE_MS} ms after the failed start (open: ${process.getActiveResourcesInfo().join(', ')}); exiting.`);
    process.exit(1);
  }, LEFTOVER_GRACE_MS).unref();
}

main().catch((error: unknown) => failed(error instanceof Error ? error.message : String(error)));
