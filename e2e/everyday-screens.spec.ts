// Everyday screens in their first-use states (issue 17): the empty delivery inspector (its way to a first webhook,
// no replay or export of nothing), a failed test send in plain words, "Webhook created" said on the page, clear of the
// signing secret, the shown-once API key asking before Esc loses it, and the export panel leaving with its kind.
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import type { Page, TestInfo } from '@playwright/test';
import { expect, openConsole, screenshot, test } from './fixtures';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
] as const;

/** Screenshots of the current screen at both sizes the issue names. */
async function atBothSizes(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, testInfo, `${screen}-${size.width}x${size.height}`);
  }
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test.describe('everyday screens', () => {
  test('the empty inspector links to a new webhook and offers no replay or export; a refused test send reads in plain words', async ({ page, console: kayse }, testInfo) => {
    await openConsole(page, kayse, '/webhooks/deliveries');
    await expect(page.getByTestId('deliveries-empty')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Replay failed…' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Export filtered' })).toBeDisabled();
    const create = page.getByTestId('deliveries-create-webhook');
    await expect(create).toHaveText('Create a webhook');
    await expect(create).toHaveAttribute('href', '#/settings/integrations/webhooks/new');
    await atBothSizes(page, testInfo, 'deliveries-empty');

    // A receiver that isn't running: the test send fails, and says so before the Node error.
    const port = await closedPort();
    await kayse.api.webhooks.updateSettings({ allowlist: ['127.0.0.1/32'] });
    await create.click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Receiver not running');
    await page.getByRole('textbox', { name: 'Destination URL', exact: true }).fill(`https://127.0.0.1:${port}/kayse`);
    await page.getByRole('button', { name: 'Save and send a test' }).click();

    // "Webhook created" is said on the page, in the flow, never over the signing secret the user needs next.
    const created = page.getByTestId('webhook-created');
    await expect(created).toContainText('Webhook created');
    await expect(page.locator('.mantine-Notification-root', { hasText: 'Webhook created' })).toHaveCount(0);
    const secret = page.getByTestId('signing-secret-card');
    await expect(secret).toBeVisible();
    expect(overlaps((await created.boundingBox())!, (await secret.boundingBox())!)).toBe(false);

    const result = page.getByTestId('test-result');
    await expect(result).toHaveAttribute('data-ok', 'false');
    const error = result.getByTestId('test-result-error');
    await expect(error).toContainText('Could not connect');
    await expect(error.getByTestId('attempt-error-plain')).toHaveText(
      `The receiver refused the connection: nothing is listening at 127.0.0.1:${port}, or a firewall turned the request away. Check that the receiver is running and that the URL's port is right.`,
    );
    await expect(error.getByTestId('attempt-error-detail')).toContainText(`ECONNREFUSED 127.0.0.1:${port}`);
    await expect(error).not.toContainText(/^connect/);
    await atBothSizes(page, testInfo, 'webhook-test-refused');

    // With a delivery in the log, export is offered; its attempt reads the same way.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('link', { name: 'See it in Recent deliveries' }).click();
    await expect(page.getByRole('button', { name: 'Export filtered' })).toBeEnabled();
    await page.getByTestId('delivery-row').first().click();
    await expect(page.getByTestId('attempt-error').getByTestId('attempt-error-plain')).toContainText('The receiver refused the connection');
    await atBothSizes(page, testInfo, 'delivery-attempt-refused');
  });

  test('the shown-once API key asks before Esc closes it', async ({ page, console: kayse }, testInfo) => {
    await openConsole(page, kayse, '/settings/ingest');
    await page.getByRole('button', { name: 'New key' }).click();
    const form = page.getByRole('dialog', { name: 'New ingest API key' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Esc check');
    await form.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('dialog', { name: 'Your new API key' });
    await expect(shown.getByTestId('new-key-value')).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(shown).toBeVisible();
    await expect(shown.getByTestId('close-key-confirm')).toContainText("Once this window closes, the key can't be shown again.");
    await atBothSizes(page, testInfo, 'api-key-close-confirm');
    await shown.getByRole('button', { name: 'Keep it open' }).click();
    await expect(shown.getByTestId('close-key-confirm')).toBeHidden();
    await expect(shown.getByTestId('new-key-value')).toBeVisible();

    await page.keyboard.press('Escape');
    await shown.getByRole('button', { name: 'Close anyway' }).click();
    await expect(shown).toBeHidden();
    expect((await kayse.api.ingestKeys.list()).some((k) => k.name === 'Esc check')).toBe(true);
  });

  test('the finished export panel goes when another kind of record is chosen', async ({ page, console: kayse }, testInfo) => {
    await openConsole(page, kayse, '/export');
    await page.getByRole('button', { name: 'Export cases' }).click();
    await expect(page.getByTestId('export-done')).toBeVisible();
    await page.getByRole('main').getByText('Events', { exact: true }).click();
    await expect(page.getByRole('radio', { name: 'Events' })).toBeChecked();
    await expect(page.getByTestId('export-done')).toBeHidden();
    await expect(page.getByRole('region', { name: 'Export progress' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Export events' })).toBeVisible();
    await atBothSizes(page, testInfo, 'export-switched-to-events');
  });
});
