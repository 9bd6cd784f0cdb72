// The `console` fixture: every test gets its own headless host, on a free port, over a fresh data dir, with the
// contract as `api` over its HTTP routes. The `cleanup` fixture closes what a test opened beside it (receivers).
import { spawn, type ChildProcess } from 'node:child_process';
import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import { HEADLESS_NODE_FLAGS } from '../scripts/node-flags.mjs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type Page, type TestInfo } from '@playwright/test';
import { httpApi, type HttpApi } from '../main/test-support/api';
import { createCleanup, type Cleanup } from '../main/test-support/cleanup';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HEADLESS_ENTRY = join(ROOT, 'out/main/headless.js');
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;
const OPEN_LINE = /^\s*Open: (http:\/\/\S+)\s*$/m;

/** One running headless host, as a test sees it. */
export interface ConsoleHost {
  /** The URL the host printed: carries the token, traded for a cookie on first load. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** The keychain service this host keeps its secrets under (KAYSE_SECRET_SERVICE). */
  secretService: string;
  /** The contract over this host's /rpc routes with its token: `api.ns.proc(input)`, `api.raw.ns.proc(input)`. */
  api: HttpApi;
  /** Stops the host mid-test (SIGTERM, then SIGKILL), e.g. to see the console notice it is gone. */
  stop: () => Promise<void>;
}

/**
 * Each host keeps its secrets under its own keychain service, so tests running side by side never meet each
 * other's entries (nor a real install's). Without a Secret Service session the keychain can't work, so the
 * encrypted-file store is used with a throwaway key.
 */
function hostEnv(secretService: string): NodeJS.ProcessEnv {
  const env = { ...process.env, KAYSE_SECRET_SERVICE: secretService };
  if (process.env.DBUS_SESSION_BUS_ADDRESS) return env;
  return { ...env, KAYSE_SECRETS_KEY: randomBytes(32).toString('base64') };
}

function withChanges(env: NodeJS.ProcessEnv, changes: Record<string, string | null>): NodeJS.ProcessEnv {
  const changed = { ...env };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete changed[name];
    else changed[name] = value;
  }
  return changed;
}

/** Deletes whatever a host left under its keychain service (nothing to do with the encrypted-file store). */
async function forgetSecrets(service: string): Promise<void> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return;
  for (const { account } of await findCredentialsAsync(service)) await new AsyncEntry(service, account).deletePassword();
}

/** Resolves with the printed URL, or rejects with everything the host said if it exits or stays silent. */
function waitForOpenUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = OPEN_LINE.exec(output());
      if (match) finish(() => resolve(match[1]!));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(() => reject(new Error(`The headless host exited (code ${code}, signal ${signal}) before printing its URL:\n${output()}`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`The headless host printed no "Open:" line within ${START_TIMEOUT_MS} ms:\n${output()}`))),
      START_TIMEOUT_MS,
    );
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      settle();
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

const exited = (child: ChildProcess, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });

/** SIGTERM lets the host close its database cleanly; SIGKILL if it doesn't within a few seconds. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await exited(child, STOP_TIMEOUT_MS)) return;
  child.kill('SIGKILL');
  await exited(child, STOP_TIMEOUT_MS);
}

export const test = base.extend<{ console: ConsoleHost; cleanup: Cleanup; consoleEnv: Record<string, string | null> }>({
  /** Environment changes for the host of a spec (`test.use({ consoleEnv })`); null removes a variable. */
  consoleEnv: [{}, { option: true }],
  console: async ({ consoleEnv }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kayse-e2e-'));
    const secretService = `kayse-e2e-${randomBytes(6).toString('hex')}`;
    let log = '';
    const child = spawn(process.execPath, [...HEADLESS_NODE_FLAGS, HEADLESS_ENTRY, '--port', '0', '--ingest-port', '0', '--data-dir', dataDir], {
      cwd: ROOT,
      env: withChanges(hostEnv(secretService), consoleEnv),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Keep draining both pipes for the whole test so a chatty host never blocks on a full pipe.
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    try {
      const url = await waitForOpenUrl(child, () => log);
      const parsed = new URL(url);
      const token = parsed.searchParams.get('token');
      if (!token) throw new Error(`The host's URL carries no token: ${url}`);
      await use({ url, origin: parsed.origin, token, dataDir, secretService, api: httpApi(parsed.origin, token), stop: () => stop(child) });
    } finally {
      await stop(child);
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('headless-host-output.txt', { body: log, contentType: 'text/plain' });
      }
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
      await forgetSecrets(secretService);
    }
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
  cleanup: async ({}, use) => {
    const cleanup = createCleanup();
    try {
      await use(cleanup);
    } finally {
      await cleanup.run();
    }
  },
});

export { expect };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Opens the console in `page` through its token URL (which sets the session cookie), at `route` of the hash
 * router if given, and waits until a route has rendered.
 */
export async function openConsole(page: Page, host: ConsoleHost, route?: string): Promise<void> {
  // The fragment survives the host's 303 from /?token=… to /.
  await page.goto(route ? `${host.url}#${route}` : host.url);
  // The token has left the address bar: it was traded for the cookie.
  await expect(page).toHaveURL(route ? `${host.origin}/#${route}` : new RegExp(`^${escapeRegExp(host.origin)}/(#.*)?$`));
  await expect(page.getByTestId('app-ready')).toBeVisible();
}

/** A full-page screenshot in the test's output folder (test-results/<test>/<screen>.png). */
export async function screenshot(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${screen}.png`), fullPage: true });
}
