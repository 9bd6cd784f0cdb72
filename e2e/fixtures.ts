// The `console` fixture: every test gets its own headless host, on a free port, over a fresh data dir.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

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
}

/** Without a Secret Service session the keychain can't work, so use the encrypted-file store with a throwaway key. */
function hostEnv(): NodeJS.ProcessEnv {
  if (process.env.DBUS_SESSION_BUS_ADDRESS) return process.env;
  return { ...process.env, KAYSE_SECRETS_KEY: randomBytes(32).toString('base64') };
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

export const test = base.extend<{ console: ConsoleHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
  console: async ({}, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kayse-e2e-'));
    let log = '';
    const child = spawn(process.execPath, [HEADLESS_ENTRY, '--port', '0', '--ingest-port', '0', '--data-dir', dataDir], {
      cwd: ROOT,
      env: hostEnv(),
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
      await use({ url, origin: parsed.origin, token, dataDir });
    } finally {
      await stop(child);
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('headless-host-output.txt', { body: log, contentType: 'text/plain' });
      }
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
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

/** The host's answer to one procedure: HTTP status and the typed Result body. */
export interface RpcAnswer<T> {
  status: number;
  body: { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
}

/** Calls `POST /rpc/<path>` with the bearer token (or with `token: null`, without any credentials). */
export async function rpc<T = unknown>(
  request: APIRequestContext,
  host: ConsoleHost,
  path: string,
  input: unknown = null,
  { token = host.token }: { token?: string | null } = {},
): Promise<RpcAnswer<T>> {
  const response = await request.post(`${host.origin}/rpc/${path}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    data: input,
  });
  return { status: response.status(), body: (await response.json()) as RpcAnswer<T>['body'] };
}

/** Like `rpc`, but expects success and returns the value. */
export async function rpcValue<T>(request: APIRequestContext, host: ConsoleHost, path: string, input: unknown = null): Promise<T> {
  const { status, body } = await rpc<T>(request, host, path, input);
  if (!body.ok) throw new Error(`${path} failed with HTTP ${status}: ${body.error.code} ${body.error.message}`);
  return body.value;
}
