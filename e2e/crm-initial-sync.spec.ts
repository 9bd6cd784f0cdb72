// The initial sync wizard in Chromium through the headless host, against the SmartAdvocate simulator started by each
// test: from the Configuration tab, the match preview (a record linking by email, one ambiguous between two Kayse
// cases, a Kayse case to create in SmartAdvocate), the run with its progress, the result, and the run on the
// Monitoring tab; and a long run cancelled from the Monitoring tab, keeping what it synced.
import type { Locator } from '@playwright/test';
import { startSmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';
import { connectIngest, connectSmartAdvocate, createAuto, monitoringPath, screenshot, viewScreenshot } from './crm-sync-helpers';
import { expect as baseExpect, openConsole, test } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const countOf = (scope: Locator, testId: string) => scope.getByTestId(testId).getByTestId('preview-count');
const jobCount = (scope: Locator, key: string) => scope.getByTestId(`initial-count-${key}`).getByTestId('initial-count');

test.describe('CRM initial sync', () => {
  test('the wizard to the end: the match preview, the run with progress, the result, the run in Monitoring', async ({ page, request, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startSmartAdvocateSimulator({ records: 6 }));
    const seeded = ['600000', '600001', '600002', '600003', '600004', '600005'].map((id) => sim.caseState(id)!);
    const [one, two] = seeded.filter((c) => c.contact.email);
    const auto = await createAuto(kayse);
    const ingest = await connectIngest(request, kayse);
    // Before SmartAdvocate is connected: these wait for the initial sync (the push starts from the connection).
    await ingest.putCase('a', { firstName: 'Dana', lastName: 'Twin', email: one!.contact.email! });
    await ingest.putCase('b', { firstName: 'Dani', lastName: 'Twin', email: one!.contact.email! });
    await ingest.putCase('c', { firstName: two!.contact.firstName, lastName: two!.contact.lastName, email: two!.contact.email! });
    await ingest.putCase('d', { firstName: 'Eve', lastName: 'Newman', email: 'eve.newman@example.com' });
    await connectSmartAdvocate(kayse, sim, auto);

    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, '/settings/integrations/smartadvocate');
    const card = page.getByTestId('crm-initial-sync');
    await expect(card).toContainText('Initial sync');
    await card.getByRole('button', { name: 'Initial sync' }).click();

    const wizard = page.getByRole('dialog', { name: 'Initial sync with SmartAdvocate' });
    const preview = wizard.getByTestId('initial-preview');
    await expect(preview).toContainText('Read 6 SmartAdvocate records');
    await expect(countOf(preview, 'preview-would-link')).toHaveText('1');
    await expect(preview.getByTestId('preview-would-link')).toContainText('email 1');
    await expect(countOf(preview, 'preview-create-crm')).toHaveText('1');
    await expect(countOf(preview, 'preview-ambiguous')).toHaveText('1');
    const ambiguous = preview.getByTestId('ambiguous-record');
    await expect(ambiguous).toHaveCount(1);
    await expect(ambiguous).toContainText('Email');
    await expect(ambiguous).toContainText('Dana Twin v. Driver');
    await expect(ambiguous).toContainText('Dani Twin v. Driver');
    expect(sim.created()).toHaveLength(0);
    await viewScreenshot(page, testInfo, 'crm-initial-sync-preview');

    // The listing answers slowly once, so the run is seen under way.
    sim.setFault({ kind: 'slow', ms: 4_000 }, { times: 1 });
    await wizard.getByRole('button', { name: 'Start initial sync' }).click();
    const running = wizard.getByTestId('initial-running');
    await expect(running).toBeVisible();
    await expect(running.getByRole('button', { name: 'Cancel the initial sync' })).toBeVisible();
    await expect(running.getByTestId('task-progress-label')).toContainText('%');
    await viewScreenshot(page, testInfo, 'crm-initial-sync-running');

    const result = wizard.getByTestId('initial-result');
    await expect(result).toHaveAttribute('data-state', 'done');
    await expect(result.getByTestId('initial-result-title')).toContainText('Initial sync finished');
    await expect(jobCount(result, 'read')).toHaveText('6');
    await expect(jobCount(result, 'linked')).toHaveText('1');
    await expect(jobCount(result, 'ambiguous')).toHaveText('1');
    await expect(jobCount(result, 'createdInCrm')).toHaveText('1');
    await expect(jobCount(result, 'failed')).toHaveText('0');
    await expect(result.getByTestId('ambiguous-record')).toHaveCount(1);
    // Eve's case is now in SmartAdvocate; Dana and Dani's record stayed apart.
    expect(sim.created()).toHaveLength(1);
    expect(sim.caseState(sim.created()[0]!)?.contact).toMatchObject({ firstName: 'Eve', lastName: 'Newman' });
    await viewScreenshot(page, testInfo, 'crm-initial-sync-result');
    await result.getByRole('button', { name: 'Done' }).click();
    await expect(wizard).toBeHidden();
    await expect(card.getByTestId('initial-sync-last')).toContainText('Last run finished');

    await page.getByRole('tab', { name: 'Monitoring' }).click();
    const run = page.locator('[data-testid=run-row][data-trigger=initial]');
    await expect(run).toHaveCount(1);
    await expect(run).toContainText('Initial sync');
    await expect(run.getByTestId('run-counts')).toContainText('6 read');
    await screenshot(page, testInfo, 'crm-monitoring-after-initial-sync');
  });

  test('a long initial sync cancelled from the Monitoring tab: it stops after the page under way and keeps what it synced', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startSmartAdvocateSimulator({ records: 1_000 }));
    const auto = await createAuto(kayse);
    await connectSmartAdvocate(kayse, sim, auto);
    await kayse.api.preferences.update({ colorScheme: 'dark' });

    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, monitoringPath());
    await page.getByRole('button', { name: 'Initial sync' }).click();
    const wizard = page.getByRole('dialog', { name: 'Initial sync with SmartAdvocate' });
    await expect(wizard.getByTestId('initial-preview')).toContainText('Read 1,000 SmartAdvocate records');
    await viewScreenshot(page, testInfo, 'crm-initial-sync-preview-dark');

    // Every page of the listing now takes two seconds: time to cancel with pages still to read.
    sim.setFault({ kind: 'slow', ms: 2_000 });
    await wizard.getByRole('button', { name: 'Start initial sync' }).click();
    const running = wizard.getByTestId('initial-running');
    await expect(jobCount(running, 'read')).not.toHaveText('0');
    await viewScreenshot(page, testInfo, 'crm-initial-sync-running-dark');
    await running.getByRole('button', { name: 'Cancel the initial sync' }).click();

    const result = wizard.getByTestId('initial-result');
    await expect(result).toHaveAttribute('data-state', 'cancelled');
    await expect(result.getByTestId('initial-result-title')).toContainText('cancelled');
    const read = Number((await jobCount(result, 'read').textContent())?.replace(/,/g, ''));
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(1_000);
    await viewScreenshot(page, testInfo, 'crm-initial-sync-cancelled-dark');
    sim.setFault(null);

    // What it brought in stays: the cases it made in Kayse are there and linked.
    const job = (await kayse.api.sync.initialStatus({ crm: 'smartadvocate' })).job!;
    expect(job).toMatchObject({ state: 'cancelled' });
    expect(job.counts.read).toBe(read);
    const cases = await kayse.api.cases.list({ limit: 1 });
    expect(cases.total).toBe(job.counts.createdInKayse);
    await result.getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('[data-testid=run-row][data-trigger=initial]')).toHaveAttribute('data-outcome', 'cancelled');
  });
});
