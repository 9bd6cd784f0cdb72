// The console in Chromium through the headless host: integrations, company profile, About and theme, the
// session guard, and live updates over the event stream. Every test runs against its own host and data dir.
import { request as httpRequest } from 'node:http';
import { expect, openConsole, screenshot, test, type ConsoleHost } from './fixtures';
import { httpApi } from '../main/test-support/api';

const INTEGRATION_IDS = ['lawruler', 'smartadvocate', 'scheduling', 'webhooks'] as const;

/** A raw HTTP GET to the host, for headers a browser won't let a page set (Host). */
function rawGet(host: ConsoleHost, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('integrations', () => {
  test('the console opens on four integration cards, none connected, and each card opens its screen', async ({ page, console: kayse }, testInfo) => {
    await openConsole(page, kayse);
    await expect(page).toHaveURL(/#\/settings\/integrations$/);
    await expect(page.locator('[data-testid^="integration-card-"]')).toHaveCount(INTEGRATION_IDS.length);
    for (const id of INTEGRATION_IDS) {
      const card = page.getByTestId(`integration-card-${id}`);
      await expect(card).toBeVisible();
      await expect(card.getByTestId('integration-status')).toHaveText('Not connected');
    }
    await screenshot(page, testInfo, 'integrations');

    await page.getByTestId('integration-card-smartadvocate').getByRole('link', { name: /open/i }).click();
    await expect(page).toHaveURL(/#\/settings\/integrations\/smartadvocate$/);
    await expect(page.getByRole('heading', { level: 2, name: 'SmartAdvocate' })).toBeVisible();
    await expect(page.getByTestId('integration-status')).toHaveText('Not connected');
    await screenshot(page, testInfo, 'integration-detail');
  });
});

test.describe('company profile', () => {
  test('a new name and timezone are saved in main and kept across a reload', async ({ page, console: kayse }, testInfo) => {
    const before = await kayse.api.company.get();
    const [zone, search] = before.timezone === 'America/Chicago' ? ['Europe/Berlin', 'Berlin'] : ['America/Chicago', 'Chicago'];
    await openConsole(page, kayse, '/settings/company');

    const name = page.getByRole('textbox', { name: 'Company name' });
    const timezone = page.getByRole('combobox', { name: 'Timezone' });
    await name.fill('Smith & Partners LLP');
    await timezone.click();
    await timezone.fill(search);
    await page.getByRole('option', { name: new RegExp(`^${zone}\\b`) }).click();
    await expect(timezone).toHaveValue(new RegExp(`^${zone}\\b`));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Company saved')).toBeVisible();

    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await expect(name).toHaveValue('Smith & Partners LLP');
    await expect(timezone).toHaveValue(new RegExp(`^${zone}\\b`));
    await screenshot(page, testInfo, 'company');

    const stored = await kayse.api.company.get();
    expect(stored).toMatchObject({ name: 'Smith & Partners LLP', timezone: zone });
    expect(stored.updatedAt).not.toBeNull();
  });

  test('an empty company name is refused with a message under the field, and nothing is saved', async ({ page, console: kayse }) => {
    const saved = await kayse.api.company.update({ name: 'Acme Injury Law', timezone: 'UTC' });
    await openConsole(page, kayse, '/settings/company');

    const name = page.getByRole('textbox', { name: 'Company name' });
    await expect(name).toHaveValue('Acme Injury Law');
    await name.fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await expect(page.getByText('Company name is required')).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    // The message is the field's own (aria-describedby), not a stray alert elsewhere on the page.
    await expect(name).toHaveAccessibleDescription(/Company name is required/);
    await expect(page.getByText('Company saved')).toHaveCount(0);
    expect(await kayse.api.company.get()).toEqual(saved);
  });

  test('a name changed elsewhere shows up on the open Company page without a reload', async ({ page, console: kayse }) => {
    await openConsole(page, kayse, '/settings/company');
    const name = page.getByRole('textbox', { name: 'Company name' });
    await expect(name).toHaveValue('');

    // The form follows the host's values while the user hasn't edited them; tables.changed refreshes them.
    const { timezone } = await kayse.api.company.get();
    await kayse.api.company.update({ name: 'Changed From The API', timezone });
    await expect(name).toHaveValue('Changed From The API');
    await expect(page.getByText(/^Last saved /)).toBeVisible();
  });
});

test.describe('about and theme', () => {
  test("About shows this test's data folder, and a dark theme is saved and survives a reload", async ({ page, console: kayse }, testInfo) => {
    await openConsole(page, kayse, '/settings/about');
    await expect(page.getByTestId('data-dir')).toHaveText(kayse.dataDir);
    await screenshot(page, testInfo, 'about');

    const html = page.locator('html');
    await page.getByText('Dark', { exact: true }).click();
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expect.poll(async () => (await kayse.api.preferences.get()).colorScheme).toBe('dark');

    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(page.getByTestId('data-dir')).toHaveText(kayse.dataDir);
    await screenshot(page, testInfo, 'about-dark');
  });

  test('the saved theme comes from the host, not from this browser', async ({ browser, console: kayse }) => {
    await kayse.api.preferences.update({ colorScheme: 'dark' });
    // A fresh context has no local copy of the scheme: dark can only come from the host's preference.
    const context = await browser.newContext({ colorScheme: 'light' });
    try {
      const page = await context.newPage();
      await openConsole(page, kayse, '/settings/about');
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    } finally {
      await context.close();
    }
  });
});

test.describe('session guard', () => {
  test('a browser without the token gets 401 with a hint about the token', async ({ browser, console: kayse }) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(`${kayse.origin}/`);
      expect(response?.status()).toBe(401);
      const body = (await response?.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      expect(body.error.message).toMatch(/token/i);
    } finally {
      await context.close();
    }
  });

  test('an RPC without the token is refused and changes nothing', async ({ console: kayse }) => {
    const before = await kayse.api.company.get();
    const refused = await httpApi(kayse.origin, null).raw.company.update({ name: 'Intruder', timezone: 'UTC' });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

    const wrong = await httpApi(kayse.origin, 'not-the-token').raw.company.update({ name: 'Intruder', timezone: 'UTC' });
    expect(wrong.status).toBe(401);
    expect(await kayse.api.company.get()).toEqual(before);
  });

  test('a request addressed to another Host is refused, even with the token (DNS rebinding)', async ({ console: kayse }) => {
    const { port } = new URL(kayse.origin);
    const answer = await rawGet(kayse, '/', { host: `evil.example:${port}`, authorization: `Bearer ${kayse.token}` });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const own = await rawGet(kayse, '/', { host: `127.0.0.1:${port}`, authorization: `Bearer ${kayse.token}` });
    expect(own.status).toBe(200);
  });

  test('a request from a foreign Origin is refused, even with the token (CSRF)', async ({ request, console: kayse }) => {
    const before = await kayse.api.company.get();
    const response = await request.post(`${kayse.origin}/rpc/company.update`, {
      headers: { authorization: `Bearer ${kayse.token}`, origin: 'http://evil.example' },
      data: { name: 'Cross Site', timezone: 'UTC' },
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await kayse.api.company.get()).toEqual(before);
  });
});
