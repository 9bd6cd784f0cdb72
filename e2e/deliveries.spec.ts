// The delivery log inspector in Chromium through the headless host, against a local HTTPS receiver: a delivery with
// its headers and payload, the signature verdict, export then import of a bundle (read-only), retries of a failing
// receiver appearing live and a replay after the fix, bulk replay with progress, and a log of thousands of
// deliveries scrolled with a bounded number of rows in the DOM, keeping the user's place as new ones arrive.
import { readFile, writeFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, openConsole, screenshot, test, type ConsoleHost } from './fixtures';
import { testAppKey } from '../main/test-support/temp-dir';
import { answer, startWebhookReceiver, type Receiver } from './webhook-receiver';

// Hosts started by this file take any free ingest port: the default one may be held by a host running in parallel.
process.env.KAYSE_INGEST_PORT = '0';

const MAX_ROWS_IN_DOM = 200;
const APP_KEY = testAppKey();
const at = '2026-11-26T20:00:00Z';

interface Ingest {
  postEvents(events: unknown[]): Promise<string[]>;
  putCase(ref: string, body: unknown): Promise<string>;
}

async function connectIngest(request: APIRequestContext, host: ConsoleHost): Promise<Ingest> {
  const status = await host.api.ingest.status();
  expect(status.listening, `the ingest API is not listening: ${status.error}`).toBe(true);
  const { apiKey } = await host.api.ingestKeys.create({ name: 'e2e deliveries', rateLimitPerMinute: 1_000_000 });
  const headers = { 'x-api-key': apiKey };
  return {
    async postEvents(events) {
      const response = await request.post(`${status.url}/v1/events`, { headers, data: { events } });
      expect(response.status(), await response.text()).toBe(202);
      return ((await response.json()) as { ids: string[] }).ids;
    },
    async putCase(ref, body) {
      const response = await request.put(`${status.url}/v1/cases/crm/${ref}`, { headers, data: body });
      expect(response.status(), await response.text()).toBeLessThan(300);
      return ((await response.json()) as { id: string }).id;
    },
  };
}

const callAnalyzed = (caseRef?: string) => ({
  type: 'call_analyzed',
  occurred_at: at,
  ...(caseRef && { case_ref: { external_source: 'crm', external_id: caseRef } }),
  data: {
    call_id: 'call_8f2k',
    summary: 'Caller was rear-ended on the highway; neck injury; no attorney yet.',
    sentiment: 'neutral',
    outcome: 'qualified',
    transcript: [
      { speaker: 'agent', text: 'Thank you for calling Smith & Jones, how can I help?', start_seconds: 0.4, end_seconds: 3.1 },
      { speaker: 'caller', text: 'I was rear-ended on the highway last week.', start_seconds: 3.6, end_seconds: 6.2 },
    ],
    post_call_fields: { injured: true, accident_date: '2026-11-19' },
  },
});
const taskCompleted = (i: number) => ({
  type: 'task_completed',
  occurred_at: at,
  data: { task_id: `task_${i}`, title: 'Was a police report filed?', task_type: 'question', answer: 'yes', completed_at: at },
});

const createWebhook = (host: ConsoleHost, name: string, receiver: Receiver) =>
  host.api.webhooks.create({ name, url: receiver.url });

const rows = (page: Page) => page.getByTestId('delivery-row');
const drawer = (page: Page) => page.getByTestId('delivery-drawer');

test.describe('the delivery inspector', () => {
  test('a delivery with its headers and payload, a verified signature, and export then import of a bundle read-only', async ({ page, request, console: kayse, cleanup }, testInfo) => {
    const receiver = await startWebhookReceiver(kayse, cleanup);
    await kayse.api.caseTypes.create({ name: 'Personal Injury', statuses: ['New lead', 'Signed'] });
    const ingest = await connectIngest(request, kayse);
    const caseId = await ingest.putCase('c1', { name: 'Doe v. Acme Trucking', case_type: 'Personal Injury', status: 'New lead' });
    const hook = await createWebhook(kayse, 'CRM receiver', receiver);
    await kayse.api.webhooks.setAppKey({ id: hook.id, appKey: APP_KEY });
    const [eventId] = await ingest.postEvents([callAnalyzed('c1'), taskCompleted(1)]);
    await expect.poll(() => receiver.requests.length).toBe(2);

    await openConsole(page, kayse, `/webhooks/deliveries?webhookId=${hook.id}`);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhook deliveries' })).toHaveAttribute('aria-current', 'page');
    await expect(rows(page)).toHaveCount(2);
    const row = rows(page).filter({ hasText: eventId! });
    await expect(row.getByTestId('delivery-status')).toHaveText('Succeeded');
    await expect(row.getByTestId('http-status')).toHaveText('200');
    // The Case column names the case by its number (what support scans for) and opens it.
    const { caseNumber } = (await kayse.api.cases.get({ id: caseId })).case;
    await expect(row.getByRole('link', { name: caseNumber })).toHaveAttribute('href', `#/cases/${caseId}`);
    await expect(page.getByTestId('delivery-count')).toHaveText('2 deliveries');
    await expect(page.getByTestId('hourly-totals')).toContainText('2 succeeded');
    await screenshot(page, testInfo, 'deliveries-list');

    // The chart: 24 hours or 7 days, the range kept in the address bar.
    await page.getByTestId('hourly-chart').getByText('7 days').click();
    await expect(page).toHaveURL(/chart=7d/);
    await expect(page.getByTestId('hourly-totals')).toContainText('2 succeeded');
    await page.getByTestId('hourly-chart').screenshot({ path: testInfo.outputPath('deliveries-chart.png') });

    // The detail: headers as sent (App Key masked), the payload as a searchable tree and raw. (A taller window
    // for the screenshots: the drawer shows what fits the window.)
    await page.setViewportSize({ width: 1280, height: 1500 });
    await row.getByTestId('delivery-event-id').click();
    await expect(page).toHaveURL(/delivery=dlv_/);
    const detail = drawer(page);
    await expect(detail.getByTestId('delivery-detail')).toContainText(eventId!);
    await expect(detail.getByRole('link', { name: 'Open the case' })).toHaveAttribute('href', `#/cases/${caseId}`);
    await expect(detail.getByTestId('attempt-item')).toHaveCount(1);
    const headers = detail.getByTestId('request-headers');
    await expect(headers.getByRole('row', { name: /X-Kayse-Event-Id/ })).toContainText(eventId!);
    await expect(headers.getByRole('row', { name: /X-Kayse-Signature/ })).toContainText(/t=\d+,v1=[0-9a-f]{64}/);
    await expect(headers.getByRole('row', { name: /X-Public-Api-Key/ })).toContainText(`••••${APP_KEY.slice(-4)}`);
    await expect(detail).not.toContainText(APP_KEY);
    const payload = detail.getByTestId('json-view-payload');
    await payload.getByRole('textbox', { name: 'Search the payload' }).fill('rear-ended');
    await expect(payload.getByTestId('json-search-count')).toHaveText('2 matches');
    await expect(payload.locator('mark').first()).toHaveText('rear-ended');
    await screenshot(page, testInfo, 'delivery-detail');
    await payload.getByText('Raw', { exact: true }).click();
    expect(await payload.getByTestId('json-raw').textContent()).toBe(receiver.requests.find((r) => r.headers['x-kayse-event-id'] === eventId)!.body);
    await detail.getByRole('tab', { name: 'Response (200)' }).click();
    await expect(detail.getByTestId('response-status')).toHaveText('200');

    // Verify signature: recomputed with the webhook's secret, judged at the time it was sent.
    await detail.getByRole('button', { name: 'Verify signature' }).click();
    const verdict = detail.getByTestId('signature-verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'accepted');
    await expect(verdict.getByTestId('signature-matched')).toHaveText('the active secret');
    await screenshot(page, testInfo, 'delivery-verify');

    // Export this delivery as a bundle…
    const download = page.waitForEvent('download');
    await detail.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kayse-delivery-dlv_\w+\.json$/);
    const bundlePath = testInfo.outputPath('bundle.json');
    await file.saveAs(bundlePath);
    const bundle = JSON.parse(await readFile(bundlePath, 'utf8')) as { format: string; deliveries: { eventId: string; attemptDetails: unknown[] }[] };
    expect(bundle.format).toBe('kayse-delivery-bundle');
    expect(bundle.deliveries.map((d) => d.eventId)).toEqual([eventId]);
    expect(JSON.stringify(bundle)).not.toContain(APP_KEY);
    await detail.getByRole('button', { name: 'Close the delivery' }).click();

    // …a file that is not a bundle is refused, saying why…
    const notBundle = testInfo.outputPath('not-a-bundle.json');
    await writeFile(notBundle, JSON.stringify({ cases: [] }));
    let chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-bundle').click();
    await (await chooser).setFiles(notBundle);
    await expect(page.getByTestId('import-bundle-error')).toContainText('not a Kayse delivery bundle');

    // …and the bundle opens read-only.
    chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-bundle').click();
    await (await chooser).setFiles(bundlePath);
    await expect(page).toHaveURL(/#\/webhooks\/deliveries\/imported/);
    await expect(page.getByTestId('bundle-banner')).toContainText('Imported bundle — read only');
    await expect(page.getByTestId('bundle-banner')).toContainText('1 delivery, 1 attempt');
    await expect(rows(page)).toHaveCount(1);
    await rows(page).first().getByTestId('delivery-event-id').click();
    await expect(drawer(page).getByTestId('request-headers')).toContainText(eventId!);
    await expect(drawer(page).getByTestId('json-view-payload')).toContainText('rear-ended');
    await expect(drawer(page).getByRole('button', { name: 'Replay' })).toHaveCount(0);
    await expect(drawer(page).getByRole('button', { name: 'Verify signature' })).toHaveCount(0);
    await screenshot(page, testInfo, 'bundle-imported');
    await drawer(page).getByRole('button', { name: 'Close the delivery' }).click();
    await page.getByTestId('close-bundle').click();
    await expect(page.getByTestId('no-bundle')).toBeVisible();
  });

  test('a failing receiver: the delivery and its retry appear live, then a replay after the fix succeeds', async ({ page, request, console: kayse, cleanup }) => {
    // The engine runs on the real clock: the first retry comes 30 s ± 20 % after the first attempt.
    test.setTimeout(90_000);
    const receiver = await startWebhookReceiver(kayse, cleanup, answer(500, '{"error":"database unavailable"}'));
    const ingest = await connectIngest(request, kayse);
    const hook = await createWebhook(kayse, 'Flaky receiver', receiver);
    await openConsole(page, kayse, `/webhooks/deliveries?webhookId=${hook.id}`);
    await expect(page.getByTestId('deliveries-empty')).toBeVisible();

    // Posted while the screen is open: it appears without a reload, retrying after a 500.
    const [eventId] = await ingest.postEvents([taskCompleted(1)]);
    const row = rows(page).filter({ hasText: eventId! });
    await expect(row.getByTestId('delivery-status')).toHaveText('Retrying');
    await expect(row.getByTestId('http-status')).toHaveText('500');
    await row.getByTestId('delivery-event-id').click();
    const detail = drawer(page);
    await expect(detail.getByTestId('attempt-item')).toHaveCount(1);
    await detail.getByRole('tab', { name: 'Response (500)' }).click();
    await expect(detail.getByTestId('json-view-response-body')).toContainText('database unavailable');

    // The scheduled retry shows up in the open timeline by itself.
    await expect(detail.getByTestId('attempt-item')).toHaveCount(2, { timeout: 45_000 });
    await expect(detail.getByTestId('attempt-item').nth(1)).toContainText('Scheduled');

    // The receiver is fixed: Replay sends it again as a manual attempt, and it succeeds.
    receiver.behave(answer(200, 'ok'));
    await detail.getByRole('button', { name: 'Replay' }).click();
    await expect(detail.getByTestId('attempt-item')).toHaveCount(3);
    await expect(detail.getByTestId('attempt-item').nth(2)).toContainText('Replay');
    await expect(detail.getByTestId('attempt-item').nth(2).getByTestId('http-status')).toHaveText('200');
    await expect(row.getByTestId('delivery-status')).toHaveText('Succeeded');
    expect(receiver.requests.map((r) => r.headers['x-kayse-attempt'])).toEqual(['1', '2', '3']);
  });

  test('failed deliveries replayed in bulk with progress, after a 410 that deactivated the webhook', async ({ page, request, console: kayse, cleanup }, testInfo) => {
    const receiver = await startWebhookReceiver(kayse, cleanup, answer(410, 'gone'));
    const ingest = await connectIngest(request, kayse);
    const hook = await createWebhook(kayse, 'Moved receiver', receiver);
    await ingest.postEvents(Array.from({ length: 5 }, (_, i) => taskCompleted(i)));
    await expect.poll(async () => (await kayse.api.webhooks.get({ id: hook.id })).active).toBe(false);
    await expect
      .poll(async () => (await kayse.api.deliveries.list({ webhookId: hook.id, state: 'failed' })).rows.length)
      .toBeGreaterThan(0);
    const failed = (await kayse.api.deliveries.list({ webhookId: hook.id, state: 'failed' })).rows.length;

    receiver.behave(answer(200, 'ok'));
    await kayse.api.webhooks.setActive({ id: hook.id, active: true });
    await openConsole(page, kayse, `/webhooks/deliveries?webhookId=${hook.id}&status=failed`);
    await expect(rows(page)).toHaveCount(failed);
    await page.getByRole('button', { name: 'Replay failed…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replay failed deliveries' });
    await expect(dialog.getByRole('combobox', { name: 'Webhook' })).toHaveValue('Moved receiver');
    await dialog.getByRole('button', { name: 'Replay failed' }).click();
    await expect(dialog.getByTestId('task-progress')).toHaveAttribute('data-percent', '100');
    await expect(dialog.getByTestId('task-progress-label')).toContainText(`${failed} of ${failed} deliveries`);
    await screenshot(page, testInfo, 'deliveries-bulk-replay');
    await dialog.getByRole('button', { name: 'Done' }).click();
    // The failed ones leave the "failed" list as their replays succeed.
    await expect(page.getByTestId('deliveries-no-matches')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(rows(page).getByTestId('delivery-status').filter({ hasText: 'Succeeded' })).toHaveCount(failed);
  });

  test(`thousands of deliveries scroll with fewer than ${MAX_ROWS_IN_DOM} rows in the DOM, and new ones keep the user's place and selection`, async ({ page, request, console: kayse, cleanup }) => {
    test.setTimeout(120_000);
    const receiver = await startWebhookReceiver(kayse, cleanup);
    const ingest = await connectIngest(request, kayse);
    for (const name of ['Receiver A', 'Receiver B', 'Receiver C']) await createWebhook(kayse, name, receiver);
    const EVENTS = 1_000;
    for (let i = 0; i < EVENTS; i += 500) await ingest.postEvents(Array.from({ length: 500 }, (_, k) => taskCompleted(i + k)));
    const total = EVENTS * 3;
    await expect.poll(() => receiver.requests.length, { timeout: 60_000 }).toBe(total);

    await openConsole(page, kayse, '/webhooks/deliveries');
    await expect(page.getByTestId('delivery-count')).toContainText('Newest 100 deliveries');
    const scroller = page.getByTestId('delivery-table-scroller');
    // Down to the end, page by page (older pages load as the end comes near): never more than a screenful of rows
    // (plus overscan) in the DOM.
    const scrollHeight = () => scroller.evaluate((el) => el.scrollHeight);
    for (let page100 = 0; page100 < total / 100 + 5; page100 += 1) {
      const height = await scrollHeight();
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      expect(await rows(page).count()).toBeLessThan(MAX_ROWS_IN_DOM);
      if ((await page.getByTestId('delivery-count').textContent()) === `${total.toLocaleString('en-US')} deliveries`) break;
      await expect.poll(scrollHeight).toBeGreaterThan(height);
    }
    await expect(page.getByTestId('delivery-count')).toHaveText(`${total.toLocaleString('en-US')} deliveries`);
    // And back up through the whole list.
    for (let step = 20; step >= 0; step -= 1) {
      await scroller.evaluate((el, fraction) => el.scrollTo({ top: el.scrollHeight * fraction }), step / 20);
      await expect(rows(page).first()).toBeVisible();
      expect(await rows(page).count()).toBeLessThan(MAX_ROWS_IN_DOM);
    }

    // Somewhere in the middle, one delivery open: new deliveries arrive above without moving the view.
    await scroller.evaluate((el) => (el.scrollTop = 44 * 1_000));
    const firstVisible = () =>
      scroller.evaluate((el) => {
        const top = el.getBoundingClientRect().top + 38; // below the sticky header
        const row = [...el.querySelectorAll('[data-testid=delivery-row]')].find((r) => r.getBoundingClientRect().bottom > top + 1);
        return row?.getAttribute('data-delivery-id') ?? null;
      });
    const chosen = await firstVisible();
    expect(chosen).not.toBeNull();
    await page.locator(`[data-testid=delivery-row][data-delivery-id="${chosen}"]`).getByTestId('delivery-event-id').click();
    await expect(drawer(page).getByTestId('delivery-detail')).toHaveAttribute('data-delivery-id', chosen!);
    const place = await firstVisible();
    // 450 new deliveries: more than a page, so the list follows the newest page down until it joins up.
    await ingest.postEvents(Array.from({ length: 150 }, (_, k) => taskCompleted(5_000 + k)));
    await expect(page.getByTestId('delivery-count')).toHaveText(`${(total + 450).toLocaleString('en-US')} deliveries`, { timeout: 20_000 });
    expect(await firstVisible()).toBe(place);
    await expect(page.locator(`[data-testid=delivery-row][data-delivery-id="${chosen}"]`)).toHaveAttribute('aria-selected', 'true');
    await expect(drawer(page).getByTestId('delivery-detail')).toHaveAttribute('data-delivery-id', chosen!);
    // At the very top, new deliveries show as they come.
    await drawer(page).getByRole('button', { name: 'Close the delivery' }).click();
    await scroller.evaluate((el) => (el.scrollTop = 0));
    const [newest] = await ingest.postEvents([taskCompleted(9_999)]);
    await expect(rows(page).first()).toContainText(newest!);
  });
});
