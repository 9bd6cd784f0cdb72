// The Monitoring tab and a case's CRM links in Chromium through the headless host, against the SmartAdvocate
// simulator started by each test: a Kayse status change reaching SmartAdvocate and a SmartAdvocate change coming
// into the case's history (origin SmartAdvocate), with the tiles, chart and runs; a record SmartAdvocate refuses in
// the errors table with its drawer, then Retry now once SmartAdvocate allows it; Retry now on a LawRuler → Kayse error.
import type { APIRequestContext, Page } from '@playwright/test';
import { Agent } from 'undici';
import { createSmartAdvocateConnector } from '../main/connectors';
import { startLawRulerSimulator } from '../main/connectors/lawruler/simulator';
import { startSmartAdvocateSimulator, type SmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';
import { connectIngest, connectSmartAdvocate, createAuto, expectFits1024, monitoringPath, SA_STATUS, screenshot, viewScreenshot } from './crm-sync-helpers';
import type { Cleanup } from '../main/test-support/cleanup';
import { expect as baseExpect, openConsole, test, type ConsoleHost } from './fixtures';

// Long flows with many round trips on a shared, busy machine: more time per step and per test than the defaults.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

/** LawRuler's status-change call about lead 99999, as its webhook editor labels the fields (LawRuler has no such lead). */
const LEAD_CALL = {
  'Lead ID': '99999',
  'Case Type ID': '1',
  'Case Type': 'Motor Vehicle Accident',
  'Status ID': '14',
  Status: 'Signed',
  'Full Name': 'Ana Garcia',
  'Created Date': '2026-11-20T15:00:00.000Z',
  'Primary Contact ID': '599999',
  'First Name': 'Ana',
  'Last Name': 'Garcia',
};

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A person at the firm changes the record in SmartAdvocate (through its API, as their own screens would). */
async function editInSmartAdvocate(sim: SmartAdvocateSimulator, recordId: string, statusId: string): Promise<void> {
  const dispatcher = new Agent();
  try {
    const connector = createSmartAdvocateConnector({
      credentials: { endpoint: sim.host, username: sim.credentials.username, password: sim.credentials.password },
      baseUrl: sim.url,
      dispatcher,
      timeoutMs: 10_000,
      clock: { now: () => new Date() },
    });
    await connector.update(recordId, { statusId });
  } finally {
    await dispatcher.close();
  }
}

/** A SmartAdvocate simulator connected with the Auto Accident mappings, and an ingest key to change cases with. */
async function smartAdvocateWithIngest(kayse: ConsoleHost, request: APIRequestContext, cleanup: Cleanup) {
  const sim = cleanup.use(await startSmartAdvocateSimulator());
  await connectSmartAdvocate(kayse, sim, await createAuto(kayse));
  return { sim, ingest: await connectIngest(request, kayse) };
}

test.describe('CRM monitoring', () => {
  test("a Kayse status change reaches SmartAdvocate, a SmartAdvocate change comes into the case's history, and Monitoring shows the runs", async ({ page, request, console: kayse, cleanup }, testInfo) => {
    const { sim, ingest } = await smartAdvocateWithIngest(kayse, request, cleanup);

    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, monitoringPath());
    await expect(page.getByRole('tab', { name: 'Monitoring' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('tile-last-sync').getByTestId('tile-value')).toHaveText('Never');
    await expect(page.getByTestId('errors-table')).toContainText('No errors');
    await expect(page.getByTestId('runs-table')).toContainText('No runs yet');
    await screenshot(page, testInfo, 'crm-monitoring-empty');

    const caseId = await ingest.putCase('1', { firstName: 'Ana', lastName: 'Rivera', email: 'ana.rivera@example.com' });
    await expect.poll(() => sim.created().length).toBe(1);
    const recordId = sim.created()[0]!;
    expect(sim.caseState(recordId)).toMatchObject({ statusId: SA_STATUS.New, contact: { firstName: 'Ana', lastName: 'Rivera' } });
    // Live: the tile counts the new link without a reload.
    await expect(page.getByTestId('tile-records').getByTestId('tile-value')).toHaveText('1');

    // The case's detail: its CRM link with SmartAdvocate's record id.
    await openConsole(page, kayse, `/cases/${caseId}`);
    const link = page.getByTestId('case-crm-link');
    await expect(link).toHaveAttribute('data-crm', 'smartadvocate');
    await expect(link.getByTestId('case-crm-record-id')).toHaveText(recordId);
    await expect(link).toContainText('Last synced');

    // A status changed in Kayse reaches SmartAdvocate as its mapped status.
    await choose(page, 'Status', 'Contacted');
    await expect(page.getByTestId('case-status').first()).toHaveText('Contacted');
    await expect.poll(() => sim.caseState(recordId)?.statusId).toBe(SA_STATUS.Contacted);
    await screenshot(page, testInfo, 'case-crm-links');

    // SmartAdvocate moves the case on; Sync now brings it in with SmartAdvocate as the change's origin.
    await editInSmartAdvocate(sim, recordId, SA_STATUS.Signed);
    await openConsole(page, kayse, monitoringPath());
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.locator('[data-testid=run-row][data-trigger=manual]')).toHaveCount(1);
    await expect.poll(async () => (await kayse.api.cases.get({ id: caseId })).case.status).toBe('Signed');
    await openConsole(page, kayse, `/cases/${caseId}`);
    await expect(page.getByTestId('case-status').first()).toHaveText('Signed');
    const newest = page.getByTestId('history-entry').first();
    await expect(newest.getByTestId('change-origin')).toHaveText('SmartAdvocate');
    await expect(newest.getByTestId('change-line')).toHaveText(/Status\s*Contacted.*Signed/);
    await screenshot(page, testInfo, 'case-history-from-smartadvocate');

    // Monitoring: the last sync, the records, the runs in the chart and the table.
    await openConsole(page, kayse, monitoringPath());
    await expect(page.getByTestId('tile-last-sync')).toContainText('Sync now');
    await expect(page.getByTestId('last-sync-outcome')).toHaveText('OK');
    await expect(page.getByTestId('tile-records').getByTestId('tile-value')).toHaveText('1');
    await expect(page.getByTestId('tile-errors').getByTestId('tile-value')).toHaveText('0');
    await expect(page.getByTestId('tile-pending').getByTestId('tile-value')).toHaveText('0');
    await expect(page.getByTestId('runs-chart')).not.toHaveAttribute('data-runs', '0');
    const manual = page.locator('[data-testid=run-row][data-trigger=manual]');
    await expect(manual).toContainText('Sync now');
    await expect(manual.getByTestId('run-counts')).toContainText('1 pulled');
    await screenshot(page, testInfo, 'crm-monitoring');
    await page.getByTestId('runs-chart').getByText('7 days', { exact: true }).click();
    await expect(page.getByTestId('runs-chart-count')).toContainText('in the last 7 days');
    await screenshot(page, testInfo, 'crm-monitoring-7-days');
    await expectFits1024(page);

    await kayse.api.preferences.update({ colorScheme: 'dark' });
    await openConsole(page, kayse, monitoringPath());
    await expect(page.getByTestId('last-sync-outcome')).toHaveText('OK');
    await screenshot(page, testInfo, 'crm-monitoring-dark');
  });

  test('a record SmartAdvocate refuses: the errors table, its drawer, and Retry now once SmartAdvocate allows it', async ({ page, request, console: kayse, cleanup }, testInfo) => {
    const { sim, ingest } = await smartAdvocateWithIngest(kayse, request, cleanup);
    // The integration user may not create cases: SmartAdvocate answers 403, a refusal the record waits out.
    sim.deny(['CreateCase']);
    const caseId = await ingest.putCase('2', { firstName: 'Ben', lastName: 'Okafor', email: 'ben.okafor@example.com' });

    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, monitoringPath());
    const row = page.locator(`[data-testid=error-row][data-case-id="${caseId}"]`);
    await expect(row).toHaveAttribute('data-kind', 'rejected');
    await expect(row.getByTestId('error-answer')).toContainText('403');
    await expect(row.getByTestId('error-answer')).toContainText('not permitted to use CreateCase');
    await expect(row.getByTestId('error-case-link')).toContainText('Ben Okafor v. Driver');
    await expect(row).toContainText('After a change or Retry now');
    await expect(page.getByTestId('tile-errors').getByTestId('tile-value')).toHaveText('1');
    await screenshot(page, testInfo, 'crm-monitoring-error');
    await expectFits1024(page);

    // The case's detail says it is not in SmartAdvocate yet, and why; its link goes back to Monitoring.
    await row.getByTestId('error-case-link').click();
    const refused = page.getByTestId('case-crm-link');
    await expect(refused.getByTestId('case-crm-not-linked')).toBeVisible();
    await expect(refused).toContainText('not permitted');
    await screenshot(page, testInfo, 'case-crm-link-refused');
    await refused.getByRole('link', { name: 'SmartAdvocate' }).click();
    await expect(page.getByRole('tab', { name: 'Monitoring' })).toHaveAttribute('aria-selected', 'true');

    await row.getByRole('button', { name: 'Details' }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByTestId('error-detail-response')).toContainText('403');
    await expect(drawer.getByTestId('error-detail-response')).toContainText('rejected');
    // The call SmartAdvocate refused, as it was sent (kept with the error), above what the next attempt would send.
    const sent = drawer.getByTestId('error-detail-sent');
    await expect(sent).toContainText('What was sent');
    await expect(sent).toContainText('Create a record');
    await expect(sent.getByTestId('json-block')).toContainText('"standard.first_name": "Ben"');
    await expect(drawer.getByTestId('error-detail-request')).toContainText('Create a record');
    await expect(drawer.locator('[data-testid=mapped-value][data-field="client.first_name"]')).toContainText('Ben');
    await expect(drawer.getByTestId('error-detail-case')).toHaveAttribute('href', `#/cases/${caseId}`);
    await viewScreenshot(page, testInfo, 'crm-monitoring-error-drawer');
    await page.getByRole('button', { name: 'Close the error' }).click();

    // Nothing is tried again on its own (no next retry above): SmartAdvocate refused the record, not the connection.
    expect(sim.created()).toHaveLength(0);
    // The SmartAdvocate administrator grants the permission; Retry now sends it at once.
    sim.deny([]);
    await row.getByRole('button', { name: 'Retry this record now' }).click();
    await expect(row).toHaveCount(0);
    await expect.poll(() => sim.created().length).toBe(1);
    expect(sim.caseState(sim.created()[0]!)?.contact).toMatchObject({ firstName: 'Ben', lastName: 'Okafor' });
    await expect(page.getByTestId('tile-errors').getByTestId('tile-value')).toHaveText('0');
    await expect(page.getByTestId('errors-table')).toContainText('No errors');
    await screenshot(page, testInfo, 'crm-monitoring-error-retried');
    // The case shows its new link.
    await openConsole(page, kayse, `/cases/${caseId}`);
    await expect(page.getByTestId('case-crm-record-id')).toHaveText(sim.created()[0]!);
  });

  test('SmartAdvocate answering 429: the requests tile says the sync waits, counts the wait down, then shows the rate learnt', async ({ page, request, console: kayse, cleanup }, testInfo) => {
    const { sim, ingest } = await smartAdvocateWithIngest(kayse, request, cleanup);

    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, monitoringPath());
    const tile = page.getByTestId('tile-rate-limit');
    // No limit set in the Sync settings: SmartAdvocate's default pace.
    await expect(tile.getByTestId('rate-limit-pace')).toHaveText('CRM default');
    await expect(tile.getByTestId('tile-value')).toContainText('300/s');
    await expect(tile.getByTestId('tile-detail')).toContainText('no limit set');

    // A wait long enough to see it count down on a busy machine before it ends.
    sim.setFault({ kind: 'rate_limit', retryAfterSeconds: 12 }, { times: 1 });
    await ingest.putCase('1', { firstName: 'Ana', lastName: 'Rivera', email: 'ana.rivera@example.com' });
    await expect(tile.getByTestId('rate-limit-pace')).toHaveText('waiting');
    await expect(tile.getByTestId('tile-detail')).toContainText('SmartAdvocate answered 429');
    const secondsLeft = async () => Number(/for (\d+) s/.exec((await tile.getByTestId('tile-detail').textContent()) ?? '')?.[1] ?? NaN);
    const first = await secondsLeft();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(12);
    await screenshot(page, testInfo, 'crm-monitoring-rate-limited');
    // The wait counts down on the screen without a reload, and nothing was created meanwhile.
    await expect.poll(secondsLeft).toBeLessThan(first);
    expect(sim.created()).toHaveLength(0);
    // Once it is over the case goes, and the tile shows the pace learnt from the 429: under the default.
    await expect.poll(() => sim.created().length, { timeout: 20_000 }).toBe(1);
    await expect(tile.getByTestId('rate-limit-pace')).toHaveText('learnt');
    await expect(tile.getByTestId('tile-detail')).toContainText('set it in Sync settings');
    await expectFits1024(page);
  });

  test('SmartAdvocate refusing the saved credentials: Monitoring says the sync is paused, why and what to do, with the changes waiting', async ({ page, request, console: kayse, cleanup }, testInfo) => {
    const { sim, ingest } = await smartAdvocateWithIngest(kayse, request, cleanup);
    await ingest.putCase('1', { firstName: 'Ana', lastName: 'Rivera', email: 'ana.rivera@example.com' });
    await expect.poll(() => sim.created().length).toBe(1);

    // The firm changed the integration user's password in SmartAdvocate; the console's token expires.
    sim.setPassword('a-new-password-1');
    sim.setFault({ kind: 'expire_tokens' });
    await ingest.putCase('2', { firstName: 'Ben', lastName: 'Okafor', email: 'ben.okafor@example.com' });

    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, monitoringPath());
    const paused = page.getByTestId('monitoring-paused');
    await expect(paused).toContainText('Sync with SmartAdvocate is paused');
    await expect(paused).toContainText('refused the saved credentials');
    await expect(paused).toContainText('What to do:');
    // The header says Paused with the reason, as the card on the Integrations page does.
    await expect(page.getByTestId('crm-state')).toHaveAttribute('data-state', 'paused');
    await expect(page.getByTestId('crm-state')).toContainText('Sync paused: SmartAdvocate refused the saved credentials');
    await expect(page.getByTestId('tile-pending').getByTestId('tile-value')).not.toHaveText('0');
    await expect(page.getByTestId('tile-pending')).toContainText('of Kayse to send');
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeDisabled();
    await expect(page.getByTestId('errors-table')).toContainText('No errors'); // not the records' fault
    expect(sim.created()).toHaveLength(1);
    await screenshot(page, testInfo, 'crm-monitoring-paused');
  });

  test("a LawRuler webhook about a lead LawRuler doesn't have: its LawRuler → Kayse row offers Retry now, which reads the lead again and keeps LawRuler's answer", async ({ page, request, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startLawRulerSimulator());
    const connected = await kayse.api.crm.connect({ crm: 'lawruler', ...sim.credentials, apiBaseUrl: sim.url });
    expect(connected.ok, JSON.stringify(connected.checks)).toBe(true);
    await connectIngest(request, kayse);
    const { url, headerName, secret } = await kayse.api.crm.rotateInboundSecret({ crm: 'lawruler' });
    const sent = await request.post(url!, { headers: { [headerName]: secret }, form: LEAD_CALL });
    expect(sent.status(), await sent.text()).toBe(200);

    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, monitoringPath('lawruler'));
    const row = page.locator('[data-testid=error-row][data-case-id="crm:99999"]');
    await expect(row).toHaveAttribute('data-direction', 'from_crm');
    await expect(row).toHaveAttribute('data-kind', 'not_found');
    await expect(row.getByTestId('error-attempts')).toHaveText('1');
    await expect(row).toContainText('After a change in LawRuler or Retry now');
    await row.getByRole('button', { name: 'Retry this record now' }).click();
    // Read again at once: LawRuler still has no such lead, so the row stays with its answer, one attempt more.
    await expect(row.getByTestId('error-attempts')).toHaveText('2');
    await expect(row).toHaveAttribute('data-kind', 'not_found');
    await expect(row.getByTestId('error-answer')).toContainText('99999');
    await screenshot(page, testInfo, 'crm-monitoring-error-from-crm');
  });

  test('LawRuler not connected: Monitoring says so, with nothing to sync and no initial sync to start', async ({ page, console: kayse }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, monitoringPath('lawruler'));
    await expect(page.getByTestId('monitoring-not-connected')).toContainText('LawRuler is not connected');
    await expect(page.getByRole('button', { name: 'Initial sync' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeDisabled();
    await expect(page.getByTestId('tile-last-sync').getByTestId('tile-value')).toHaveText('Never');
    await page.getByRole('tab', { name: 'Test a sample record' }).click();
    await expect(page.getByRole('button', { name: 'Dry run' })).toBeDisabled();
    await page.getByRole('tab', { name: 'Monitoring' }).click();
    await screenshot(page, testInfo, 'crm-monitoring-not-connected');
  });
});
