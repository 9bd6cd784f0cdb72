// Everyday use in Chromium through the headless host: dates follow the company's timezone (changing it changes the
// dates on screen), the header names the company, the main tables fit a 1024×700 window with their key columns and
// the navbar folds behind a burger, and the live badge says so when the host stops.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, openConsole, screenshot, test, type ConsoleHost } from './fixtures';
import { startWebhookReceiver } from './webhook-receiver';

// Hosts started by this file take any free ingest port: the default one may be held by a host running in parallel.
process.env.KAYSE_INGEST_PORT = '0';

const FIRM = 'Smith & Jones Injury Law';
const OCCURRED = '2026-11-26T20:00:00Z';
const SMALL = { width: 1024, height: 700 };
const USUAL = { width: 1280, height: 800 };

async function postEvents(request: APIRequestContext, host: ConsoleHost, events: unknown[]): Promise<void> {
  const status = await host.api.ingest.status();
  expect(status.listening, `the ingest API is not listening: ${status.error}`).toBe(true);
  const { apiKey } = await host.api.ingestKeys.create({ name: 'e2e everyday', rateLimitPerMinute: 1_000_000 });
  const response = await request.post(`${status.url}/v1/events`, { headers: { 'x-api-key': apiKey }, data: { events } });
  expect(response.status(), await response.text()).toBe(202);
}

const taskCompleted = (i: number) => ({
  type: 'task_completed',
  occurred_at: OCCURRED,
  data: { task_id: `task_${i}`, title: 'Was a police report filed?', task_type: 'question', answer: 'yes', completed_at: OCCURRED },
});

/** Whether the table's scroll box is wider inside than outside (it scrolls sideways). */
const overflows = (page: Page, testId: string) =>
  page.getByTestId(testId).first().evaluate((el) => el.scrollWidth > el.clientWidth + 1);

/** The header cells' names, in order (as written: CSS shows them in capitals). */
const headers = (page: Page) => page.getByRole('columnheader').allTextContents();

test.describe('everyday use', () => {
  test('dates follow the company timezone, and the header names the company', async ({ page, request, console: kayse }, testInfo) => {
    await kayse.api.company.update({ name: FIRM, timezone: 'America/Chicago' });
    await postEvents(request, kayse, [taskCompleted(1)]);

    await openConsole(page, kayse, '/events');
    await expect(page.getByTestId('header-company')).toContainText(FIRM);
    await page.getByTestId('record-row').first().click();
    const drawer = page.getByTestId('event-drawer');
    // 20:00 UTC is 2 PM in Chicago (standard time in November), named as CST.
    await expect(drawer).toContainText('Thu, Nov 26, 2026, 2:00:00 PM CST');
    await screenshot(page, testInfo, 'event-drawer-chicago-1280');

    // Another timezone, saved elsewhere: the open drawer follows without a reload.
    await kayse.api.company.update({ name: FIRM, timezone: 'Asia/Tokyo' });
    await expect(drawer).toContainText('Fri, Nov 27, 2026, 5:00:00 AM GMT+9');
    await expect(drawer).not.toContainText('CST');

    // "Last saved" reads in the same format and zone.
    await page.keyboard.press('Escape');
    await page.goto(`${kayse.origin}/#/settings/company`);
    await expect(page.getByText(/^Last saved [A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2} [AP]M GMT\+9$/)).toBeVisible();
    await screenshot(page, testInfo, 'company-tokyo-1280');

    // The deliveries chart labels its hours in the same zone, and says which.
    await page.goto(`${kayse.origin}/#/webhooks/deliveries`);
    await expect(page.getByTestId('hourly-zone')).toHaveText('GMT+9');
  });

  test('the main tables fit 1024×700 with their key columns, and the navbar folds behind a burger', async ({ page, request, console: kayse, cleanup }, testInfo) => {
    await kayse.api.company.update({ name: FIRM, timezone: 'America/New_York' });
    await kayse.api.demo.start({ seed: true, ratePerMinute: 1 });
    await expect.poll(async () => (await kayse.api.demo.status()).seeded, { timeout: 30_000 }).toBe(true);
    await kayse.api.demo.stop();
    const receiver = await startWebhookReceiver(kayse, cleanup);
    await kayse.api.webhooks.create({ name: 'Intake CRM', url: receiver.url });
    await postEvents(request, kayse, [taskCompleted(1), taskCompleted(2), taskCompleted(3)]);
    await expect.poll(async () => (await kayse.api.deliveries.list({ limit: 10 })).rows.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);

    const screens = [
      { route: '/cases', scroller: 'record-table-scroller', key: ['Case #', 'Name', 'Status', 'Client', 'Updated'], shot: 'cases' },
      { route: '/clients', scroller: 'record-table-scroller', key: ['Name', 'Phone', 'Email', 'Updated'], shot: 'clients' },
      { route: '/events', scroller: 'record-table-scroller', key: ['Type', 'Occurred', 'Case'], shot: 'events' },
      {
        route: '/webhooks/deliveries',
        scroller: 'delivery-table-scroller',
        key: ['Time', 'Event', 'Event id', 'Case', 'Status', 'HTTP', 'Duration', 'Next attempt'],
        shot: 'deliveries',
      },
    ];
    for (const size of [SMALL, USUAL]) {
      await page.setViewportSize(size);
      for (const screen of screens) {
        await openConsole(page, kayse, screen.route);
        await expect(page.getByTestId(screen.scroller).first()).toBeVisible();
        await expect(page.getByRole('columnheader').first()).toBeVisible();
        expect(await overflows(page, screen.scroller), `${screen.route} scrolls sideways at ${size.width}×${size.height}`).toBe(false);
        const shown = await headers(page);
        for (const name of screen.key) expect(shown, `${screen.route} at ${size.width}: ${name}`).toContain(name);
        await screenshot(page, testInfo, `${screen.shot}-${size.width}`);
      }
    }

    // 1024 px: the navbar waits behind the burger; at 1280 it is there.
    await page.setViewportSize(SMALL);
    await openConsole(page, kayse, '/cases');
    const burger = page.getByRole('button', { name: 'Open navigation' });
    await expect(burger).toBeVisible();
    await expect(page.locator('#app-navbar')).not.toBeInViewport();
    await burger.click();
    await expect(page.locator('#app-navbar')).toBeInViewport();
    await page.locator('#app-navbar').getByRole('link', { name: 'Clients' }).click();
    await expect(page.locator('#app-navbar')).not.toBeInViewport();
    await page.setViewportSize(USUAL);
    await expect(page.locator('#app-navbar')).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Open navigation' })).toBeHidden();
  });

  test('the live badge says when the host has stopped', async ({ page, console: kayse }, testInfo) => {
    await openConsole(page, kayse, '/webhooks/deliveries');
    const badge = page.getByTestId('live-state').first();
    // Deliveries with none yet shows the empty state: the header badge only appears when the stream is down.
    await expect(page.getByTestId('live-state')).toHaveCount(0);

    await kayse.stop();
    const down = page.getByTestId('live-state');
    await expect(down.first()).toBeVisible({ timeout: 8_000 });
    await expect(badge).toHaveAttribute('data-state', /reconnecting|lost/);
    await screenshot(page, testInfo, 'host-stopped-1280');
    // Still down after a while: it reads as lost, not as retrying for ever.
    await expect(badge).toHaveAttribute('data-state', 'lost', { timeout: 15_000 });
    await expect(badge).toContainText('Connection lost');
    await page.setViewportSize(SMALL);
    await screenshot(page, testInfo, 'host-stopped-1024');
  });
});
