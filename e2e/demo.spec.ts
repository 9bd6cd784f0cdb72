// Demo mode end to end: from an empty workspace's "no cases yet" to a seeded, living demo workspace, and back
// to empty with one wipe.
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
