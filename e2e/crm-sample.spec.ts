// "Test with a sample record" in Chromium through the headless host, against the SmartAdvocate simulator started by
// the test: a linked case changed in Kayse while the sync waits for its hourly run, picked by name; the dry run shows
// the accident date that would change beside SmartAdvocate's record before, and writes nothing; Apply sends it and
// marks only that field changed; a SmartAdvocate record id not linked to a case says why nothing would be applied.
import type { Page } from '@playwright/test';
import { startSmartAdvocateSimulator, type SmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';
import { connectIngest, connectSmartAdvocate, createAuto, expectFits1024, screenshot } from './crm-sync-helpers';
import { expect as baseExpect, openConsole, test } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

/** The requests that change something in SmartAdvocate (anything but reads and signing in). */
const writes = (sim: SmartAdvocateSimulator) => sim.requests().filter((r) => r.method !== 'GET' && r.operation !== 'authenticate' && r.operation !== 'CasesByDatePaged').length;

async function pickCase(page: Page, search: string, option: RegExp): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Kayse case', exact: true });
  await box.click();
  await box.fill(search);
  await page.getByRole('option', { name: option }).click();
}

test.describe('CRM test with a sample record', () => {
  test('a case picked by name: the dry run writes nothing, Apply sends it and marks the changed field', async ({ page, request, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startSmartAdvocateSimulator({ records: 2 }));
    const auto = await createAuto(kayse);
    await connectSmartAdvocate(kayse, sim, auto);
    const ingest = await connectIngest(request, kayse);
    await ingest.putCase('2', { firstName: 'Zed', lastName: 'Other', email: 'zed.other@example.com' });
    const caseId = await ingest.putCase('1', { firstName: 'Ana', lastName: 'Rivera', email: 'ana.rivera@example.com' });
    await expect.poll(() => sim.created().length).toBe(2);
    await expect.poll(async () => (await kayse.api.sync.linksOfCase({ caseId })).links[0]?.crmRecordId ?? null).not.toBeNull();
    const recordId = (await kayse.api.sync.linksOfCase({ caseId })).links[0]?.crmRecordId;
    if (!recordId) throw new Error("Ana's case is not linked with a SmartAdvocate record");
    // From now on changes wait for the hourly run, so the one below is still to send when the sample is tried.
    await kayse.api.sync.updateSettings({ crm: 'smartadvocate', frequency: { kind: 'hourly' } });
    const current = await kayse.api.cases.get({ id: caseId });
    await kayse.api.cases.update({ id: caseId, expectedVersion: current.case.version, customValues: { accident_date: '2026-03-14' } });
    const accident = `custom.${auto.id}.accident_date`;

    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, '/settings/integrations/smartadvocate?tab=sample');
    await expect(page.getByRole('tab', { name: 'Test a sample record' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('button', { name: 'Apply to SmartAdvocate' })).toBeDisabled();
    await screenshot(page, testInfo, 'crm-sample-empty');
    await pickCase(page, 'Ana', /Ana Rivera v\. Driver/);

    const before = writes(sim);
    await page.getByRole('button', { name: 'Dry run' }).click();
    const dry = page.getByTestId('sample-dry-run');
    await expect(dry).toHaveAttribute('data-operation', 'update');
    await expect(dry.getByTestId('sample-operation')).toHaveText('Would update the linked record');
    const changed = dry.locator(`[data-testid=mapped-value][data-field="${accident}"]`);
    await expect(changed).toHaveAttribute('data-differs', 'true');
    await expect(changed.getByTestId('mapped-value-crm')).toContainText('—');
    await expect(dry.locator('[data-testid=mapped-value][data-field="client.first_name"]')).toHaveAttribute('data-differs', 'false');
    await expect(dry.getByTestId('crm-before')).toContainText('Ana');
    // Ids in words from the stored catalog: SmartAdvocate's status 801 and case type 1249.
    await expect(dry.getByTestId('crm-before')).toContainText('Intake');
    await expect(dry.getByTestId('crm-before')).toContainText('Auto Accident');
    // Nothing written: SmartAdvocate served no write, and the change still waits.
    expect(writes(sim)).toBe(before);
    expect((await kayse.api.sync.status({ crm: 'smartadvocate' })).pending).toBeGreaterThan(0);
    await screenshot(page, testInfo, 'crm-sample-dry-run');
    await expectFits1024(page);

    await page.getByRole('button', { name: 'Apply to SmartAdvocate' }).click();
    const applied = page.getByTestId('sample-apply');
    await expect(applied).toHaveAttribute('data-outcome', 'updated');
    await expect(applied.getByTestId('sample-apply-summary')).toContainText(`1 field changed · record ${recordId}`);
    const udf = applied.locator('[data-testid=diff-row][data-field="3001"]');
    await expect(udf).toHaveAttribute('data-changed', 'true');
    await expect(udf.getByTestId('diff-after')).toContainText('2026');
    await expect(applied.locator('[data-testid=diff-row][data-changed=true]')).toHaveCount(1);
    expect(writes(sim)).toBeGreaterThan(before);
    expect(String(sim.caseState(recordId)?.udfs['3001'])).toContain('2026-03-14');
    await screenshot(page, testInfo, 'crm-sample-applied');

    // A SmartAdvocate record no Kayse case is linked to: nothing would be applied, and why.
    await page.getByText('A SmartAdvocate record', { exact: true }).click();
    await page.getByRole('textbox', { name: 'SmartAdvocate record id' }).fill('600000');
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect(dry).toHaveAttribute('data-operation', 'skip');
    await expect(dry.getByTestId('sample-skip-reason')).toContainText('No Kayse case is linked');
    await expect(page.getByRole('button', { name: 'Apply to SmartAdvocate' })).toBeDisabled();
    await screenshot(page, testInfo, 'crm-sample-crm-record-unlinked');
    // Ana's record: what SmartAdvocate's values would bring to her case.
    await page.getByRole('textbox', { name: 'SmartAdvocate record id' }).fill(recordId);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect(dry).toHaveAttribute('data-operation', 'apply');
    await expect(dry.getByTestId('sample-operation')).toHaveText('Would apply to the linked Kayse case');
    await expect(dry.locator('[data-testid=mapped-value][data-field="client.first_name"]').getByTestId('mapped-value-sent')).toHaveText('Ana');
    await screenshot(page, testInfo, 'crm-sample-crm-record');

    await kayse.api.preferences.update({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await pickCase(page, 'Ana', /Ana Rivera v\. Driver/);
    await page.getByRole('button', { name: 'Dry run' }).click();
    // Applied: SmartAdvocate holds the accident date now, so the dry run has nothing left to change there.
    await expect(dry.locator(`[data-testid=mapped-value][data-field="${accident}"]`)).toHaveAttribute('data-differs', 'false');
    await expect(dry.getByTestId('sample-nothing-differs')).toBeVisible();
    await expect(dry.getByTestId('crm-before')).toContainText('Accident Date');
    await screenshot(page, testInfo, 'crm-sample-dry-run-dark');
  });
});
