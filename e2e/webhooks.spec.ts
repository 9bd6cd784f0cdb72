// The Webhooks screens in Chromium through the headless host, against a local HTTPS receiver: the Integrations
// card, create + Save and send a test, the validation messages (local and the engine's), reveal and rotate the
// signing secret, the Active toggle, campaign-scoped creation from a campaign's Workflows tab, and the banner on a
// webhook its receiver deactivated with 410 Gone (a real event posted through the ingest API).
import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { expect, openConsole, screenshot as fullPageScreenshot, test, type ConsoleHost } from './fixtures';
import { testAppKey } from '../main/test-support/temp-dir';
import { answer, startWebhookReceiver } from './webhook-receiver';

// Hosts started by this file take any free ingest port: the default one may be held by a host running in parallel.
process.env.KAYSE_INGEST_PORT = '0';

const WEBHOOKS = '/settings/integrations/webhooks';

const APP_KEY = testAppKey();

const webhooks = (host: ConsoleHost, campaignId?: string) =>
  host.api.webhooks.list(campaignId ? { campaignId } : {});

/** Posts one call_started event through the real ingest API, with a fresh ingest key. */
async function postCallStarted(request: APIRequestContext, host: ConsoleHost, campaignId?: string): Promise<void> {
  const status = await host.api.ingest.status();
  expect(status.listening, `the ingest API is not listening: ${status.error}`).toBe(true);
  const { apiKey } = await host.api.ingestKeys.create({ name: 'e2e webhooks' });
  const at = new Date().toISOString();
  const response = await request.post(`${status.url}/v1/events`, {
    headers: { 'x-api-key': apiKey },
    data: {
      type: 'call_started',
      occurred_at: at,
      ...(campaignId ? { campaign_id: campaignId } : {}),
      data: { call_id: 'call_e2e_410', direction: 'inbound', from_number: '+15551230001', to_number: '+15559870002', started_at: at },
    },
  });
  expect(response.status(), await response.text()).toBe(202);
}

/** A full-page screenshot from the top (a scrolled page would paint the fixed header over the middle). */
async function screenshot(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await fullPageScreenshot(page, testInfo, screen);
}

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

test.describe('webhooks', () => {
  test('create one from the Integrations card, Save and send a test, then toggle it off and on from the list', async ({ page, console: kayse, cleanup }, testInfo) => {
    const receiver = await startWebhookReceiver(kayse, cleanup);
    await openConsole(page, kayse, '/settings/integrations');
    const card = page.getByTestId('integration-card-webhooks');
    await expect(card.getByTestId('integration-status')).toHaveText('Not connected');
    await card.getByRole('link', { name: 'Open Webhooks' }).click();
    await expect(page).toHaveURL(new RegExp(`#${WEBHOOKS}$`));
    await expect(page.getByTestId('webhooks-empty')).toBeVisible();
    // The e2e receiver needs the allowlist (loopback): the warning says so wherever it is on.
    await expect(page.getByTestId('allowlist-warning')).toContainText('127.0.0.1/32');

    await page.getByRole('link', { name: 'New webhook' }).click();
    await expect(page).toHaveURL(new RegExp(`#${WEBHOOKS}/new$`));
    await field(page, 'Name').fill('Intake CRM');
    await field(page, 'Destination URL').fill(receiver.url);
    await expect(page.getByTestId('url-check')).toHaveAttribute('data-state', 'allowlisted');
    await expect(page.getByTestId('url-check')).toContainText('Resolves to 127.0.0.1');
    await expect(page.getByRole('checkbox', { name: 'All events (including future types)' })).toBeChecked();
    await field(page, 'App Key').fill(APP_KEY);
    await screenshot(page, testInfo, 'webhook-new');

    await page.getByRole('button', { name: 'Save and send a test' }).click();
    // Saved, then tested: the webhook's own page shows the test's result in place.
    await expect(page).toHaveURL(new RegExp(`#${WEBHOOKS}/wh_`));
    const result = page.getByTestId('test-result');
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText('Test delivered: HTTP 200');
    await expect(result.getByTestId('test-result-body')).toHaveText('ok');
    await expect(result.getByTestId('test-result-time')).toHaveText(/^\d[\d,]* ms$/);
    await expect(page.getByTestId('app-key-attached')).toHaveText('App Key attached');
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]!.headers['x-kayse-test']).toBe('true');
    expect(receiver.requests[0]!.headers['x-public-api-key']).toBe(APP_KEY);
    expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({ test: true });
    await screenshot(page, testInfo, 'webhook-test-result');

    const [saved] = await webhooks(kayse);
    expect(saved).toMatchObject({ name: 'Intake CRM', url: receiver.url, events: [], campaignId: null, active: true, hasAppKey: true });
    await expect(page.getByRole('link', { name: 'Recent deliveries', exact: true })).toHaveAttribute('href', `#/webhooks/deliveries?webhookId=${saved!.id}`);
    await screenshot(page, testInfo, 'webhook-edit');

    // An edit, tested again: the form saves the change first.
    await field(page, 'Name').fill('Intake CRM (prod)');
    await page.getByRole('button', { name: 'Save and send a test' }).click();
    await expect.poll(() => receiver.requests.length).toBe(2);
    await expect(page.getByRole('heading', { level: 2, name: 'Intake CRM (prod)' })).toBeVisible();

    // The list: the row, its health, and the Active toggle.
    await page.getByRole('link', { name: 'Back to webhooks' }).click();
    const row = page.getByTestId('webhook-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Intake CRM (prod)');
    await expect(row.getByTestId('webhook-events')).toHaveText('All events');
    await expect(row.getByTestId('webhook-scope')).toHaveText('Company');
    await expect(row.getByTestId('webhook-rate')).toHaveText('100 % of 2 attempts');
    await expect(row.getByRole('link', { name: 'Recent deliveries of Intake CRM (prod)' })).toHaveAttribute('href', `#/webhooks/deliveries?webhookId=${saved!.id}`);
    await screenshot(page, testInfo, 'webhooks-list');

    const active = row.getByRole('switch', { name: 'Active: Intake CRM (prod)' });
    await expect(active).toBeChecked();
    await row.getByTestId('webhook-active-switch').click();
    await expect(active).not.toBeChecked();
    await expect(row.getByTestId('webhook-condition')).toHaveText('Off');
    await expect.poll(async () => (await webhooks(kayse))[0]!.active).toBe(false);
    await expect(page).toHaveURL(new RegExp(`#${WEBHOOKS}$`));
    await row.getByTestId('webhook-active-switch').click();
    await expect(active).toBeChecked();
    await expect(row.getByTestId('webhook-condition')).toHaveText('Healthy');
    await expect.poll(async () => (await webhooks(kayse))[0]!.active).toBe(true);

    await openConsole(page, kayse, '/settings/integrations');
    await expect(card.getByTestId('integration-status')).toHaveText('Connected');
    await expect(card.getByTestId('integration-status-detail')).toHaveText('1 active webhook');
  });

  test('the form and the settings card name each problem as you type and on save, and store nothing', async ({ page, console: kayse }, testInfo) => {
    await kayse.api.campaigns.create({ name: 'Spring TV' });
    await openConsole(page, kayse, `${WEBHOOKS}/new`);

    const name = field(page, 'Name');
    await name.fill('ab');
    await name.blur();
    await expect(page.getByText('Name must be at least 3 characters')).toBeVisible();

    const url = field(page, 'Destination URL');
    await url.fill('http://hooks.example.com/kayse');
    await expect(page.getByText('URL must start with https:// (webhooks are only sent over HTTPS)')).toBeVisible();
    // An IP literal needs no DNS: the engine's own verdict, as you type.
    await url.fill('https://10.0.0.5/hook');
    await expect(page.getByText(/10\.0\.0\.5 resolves to 10\.0\.0\.5, a private address/)).toBeVisible();

    // The campaign filter: unusable with all events, and refused with a message event.
    const campaign = page.getByRole('combobox', { name: 'Campaign filter', exact: true });
    await expect(campaign).toBeDisabled();
    await expect(page.getByText(/Choose specific call events first/)).toBeVisible();
    await page.getByRole('checkbox', { name: 'All events (including future types)' }).uncheck();
    await page.getByRole('checkbox', { name: 'Call ended' }).check();
    await expect(campaign).toBeEnabled();
    await campaign.click();
    await page.getByRole('option', { name: 'Spring TV', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Message sent' }).check();
    await expect(page.getByText(/A campaign filter only applies to call events .* these events have no campaign: message_sent/)).toBeVisible();
    await screenshot(page, testInfo, 'webhook-validation');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#${WEBHOOKS}/new$`));
    expect(await webhooks(kayse)).toEqual([]);

    // Fixed locally, the engine still refuses the private address on save: its message lands under the URL.
    await name.fill('Firm intranet');
    await page.getByRole('checkbox', { name: 'Message sent' }).uncheck();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const refused = await kayse.api.raw.webhooks.create({ name: 'Firm intranet', url: 'https://10.0.0.5/hook' });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'url' }] } } });
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/10\.0\.0\.5 resolves to 10\.0\.0\.5, a private address/)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#${WEBHOOKS}/new$`));
    expect(await webhooks(kayse)).toEqual([]);

    // The settings card names a bad allowlist entry by its line; a good one turns the warning on.
    await openConsole(page, kayse, WEBHOOKS);
    await expect(page.getByTestId('allowlist-warning')).toHaveCount(0);
    const settings = page.getByRole('form', { name: 'Webhook settings' });
    const allowlist = settings.getByRole('textbox', { name: 'Allowlist (internal receivers)' });
    await allowlist.fill('10.20.0.0/16\nintranet');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings.getByText(/Entry 2: "intranet" is not a CIDR range/)).toBeVisible();
    expect((await kayse.api.webhooks.settings()).allowlist).toEqual([]);
    await allowlist.fill('10.20.0.0/16');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('allowlist-warning')).toContainText('10.20.0.0/16');
    expect((await kayse.api.webhooks.settings()).allowlist).toEqual(['10.20.0.0/16']);
  });

  test('the signing secret stays hidden until revealed, and rotating it shows until when the old one is valid', async ({ page, console: kayse, cleanup }, testInfo) => {
    const receiver = await startWebhookReceiver(kayse, cleanup);
    const hook = await kayse.api.webhooks.create({ name: 'Zapier', url: receiver.url });
    const { secret } = await kayse.api.webhooks.revealSecret({ id: hook.id });
    await openConsole(page, kayse, `${WEBHOOKS}/${hook.id}`);

    const panel = page.getByTestId('signing-secret-card');
    await expect(panel.getByTestId('signing-secret-hidden')).toBeVisible();
    await expect(panel).not.toContainText(secret);
    await panel.getByRole('button', { name: 'Reveal' }).click();
    await expect(panel.getByTestId('signing-secret')).toHaveValue(secret);
    await expect(panel.getByRole('button', { name: 'Copy signing secret' })).toBeVisible();
    await screenshot(page, testInfo, 'webhook-secret');

    await panel.getByRole('button', { name: 'Rotate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
    await expect(dialog.getByRole('textbox', { name: 'Keep the previous secret valid for (hours)' })).toHaveValue('24');
    await dialog.getByRole('textbox', { name: 'Keep the previous secret valid for (hours)' }).fill('48');
    await dialog.getByRole('button', { name: 'Rotate secret' }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByTestId('secret-rotated')).toContainText('The previous one stays valid until');
    await expect(panel.getByTestId('signing-secret-hidden')).toBeVisible();
    const info = await kayse.api.webhooks.secretInfo({ id: hook.id });
    expect(info.previousValidUntil).toHaveLength(1);
    const hours = (Date.parse(info.previousValidUntil[0]!) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47);
    expect(hours).toBeLessThanOrEqual(48);
    await expect(panel.getByTestId('previous-secrets')).toContainText('A previous secret stays valid until');

    await panel.getByRole('button', { name: 'Reveal' }).click();
    await expect(panel.getByTestId('signing-secret')).toHaveValue(/^whsec_/);
    await expect(panel.getByTestId('signing-secret')).not.toHaveValue(secret);
  });

  test('a campaign’s Workflows tab creates a webhook scoped to that campaign', async ({ page, console: kayse, cleanup }, testInfo) => {
    const receiver = await startWebhookReceiver(kayse, cleanup);
    const campaign = await kayse.api.campaigns.create({ name: 'Spring TV' });
    await kayse.api.campaigns.create({ name: 'Billboards' });
    await openConsole(page, kayse, '/settings/integrations');
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('link', { name: 'Spring TV' }).click();
    await page.getByRole('tab', { name: 'Workflows' }).click();
    await expect(page).toHaveURL(/\?tab=workflows$/);
    await expect(page.getByTestId('campaign-webhooks-empty')).toBeVisible();
    await page.getByTestId('campaign-webhooks').getByRole('link', { name: 'New webhook' }).click();

    await expect(page.getByRole('heading', { level: 2, name: 'New webhook for Spring TV' })).toBeVisible();
    const campaignFilter = page.getByRole('combobox', { name: 'Campaign filter', exact: true });
    await expect(campaignFilter).toHaveValue('Spring TV');
    await expect(campaignFilter).toBeDisabled();
    await expect(page.getByRole('checkbox', { name: 'Call started' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Message sent' })).toBeDisabled();
    await expect(page.getByRole('checkbox', { name: 'All events (including future types)' })).toBeDisabled();
    await field(page, 'Name').fill('Spring TV calls');
    await field(page, 'Destination URL').fill(receiver.url);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Spring TV calls' })).toBeVisible();

    const [scoped] = await webhooks(kayse, campaign.id);
    expect(scoped).toMatchObject({ name: 'Spring TV calls', campaignId: campaign.id });
    expect(scoped!.events).toEqual(['call_started', 'call_ended', 'call_analyzed', 'transcript_updated', 'transfer_started', 'transfer_bridged', 'transfer_cancelled', 'transfer_ended']);

    await page.getByRole('link', { name: 'Back to the campaign' }).click();
    await expect(page).toHaveURL(new RegExp(`#/campaigns/${campaign.id}\\?tab=workflows$`));
    const rows = page.getByTestId('campaign-webhooks').getByTestId('webhook-row');
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('Spring TV calls');
    await screenshot(page, testInfo, 'campaign-workflows');

    // Company-wide, the list names its scope.
    await openConsole(page, kayse, WEBHOOKS);
    await expect(page.getByTestId('webhook-row').getByTestId('webhook-scope')).toHaveText('Spring TV');
  });

  test('a receiver answering 410 Gone to a real event deactivates the webhook: the banner says what happened and Activate turns it back on', async ({ page, request, console: kayse, cleanup }, testInfo) => {
    const receiver = await startWebhookReceiver(kayse, cleanup, answer(410, 'this endpoint was removed'));
    const hook = await kayse.api.webhooks.create({ name: 'Old CRM', url: receiver.url });
    await openConsole(page, kayse, `${WEBHOOKS}/${hook.id}`);
    await expect(page.getByTestId('webhook-condition')).toHaveText('No deliveries yet');
    await expect(page.getByTestId('webhook-banner')).toHaveCount(0);

    await postCallStarted(request, kayse);
    // The page follows without a reload (tables.changed).
    const banner = page.getByTestId('webhook-banner');
    await expect(banner).toHaveAttribute('data-kind', 'gone');
    await expect(banner).toContainText('Deactivated: the receiver answered 410 Gone');
    await expect(banner).toContainText('fix the destination URL below');
    await expect(page.getByTestId('webhook-condition')).toHaveText('Deactivated by receiver');
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]!.headers['x-kayse-test']).toBeUndefined();
    await screenshot(page, testInfo, 'webhook-banner');

    await openConsole(page, kayse, '/settings/integrations');
    const card = page.getByTestId('integration-card-webhooks');
    await expect(card.getByTestId('integration-status')).toHaveText('Error');
    await expect(card.getByTestId('integration-status-detail')).toHaveText('0 active · 1 failing');

    receiver.behave(answer(200, 'ok'));
    await openConsole(page, kayse, `${WEBHOOKS}/${hook.id}`);
    await page.getByTestId('webhook-banner').getByRole('button', { name: 'Activate' }).click();
    // On again; its last attempt still failed, until a delivery gets through.
    await expect(page.getByTestId('webhook-condition')).toHaveText('Failing');
    await expect(page.getByTestId('webhook-banner')).toHaveAttribute('data-kind', 'failing');
    const after = await kayse.api.webhooks.get({ id: hook.id });
    expect(after).toMatchObject({ active: true, deactivatedReason: null });
    await page.getByRole('button', { name: 'Save and send a test' }).click();
    await expect(page.getByTestId('test-result')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('webhook-banner')).toHaveCount(0);
    await expect(page.getByTestId('webhook-condition')).toHaveText('Healthy');
  });
});
