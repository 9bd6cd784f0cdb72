// The CRM Configuration tab in Chromium through the headless host, against the LawRuler and SmartAdvocate
// simulators started by each test on loopback: connect LawRuler from its card (Test connection all green, the card
// Connected), a wrong password (the failed check and what to do), SmartAdvocate whose field list fails on Refresh
// (what failed, beside the last good catalog), and Disconnect (Not connected, the keychain entries gone).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { startLawRulerSimulator } from '../main/connectors/lawruler/simulator';
import { startSmartAdvocateSimulator, type SmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';
import { KeychainSecretStore } from '../main/secrets';
import { expect, openConsole, screenshot as fullPageScreenshot, test, type ConsoleHost } from './fixtures';


const INTEGRATIONS = '/settings/integrations';

/** A full-page screenshot from the top (a scrolled page would paint the fixed header over the middle). */
async function screenshot(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await fullPageScreenshot(page, testInfo, screen);
}

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const secretField = (page: Page, name: string) => page.getByLabel(name, { exact: true });

/**
 * Whether the host's secret store holds `account` (with `value`, when given): the OS keychain in a D-Bus session,
 * else the host's encrypted file (which names its accounts in clear; its values are sealed, so only presence).
 */
async function secretStored(host: ConsoleHost, account: string, value?: string): Promise<boolean> {
  if (process.env.DBUS_SESSION_BUS_ADDRESS) {
    const stored = await new KeychainSecretStore(host.secretService).get(account);
    return value === undefined ? stored !== null : stored === value;
  }
  const text = await readFile(join(host.dataDir, 'secrets.enc.json'), 'utf8').catch(() => '{"entries":{}}');
  return Object.hasOwn((JSON.parse(text) as { entries: Record<string, unknown> }).entries, account);
}

/** The page fits 1024 px: nothing sticks out sideways. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 700 });
  // A string: e2e code is typed for Node, without the DOM's names.
  const widths = (await page.evaluate('({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth })')) as { page: number; view: number };
  expect(widths.page, `the page is ${widths.page} px wide in a ${widths.view} px window`).toBeLessThanOrEqual(widths.view);
}

async function openFromCard(page: Page, host: ConsoleHost, crm: 'lawruler' | 'smartadvocate', name: string): Promise<void> {
  await openConsole(page, host, INTEGRATIONS);
  const card = page.getByTestId(`integration-card-${crm}`);
  await expect(card.getByTestId('integration-status')).toHaveText('Not connected');
  await card.getByRole('link', { name: `Open ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`#${INTEGRATIONS}/${crm}$`));
  await expect(page.getByTestId('crm-state')).toHaveAttribute('data-state', 'not_connected');
  await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
}

async function fillSmartAdvocate(page: Page, sim: SmartAdvocateSimulator): Promise<void> {
  // Pasted with the API's path: the core keeps the host and the tab says what it removed.
  await field(page, 'Endpoint URL').fill(`${sim.host}/CaseSyncAPI`);
  await field(page, 'Username').fill(sim.credentials.username);
  await secretField(page, 'Password').fill(sim.credentials.password);
}

test.describe('CRM configuration', () => {
  test('connect LawRuler from its card: every check passes, secrets show as saved, the card says Connected', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startLawRulerSimulator({ records: 3 }));
    const creds = sim.credentials;
    await openFromCard(page, kayse, 'lawruler', 'LawRuler');
    await expect(page.getByRole('tab')).toHaveCount(5);
    await expect(page.getByTestId('catalog-none')).toHaveText('Loaded from LawRuler once connected.');

    await field(page, 'Username').fill(creds.username);
    await secretField(page, 'Password').fill(creds.password);
    await field(page, 'Client Root').fill(creds.clientRoot);
    await secretField(page, 'Client Secret').fill(creds.clientSecret);
    await secretField(page, 'Key').fill(creds.key);
    await page.getByRole('button', { name: 'Advanced' }).click();
    await field(page, 'API base URL').fill(sim.url);
    await screenshot(page, testInfo, 'crm-lawruler-form');

    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const result = page.getByTestId('connection-test');
    await expect(result).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
    const checks = result.getByTestId('connection-check');
    await expect(checks).toHaveCount(3);
    for (const check of await checks.all()) await expect(check).toHaveAttribute('data-ok', 'true');
    await expect(checks.first()).toContainText('Signed in');
    await expect(checks.first()).toContainText(`as ${creds.username}`);

    const state = page.getByTestId('crm-state');
    await expect(state).toHaveAttribute('data-state', 'connected');
    await expect(state.getByTestId('integration-status')).toHaveText('Connected');
    await expect(state.getByTestId('integration-status-detail')).toHaveText(`as ${creds.username}`);
    // Secrets are never shown back: empty fields marked Saved, the button now saves and tests.
    await expect(secretField(page, 'Password')).toHaveValue('');
    await expect(page.getByTestId('crm-credentials').getByTestId('secret-saved')).toHaveCount(3);
    await expect(page.getByRole('button', { name: 'Save and test' })).toBeVisible();
    await expect(page.getByTestId('catalog-count-case-types')).not.toContainText(/^0/);
    await expect(page.getByTestId('catalog-case-type').first()).toBeVisible();
    await expect(page.getByTestId('toggle-enabled')).toBeChecked();
    await expect(page.getByTestId('toggle-syncStatuses')).not.toBeChecked();
    expect(await secretStored(kayse, 'crm.lawruler.password', creds.password)).toBe(true);
    await screenshot(page, testInfo, 'crm-lawruler-connected');

    // Test connection again with the saved credentials: a fresh result, all green.
    const served = sim.requests().length;
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(result).toHaveAttribute('data-state', 'ok');
    expect(sim.requests().length).toBeGreaterThan(served);

    await expectNoHorizontalOverflow(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('link', { name: 'Back to integrations' }).click();
    const card = page.getByTestId('integration-card-lawruler');
    await expect(card.getByTestId('integration-status')).toHaveText('Connected');
    await expect(card.getByTestId('integration-status-detail')).toContainText(`as ${creds.username}`);
    await screenshot(page, testInfo, 'crm-cards-lawruler-connected');
  });

  test('a wrong password: the check that failed says what to do, and nothing is saved', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startLawRulerSimulator());
    const creds = sim.credentials;
    await openFromCard(page, kayse, 'lawruler', 'LawRuler');
    await field(page, 'Username').fill(creds.username);
    await secretField(page, 'Password').fill('not-the-password');
    await field(page, 'Client Root').fill(creds.clientRoot);
    await secretField(page, 'Client Secret').fill(creds.clientSecret);
    await secretField(page, 'Key').fill(creds.key);
    await page.getByRole('button', { name: 'Advanced' }).click();
    await field(page, 'API base URL').fill(sim.url);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();

    const result = page.getByTestId('connection-test');
    await expect(result).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
    const signIn = result.getByTestId('connection-check').filter({ hasText: 'Signed in' });
    await expect(signIn).toHaveAttribute('data-ok', 'false');
    await expect(signIn.getByTestId('check-fix')).toContainText('What to do:');
    await expect(signIn.getByTestId('check-fix')).toContainText(/Check the Username, Password/);
    await expect(page.getByTestId('crm-state')).toHaveAttribute('data-state', 'not_connected');
    // What was typed stays, so the user corrects the password and tries again.
    await expect(field(page, 'Client Root')).toHaveValue(creds.clientRoot);
    expect(await secretStored(kayse, 'crm.lawruler.password', 'not-the-password')).toBe(false);
    expect((await kayse.api.crm.connection({ crm: 'lawruler' })).savedSecrets).toEqual([]);
    await screenshot(page, testInfo, 'crm-lawruler-wrong-password');

    await secretField(page, 'Password').fill(creds.password);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(result).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
    await expect(page.getByTestId('crm-state')).toHaveAttribute('data-state', 'connected');
  });

  test('SmartAdvocate whose field list fails on Refresh: the tab says what failed and keeps the last good catalog', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startSmartAdvocateSimulator());
    await openFromCard(page, kayse, 'smartadvocate', 'SmartAdvocate');
    await fillSmartAdvocate(page, sim);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByTestId('connection-test')).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
    await expect(page.getByTestId('crm-state')).toHaveAttribute('data-state', 'connected');
    await expect(field(page, 'Endpoint URL')).toHaveValue(sim.host);
    await expect(page.getByTestId('normalised-notice')).toContainText('/CaseSyncAPI');

    const catalog = page.getByTestId('crm-catalog');
    const caseTypes = catalog.getByTestId('catalog-count-case-types');
    await expect(caseTypes).not.toContainText(/^0/);
    const goodCounts = (await catalog.getByTestId('catalog-count-fields').textContent()) ?? '';
    await expect(catalog.getByTestId('catalog-count-substatus-types')).toBeVisible();

    sim.setFault({ kind: 'catalog_fails' });
    await catalog.getByRole('button', { name: 'Refresh' }).click();
    const failure = catalog.getByTestId('catalog-failure');
    await expect(failure).toBeVisible({ timeout: 20_000 });
    await expect(failure).toContainText("Couldn't load");
    await expect(failure.getByTestId('catalog-failure-fix')).toContainText('What to do:');
    await expect(failure.getByTestId('catalog-failure-fallback')).toContainText('The list below is the last catalog that loaded');
    // The last good catalog is still there, with its counts.
    await expect(catalog.getByTestId('catalog-count-fields')).toHaveText(goodCounts);
    await expect(catalog.getByTestId('catalog-case-type').first()).toBeVisible();
    await screenshot(page, testInfo, 'crm-smartadvocate-catalog-failed');
    await expectNoHorizontalOverflow(page);

    sim.setFault(null);
    await page.setViewportSize({ width: 1280, height: 800 });
    await catalog.getByRole('button', { name: 'Refresh' }).click();
    await expect(failure).toBeHidden({ timeout: 20_000 });
  });

  test('Disconnect: Not connected, and the credentials leave the keychain', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startSmartAdvocateSimulator());
    const connected = await kayse.api.crm.connect({ crm: 'smartadvocate', endpointUrl: sim.host, username: sim.credentials.username, password: sim.credentials.password });
    expect(connected.ok, JSON.stringify(connected.checks)).toBe(true);
    expect(await secretStored(kayse, 'crm.smartadvocate.password', sim.credentials.password)).toBe(true);

    await openConsole(page, kayse, `${INTEGRATIONS}/smartadvocate`);
    await expect(page.getByTestId('crm-state')).toHaveAttribute('data-state', 'connected');
    await page.getByRole('button', { name: 'Disconnect' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disconnect SmartAdvocate?' });
    await expect(dialog).toContainText('removes its credentials');
    await expect(dialog).toContainText('Mappings, the loaded fields and statuses, and the sync history are kept');
    await screenshot(page, testInfo, 'crm-smartadvocate-disconnect-confirm');
    await dialog.getByRole('button', { name: 'Disconnect' }).click();

    await expect(page.getByTestId('crm-state')).toHaveAttribute('data-state', 'not_connected');
    await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
    await expect(page.getByTestId('crm-credentials').getByTestId('secret-saved')).toHaveCount(0);
    expect(await secretStored(kayse, 'crm.smartadvocate.password')).toBe(false);
    expect((await kayse.api.crm.connection({ crm: 'smartadvocate' })).savedSecrets).toEqual([]);
    await screenshot(page, testInfo, 'crm-smartadvocate-disconnected');

    await page.getByRole('link', { name: 'Back to integrations' }).click();
    await expect(page.getByTestId('integration-card-smartadvocate').getByTestId('integration-status')).toHaveText('Not connected');
  });

  test("LawRuler's toggles, a field sheet checked row by row, and the status-change webhook's secret shown once", async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startLawRulerSimulator());
    const connected = await kayse.api.crm.connect({ crm: 'lawruler', ...sim.credentials, apiBaseUrl: sim.url });
    expect(connected.ok, JSON.stringify(connected.checks)).toBe(true);
    await openConsole(page, kayse, `${INTEGRATIONS}/lawruler`);

    // Send off: its parts can't be changed; Enable off: Paused, on the tab and the card source.
    await page.getByTestId('toggle-send').click();
    await expect(page.getByTestId('toggle-sendFields')).toBeDisabled();
    await page.getByTestId('toggle-enabled').click();
    await expect(page.getByTestId('crm-state')).toHaveAttribute('data-state', 'paused');
    await expect(page.getByTestId('crm-paused')).toBeVisible();
    expect((await kayse.api.crm.connection({ crm: 'lawruler' })).toggles).toMatchObject({ enabled: false, send: false, sendFields: true });
    await page.getByTestId('toggle-enabled').click();
    await expect(page.getByTestId('crm-state')).toHaveAttribute('data-state', 'connected');

    const sheets = page.getByTestId('crm-field-sheets');
    await sheets.getByText('The CSV format').click();
    await expect(sheets.getByTestId('field-sheet-format')).toContainText('Kind,ID,Name,Type,Options');
    await sheets.getByRole('textbox', { name: 'Case type id', exact: true }).fill('7');
    await sheets.getByRole('textbox', { name: 'Case type name', exact: true }).fill('Hair Relaxer');
    const choose = async (name: string, csv: string) => {
      const chooser = page.waitForEvent('filechooser');
      await sheets.getByRole('button', { name: /Field sheet \(CSV\)/ }).click();
      await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    };
    await choose('bad.csv', 'Kind,ID,Name,Type,Options\nfield,Custom2001,Diagnosis date,date,\nfield,Custom2002,Product used,single select,\nstatus,abc,Signed,,\n');
    await sheets.getByRole('button', { name: 'Import sheet' }).click();
    const issues = sheets.getByTestId('field-sheet-issues');
    await expect(issues.getByRole('row')).toHaveCount(3);
    await expect(issues).toContainText('Options is empty');
    await expect(sheets.getByTestId('field-sheets-none')).toBeVisible();
    await screenshot(page, testInfo, 'crm-lawruler-field-sheet-issues');

    await choose('good.csv', 'Kind,ID,Name,Type,Options\nfield,Custom2001,Diagnosis date,date,\nfield,Custom2002,Product used,single select,Brand A|Brand B\nstatus,71,Signed,,\n');
    await sheets.getByRole('button', { name: 'Import sheet' }).click();
    const table = sheets.getByTestId('field-sheets');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('Hair Relaxer');
    await expect(issues).toBeHidden();

    const webhook = page.getByTestId('crm-inbound-webhook');
    await expect(webhook.getByTestId('inbound-url')).toHaveValue(/\/v1\/crm\/lawruler\/webhook$/);
    await webhook.getByRole('button', { name: 'Generate secret' }).click();
    const secret = webhook.getByTestId('inbound-secret-value');
    await expect(secret).toHaveValue(/.{16,}/);
    const first = await secret.inputValue();
    await expect(webhook.getByTestId('inbound-steps').getByRole('listitem')).not.toHaveCount(0);
    await screenshot(page, testInfo, 'crm-lawruler-webhook-secret');
    await webhook.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog', { name: 'Rotate the webhook secret?' }).getByRole('button', { name: 'Rotate secret' }).click();
    await expect(secret).not.toHaveValue(first);

    await table.getByRole('button', { name: 'Remove the field sheet of Hair Relaxer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(sheets.getByTestId('field-sheets-none')).toBeVisible();
  });
});
