// Demo mode end to end: from an empty workspace's "no cases yet" to a seeded, living demo workspace, and back
// to empty with one wipe; with real data present, the demo card keeps its status and Wipe, and the demo webhook's
// deliveries fill the inspector.
import type { Page } from '@playwright/test';
import { expect, openConsole, screenshot, test } from './fixtures';

test('demo data: offered on an empty workspace, seeded with live activity, marked Demo, and wiped in one action', async ({ page, console: kayse }, testInfo) => {
  await openConsole(page, kayse, '/cases');
  await page.getByTestId('records-empty').getByRole('link', { name: 'Explore with demo data' }).click();
  await expect(page).toHaveURL(/#\/settings\/integrations$/);

  await page.getByTestId('demo-start').click();
  await expect(page.getByTestId('demo-state')).toContainText('Demo data is running', { timeout: 30_000 });
  const seeded = await kayse.api.workspace.summary();
  expect(seeded.cases).toBeGreaterThanOrEqual(3000);
  expect(seeded.clients).toBeGreaterThanOrEqual(3000);
  // The generator posts through the real ingest API: events arrive and are demo data.
  await expect
    .poll(async () => (await kayse.api.events.list({ limit: 1 })).total, { timeout: 20_000 })
    .toBeGreaterThan(0);
  await screenshot(page, testInfo, 'demo-running');

  await page.getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Demo' }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Integrations' }).click();
  await page.getByRole('button', { name: 'Wipe demo data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Wipe demo data' }).click();
  await expect(page.getByTestId('demo-start')).toBeVisible({ timeout: 30_000 });
  const wiped = await kayse.api.workspace.summary();
  expect(wiped).toMatchObject({ cases: 0, clients: 0, demoRecords: 0 });
  expect((await kayse.api.events.list({ limit: 1 })).total).toBe(0);
});

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
] as const;
const deliveryRows = (page: Page) => page.getByTestId('delivery-row');

test("demo data with real data present: the card stays with the demo's status and Wipe, and the demo webhook's deliveries show in the inspector", async ({ page, console: kayse }, testInfo) => {
  const started = await kayse.api.demo.start({ ratePerMinute: 600 });
  expect(started.receiver?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  const [hook] = await kayse.api.webhooks.list({});
  expect(hook).toMatchObject({ name: 'Demo receiver', isDemo: true, receivesDemo: true });
  await expect.poll(async () => (await kayse.api.demo.status()).receiver?.received ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);

  // The delivery inspector has real deliveries to show: the demo webhook's, answered 200 by the console's receiver.
  await openConsole(page, kayse, `/webhooks/deliveries?webhookId=${hook!.id}`);
  await expect(deliveryRows(page).first()).toBeVisible({ timeout: 20_000 });
  await expect(deliveryRows(page).first().getByTestId('http-status')).toHaveText('200');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, testInfo, `demo-deliveries-${size.width}x${size.height}`);
  }
  await openConsole(page, kayse, '/settings/integrations/webhooks');
  await expect(page.getByTestId('webhook-demo-badge')).toHaveText('Demo');
  await screenshot(page, testInfo, 'demo-webhook-list-1280x800');
  // A webhook the firm makes takes no demo data unless it opts in.
  await openConsole(page, kayse, '/settings/integrations/webhooks/new');
  await expect(page.getByRole('switch', { name: 'Receive demo data' })).not.toBeChecked();
  await screenshot(page, testInfo, 'new-webhook-form-1280x800');

  // Real data arrives: the generator stops and says so, and the card keeps status and Wipe on Integrations.
  await kayse.api.caseTypes.create({ name: 'Auto Accident', statuses: ['New'] });
  await expect.poll(async () => (await kayse.api.demo.status()).generator.running, { timeout: 10_000 }).toBe(false);
  await openConsole(page, kayse, '/settings/integrations');
  await expect(page.getByTestId('demo-stopped-because')).toContainText('real records arrived');
  await expect(page.getByTestId('demo-state')).toContainText('Demo activity is stopped');
  await expect(page.getByRole('button', { name: 'Start again' })).toBeDisabled();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, testInfo, `demo-with-real-data-${size.width}x${size.height}`);
  }
  await page.getByRole('button', { name: 'Wipe demo data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Wipe demo data' }).click();
  // Only real data is left: no demo card, no demo webhook.
  await expect(page.getByTestId('demo-offer')).toHaveCount(0, { timeout: 30_000 });
  expect(await kayse.api.webhooks.list({})).toEqual([]);
  expect(await kayse.api.workspace.summary()).toMatchObject({ caseTypes: 1, cases: 0, demoRecords: 0 });
});
