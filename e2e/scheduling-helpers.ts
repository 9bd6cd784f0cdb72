// What the Scheduling and Agent Builder specs share: screenshots from the top, the keychain check and the 1024 px
// fit (the same habits as crm-config.spec.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { KeychainSecretStore } from '../main/secrets';
import { expect, screenshot as fullPageScreenshot, type ConsoleHost } from './fixtures';

/** A full-page screenshot from the top (a scrolled page would paint the fixed header over the middle). */
export async function screenshot(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await fullPageScreenshot(page, testInfo, screen);
}

/**
 * Whether the host's secret store holds `account` (with `value`, when given): the OS keychain in a D-Bus session,
 * else the host's encrypted file (which names its accounts in clear; its values are sealed, so only presence).
 */
export async function secretStored(host: ConsoleHost, account: string, value?: string): Promise<boolean> {
  if (process.env.DBUS_SESSION_BUS_ADDRESS) {
    const stored = await new KeychainSecretStore(host.secretService).get(account);
    return value === undefined ? stored !== null : stored === value;
  }
  const text = await readFile(join(host.dataDir, 'secrets.enc.json'), 'utf8').catch(() => '{"entries":{}}');
  return Object.hasOwn((JSON.parse(text) as { entries: Record<string, unknown> }).entries, account);
}

/** The page fits a 1024 px window (nothing sticks out sideways); the viewport is put back to 1280 × 800 after. */
export async function expectFitsNarrowWindow(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 700 });
  const widths = (await page.evaluate('({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth })')) as { page: number; view: number };
  expect(widths.page, `the page is ${widths.page} px wide in a ${widths.view} px window`).toBeLessThanOrEqual(widths.view);
  await page.setViewportSize({ width: 1280, height: 800 });
}
