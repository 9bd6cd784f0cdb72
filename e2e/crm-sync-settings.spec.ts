// The Sync settings tab in Chromium through the headless host, against the LawRuler and SmartAdvocate simulators
// started by each test: direction, a daily time in the company's timezone, the conflict rule with its example, the
// empty-value rule and selective sync saved (the save says what changed); and "Send mapping to SmartAdvocate" off then
// on: the mappings stay exactly as they were, and a Kayse case made while it is off is not sent to the simulator; the
// CRM rate limit: a value out of range refused on its field, 20 saved and shown again after a reload, back to unknown.
import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { startLawRulerSimulator } from '../main/connectors/lawruler/simulator';
import { startSmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';
import { expect as baseExpect, openConsole, screenshot as fullPageScreenshot, test } from './fixtures';

const AUTO = { name: 'Auto Accident', statuses: ['New', 'Contacted', 'Signed'], fields: [{ key: 'accident_date', label: 'Accident Date', type: 'date' as const }] };

// Long flows with many round trips on a shared, busy machine: more time per step and per test than the defaults.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

async function screenshot(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await fullPageScreenshot(page, testInfo, screen);
}

/** A Kayse case with its client, put through the ingest API the way the voice platform does. */
async function putCase(request: APIRequestContext, url: string, apiKey: string, n: number): Promise<void> {
  const headers = { 'x-api-key': apiKey };
  const client = await request.put(`${url}/v1/clients/kayse/cl-${n}`, { headers, data: { first_name: `Client${n}`, last_name: 'Rivera', emails: [`client${n}@example.com`] } });
  expect(client.status(), await client.text()).toBeLessThan(300);
  const kase = await request.put(`${url}/v1/cases/kayse/case-${n}`, {
    headers,
    data: { name: `Client${n} Rivera v. Driver`, case_type: 'Auto Accident', status: 'New', clients: [{ external_source: 'kayse', external_id: `cl-${n}` }] },
  });
  expect(kase.status(), await kase.text()).toBeLessThan(300);
}

test.describe('CRM Sync settings', () => {
  test('direction, a daily time in the company timezone, the conflict rule, empty values and selective sync, saved with what changed', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startLawRulerSimulator());
    const connected = await kayse.api.crm.connect({ crm: 'lawruler', ...sim.credentials, apiBaseUrl: sim.url });
    expect(connected.ok, JSON.stringify(connected.checks)).toBe(true);
    await kayse.api.company.update({ name: 'Smith & Jones', timezone: 'America/Chicago' });
    const auto = await kayse.api.caseTypes.create(AUTO);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, '/settings/integrations/lawruler?tab=sync');
    const form = page.getByTestId('sync-settings-form');
    await expect(form).toContainText('The defaults: nothing has been changed yet.');
    await expect(page.getByTestId('toggle-sendMapping')).toBeChecked();
    await expect(page.getByTestId('crm-toggles')).toContainText('Off: nothing mapped is pushed, and the saved mappings are kept untouched.');
    await screenshot(page, testInfo, 'crm-sync-settings-defaults');

    await form.getByRole('radio', { name: 'Kayse → LawRuler' }).check();
    await form.getByRole('radio', { name: 'Daily' }).check();
    const at = form.getByLabel('Daily at');
    await expect(form.getByText("In the company's timezone: America/Chicago")).toBeVisible();
    await at.fill('02:30');
    await form.getByRole('radio', { name: 'LawRuler wins' }).check();
    await expect(form.getByText('Example: the phone is changed to 555-0101 in Kayse at 9:05 and to 555-0199 in LawRuler at 9:10.')).toBeVisible();
    await expect(form.getByText('Both end with 555-0199.', { exact: true })).toBeVisible();
    await form.getByRole('switch', { name: 'An empty value clears a filled one' }).check();
    await form.getByRole('checkbox', { name: 'Notes' }).uncheck();
    await form.getByRole('combobox', { name: 'Case types' }).click();
    await page.getByRole('option', { name: 'Auto Accident' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('sync-settings-pending')).toContainText('Frequency: daily at 02:30 (America/Chicago)');
    await screenshot(page, testInfo, 'crm-sync-settings-edited');

    await form.getByRole('button', { name: 'Save sync settings' }).click();
    const saved = page.getByTestId('sync-settings-saved');
    await expect(saved).toContainText('LawRuler sync settings saved');
    await expect(saved).toContainText('Direction: Kayse → LawRuler');
    await expect(saved).toContainText('Frequency: daily at 02:30 (America/Chicago)');
    await expect(saved).toContainText('Conflicts: LawRuler wins');
    await expect(saved).toContainText('Record kinds: Cases, Clients');
    await expect(saved).toContainText('Case types: Auto Accident');
    expect(await kayse.api.sync.settings({ crm: 'lawruler' })).toMatchObject({
      direction: 'kayse_to_crm',
      frequency: { kind: 'daily', at: '02:30', timezone: 'America/Chicago' },
      conflict: { rule: 'crm_wins', emptyOverwritesFilled: true },
      selective: { recordKinds: ['cases', 'clients'], caseTypeIds: [auto.id], statusIds: [] },
    });
    await expect(form.getByRole('button', { name: 'Save sync settings' })).toBeDisabled();
    await screenshot(page, testInfo, 'crm-sync-settings-saved');

    // Unsaved changes are guarded: leaving for another tab asks, and Discard goes.
    await form.getByRole('radio', { name: 'Hourly' }).check();
    await page.getByRole('tab', { name: 'Configuration' }).click();
    const modal = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await expect(modal).toBeVisible();
    await modal.getByRole('button', { name: 'Discard changes' }).click();
    await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
    expect((await kayse.api.sync.settings({ crm: 'lawruler' })).frequency.kind).toBe('daily');

    await kayse.api.preferences.update({ colorScheme: 'dark' });
    await openConsole(page, kayse, '/settings/integrations/lawruler?tab=sync');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expect(form.getByLabel('Daily at')).toHaveValue('02:30');
    await screenshot(page, testInfo, 'crm-sync-settings-dark');

    // LawRuler's Mappings tab, dark: its fields on the side, and no substatus column (substatuses are SmartAdvocate's).
    await page.getByRole('tab', { name: 'CRM Mappings' }).click();
    await expect(page.locator('[data-field-id="Custom1001"]')).toBeVisible();
    await expect(page.getByTestId('status-mapping-table').getByRole('columnheader')).toHaveText(['Kayse status', 'LawRuler status', 'LawRuler status sets']);
    await screenshot(page, testInfo, 'crm-mappings-lawruler-dark');
  });

  test('Send mapping to SmartAdvocate off then on: mappings unchanged, and nothing sent while off', async ({ page, request, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startSmartAdvocateSimulator());
    const connected = await kayse.api.crm.connect({ crm: 'smartadvocate', endpointUrl: sim.host, username: sim.credentials.username, password: sim.credentials.password });
    expect(connected.ok, JSON.stringify(connected.checks)).toBe(true);
    const auto = await kayse.api.caseTypes.create(AUTO);
    await kayse.api.sync.saveFieldMappings({
      crm: 'smartadvocate',
      crmCaseTypeId: null,
      mappings: [
        { kayseField: `custom.${auto.id}.accident_date`, crmFieldId: '3001', direction: 'both' },
        { kayseField: 'client.email', crmFieldId: 'standard.email', direction: 'both' },
      ],
    });
    await kayse.api.sync.saveStatusMappings({ crm: 'smartadvocate', kayseCaseTypeId: auto.id, mappings: [{ kayseStatusId: auto.statuses[0]!.id, crmStatusId: '801', substatus: { typeId: '22', statusId: '900' } }] });
    const before = { fields: await kayse.api.sync.fieldMappings({ crm: 'smartadvocate' }), statuses: await kayse.api.sync.statusMappings({ crm: 'smartadvocate' }) };
    const ingest = await kayse.api.ingest.status();
    expect(ingest.listening, `the ingest API is not listening: ${ingest.error}`).toBe(true);
    const { apiKey } = await kayse.api.ingestKeys.create({ name: 'e2e sync settings', rateLimitPerMinute: 1_000 });

    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, '/settings/integrations/smartadvocate?tab=sync');
    const toggle = page.getByTestId('toggle-sendMapping');
    await expect(page.getByTestId('crm-toggles')).toContainText('Send mapping to SmartAdvocate');
    await toggle.click();
    await expect(toggle).not.toBeChecked();
    await expect.poll(async () => (await kayse.api.crm.connection({ crm: 'smartadvocate' })).toggles.sendMapping).toBe(false);
    await screenshot(page, testInfo, 'crm-sync-settings-send-mapping-off');
    await putCase(request, ingest.url!, apiKey, 1);

    await toggle.click();
    await expect(toggle).toBeChecked();
    await expect.poll(async () => (await kayse.api.crm.connection({ crm: 'smartadvocate' })).toggles.sendMapping).toBe(true);
    await putCase(request, ingest.url!, apiKey, 2);
    // The case made while on reaches the simulator; the one made while off never does (the push reads in order).
    await expect.poll(() => sim.created().length, { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await kayse.api.sync.status({ crm: 'smartadvocate' })).pending, { timeout: 30_000 }).toBe(0);
    expect(sim.created()).toHaveLength(1);
    expect(sim.caseState(sim.created()[0]!)?.contact.firstName).toBe('Client2');

    expect(await kayse.api.sync.fieldMappings({ crm: 'smartadvocate' })).toEqual(before.fields);
    expect(await kayse.api.sync.statusMappings({ crm: 'smartadvocate' })).toEqual(before.statuses);
    await page.getByRole('tab', { name: 'CRM Mappings' }).click();
    await expect(page.locator(`[data-testid="field-mapping-row"][data-kayse-field="custom.${auto.id}.accident_date"]`)).toHaveAttribute('data-state', 'mapped');
    await screenshot(page, testInfo, 'crm-sync-settings-mappings-kept');
  });

  test('CRM rate limit: a value out of range refused on the field, 20 saved and kept after a reload, then unknown again', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startLawRulerSimulator());
    const connected = await kayse.api.crm.connect({ crm: 'lawruler', ...sim.credentials, apiBaseUrl: sim.url });
    expect(connected.ok, JSON.stringify(connected.checks)).toBe(true);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, '/settings/integrations/lawruler?tab=sync');
    const form = page.getByTestId('sync-settings-form');
    const field = page.getByTestId('rate-limit-field');
    await expect(field.getByRole('radio', { name: "Unknown (learn from the CRM's answers)" })).toBeChecked();
    await expect(field).toContainText('The console never sends more than this many requests per second to LawRuler');
    await expect(field).toContainText("LawRuler and SmartAdvocate don't publish a number: ask your CRM vendor");
    const rate = field.getByRole('textbox', { name: 'Requests per second to LawRuler' });

    // Out of range: said on the field, and Save sends nothing.
    await rate.fill('5000');
    await expect(field.getByRole('radio', { name: 'Requests per second' })).toBeChecked();
    const error = 'Enter a whole number of requests per second from 1 to 1000, or choose Unknown.';
    await expect(field.getByText(error)).toBeVisible();
    await expect(rate).toHaveAttribute('aria-invalid', 'true');
    await form.getByRole('button', { name: 'Save sync settings' }).click();
    await expect(field.getByText(error)).toBeVisible();
    await expect(page.getByTestId('sync-settings-saved')).toHaveCount(0);
    expect((await kayse.api.sync.settings({ crm: 'lawruler' })).rateLimit).toBeNull();
    await screenshot(page, testInfo, 'crm-sync-settings-rate-limit-invalid');

    await rate.fill('20');
    await expect(field.getByText(error)).toHaveCount(0);
    await expect(page.getByTestId('sync-settings-pending')).toContainText('CRM rate limit: 20 requests per second');
    await form.getByRole('button', { name: 'Save sync settings' }).click();
    const saved = page.getByTestId('sync-settings-saved');
    await expect(saved).toContainText('LawRuler sync settings saved');
    await expect(saved).toContainText('CRM rate limit: 20 requests per second');
    expect((await kayse.api.sync.settings({ crm: 'lawruler' })).rateLimit).toEqual({ requestsPerSecond: 20 });
    await screenshot(page, testInfo, 'crm-sync-settings-rate-limit');

    await page.reload();
    await expect(field.getByRole('radio', { name: 'Requests per second' })).toBeChecked();
    await expect(rate).toHaveValue('20');
    await expect(form.getByRole('button', { name: 'Save sync settings' })).toBeDisabled();

    // Back to unknown: the typed number stays in view, null is saved.
    await field.getByRole('radio', { name: "Unknown (learn from the CRM's answers)" }).check();
    await form.getByRole('button', { name: 'Save sync settings' }).click();
    await expect(saved).toContainText("CRM rate limit: unknown (learnt from LawRuler's answers)");
    expect((await kayse.api.sync.settings({ crm: 'lawruler' })).rateLimit).toBeNull();
  });
});
