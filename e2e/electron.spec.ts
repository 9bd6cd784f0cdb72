// The desktop app itself, through Playwright's Electron driver. It needs Electron's binary, which is downloaded
// from GitHub on install: where that could not happen the test skips itself (the headless-host specs still run).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinaryPath } from '../scripts/electron-binary.mjs';
import { INTEGRATION_IDS } from '../shared/domain/integrations';

const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));
const executablePath = electronBinaryPath();
const electronBinaryExists = executablePath !== undefined;

const SKIP_REASON = 'Electron binary not installed (cannot be downloaded on this machine): skipping the Electron-host test';
// The list reporter doesn't print skip reasons, so say it where the person running the tests will see it.
if (!electronBinaryExists) console.warn(`e2e/electron.spec.ts: ${SKIP_REASON}`);
test.skip(!electronBinaryExists, SKIP_REASON);

test('the Electron host opens its window on the four integration cards', async () => {
  const scratch = await mkdtemp(join(tmpdir(), 'kayse-electron-e2e-'));
  // A fresh database, and a user-data dir of its own so a console already open on this machine (single-instance
  // lock, window state, preferences) neither blocks nor leaks into the test.
  const app = await electron.launch({
    executablePath,
    args: [`--user-data-dir=${join(scratch, 'user-data')}`, APP_ROOT],
    cwd: APP_ROOT,
    env: { ...process.env, KAYSE_DATA_DIR: join(scratch, 'data') },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('app-ready')).toBeVisible();
    await expect(window).toHaveTitle(/Kayse Integrations Console$/);
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle())))
      .toEqual([expect.stringMatching(/Kayse Integrations Console$/)]);
    await expect(window.locator('[data-testid^="integration-card-"]')).toHaveCount(INTEGRATION_IDS.length);
    for (const id of INTEGRATION_IDS) await expect(window.getByTestId(`integration-card-${id}`)).toBeVisible();
  } finally {
    await app.close();
    await rm(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
});
