// Data in and out through the UI: the CSV import wizard (mapping, dry run, progress, rejected rows, a re-import
// that changes nothing), ingest API keys (created, used, revoked) and a filtered CSV export.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openConsole, screenshot, test } from './fixtures';

const CASES_CSV = fileURLToPath(new URL('./fixtures/cases-one-bad-row.csv', import.meta.url));
const PERSONAL_INJURY = {
  name: 'Personal Injury',
  statuses: ['Intake', 'Signed', 'Closed'],
  fields: [
    { key: 'accident_date', label: 'Accident date', type: 'date' as const },
    { key: 'amount', label: 'Amount', type: 'number' as const },
  ],
};

/** Picks the fixture through the "Choose a file…" button, as a user would. */
async function chooseFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(path);
}

const mappingOf = (page: Page, column: string) => page.getByRole('combobox', { name: `Import column "${column}" as` });

async function expectCounts(page: Page, counts: { created: number; updated: number; unchanged: number; rejected: number }): Promise<void> {
  for (const [key, value] of Object.entries(counts)) {
    await expect(page.getByTestId(`count-${key}`).getByTestId('count-value'), key).toHaveText(String(value));
  }
}

test.describe('import wizard', () => {
  test('a cases file with one bad row: suggested mapping, dry run with the reason, import to 100 %, rejected rows downloaded, and a re-import that changes nothing', async ({ page, console: kayse }, testInfo) => {
    await kayse.api.caseTypes.create(PERSONAL_INJURY);
    await openConsole(page, kayse, '/settings/integrations');
    await page.getByRole('link', { name: 'Import' }).click();
    await expect(page).toHaveURL(/#\/import$/);

    // 1. Kind and file.
    await page.getByRole('radio', { name: 'Cases' }).check();
    await chooseFile(page, CASES_CSV);
    await expect(page.getByTestId('chosen-file')).toContainText('cases-one-bad-row.csv');
    await page.getByRole('button', { name: 'Next: map columns' }).click();

    // 2. Every column preselected from its name.
    await expect(page.getByTestId('mapping-origin')).toHaveAttribute('data-origin', 'suggested');
    await expect(mappingOf(page, 'Case ID')).toHaveValue('External ID');
    await expect(mappingOf(page, 'Case Name')).toHaveValue('Case name (required)');
    await expect(mappingOf(page, 'Case Type')).toHaveValue('Case type (required)');
    await expect(mappingOf(page, 'Status')).toHaveValue('Status (required)');
    await expect(mappingOf(page, 'Accident Date')).toHaveValue('Accident date');
    await expect(mappingOf(page, 'Amount')).toHaveValue('Amount');
    await expect(page.getByTestId('sample-rows')).toContainText('Rivera v. Metro Transit');
    await expect(page.getByRole('textbox', { name: 'External source' })).toHaveValue('csv');
    await screenshot(page, testInfo, 'import-mapping');
    await page.getByRole('button', { name: 'Next: check the file' }).click();

    // 3. The dry run: four new cases, one row refused, and every reason why (status, date and amount).
    await expectCounts(page, { created: 4, updated: 0, unchanged: 0, rejected: 1 });
    const rejects = page.getByTestId('rejects-table');
    const badRow = rejects.getByRole('row', { name: /^5 / });
    await expect(badRow.getByRole('listitem')).toHaveText([
      /^Status \(column "Status"\): Unknown status "Settled" for case type Personal Injury\. Valid statuses: Intake, Signed, Closed\.$/,
      'Accident date (column "Accident Date"): expected a date as YYYY-MM-DD, got "10/02/2026"',
      'Amount (column "Amount"): expected a number, got "lots"',
    ]);
    expect((await kayse.api.workspace.summary()).cases).toBe(0);
    await screenshot(page, testInfo, 'import-dry-run');

    // 4. The import, followed to the end.
    await page.getByRole('button', { name: 'Import 4 rows' }).click();
    await expect(page.getByTestId('task-progress')).toHaveAttribute('data-percent', '100');
    await expect(page.getByTestId('task-progress-label')).toHaveText('100 % · 5 of 5 rows');
    await expect(page.getByTestId('import-done')).toBeVisible();
    await expectCounts(page, { created: 4, updated: 0, unchanged: 0, rejected: 1 });
    expect((await kayse.api.workspace.summary()).cases).toBe(4);
    await expect(page.getByRole('link', { name: 'Open the cases' })).toHaveAttribute('href', '#/cases');
    await screenshot(page, testInfo, 'import-done');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download rejected rows' }).click();
    const rejected = await download;
    expect(rejected.suggestedFilename()).toBe('cases-one-bad-row-rejected.csv');
    const rejectedCsv = await readFile(await rejected.path(), 'utf8');
    const [header, ...rows] = rejectedCsv.trim().split(/\r?\n/);
    expect(header).toBe('Case ID,Case Name,Case Type,Status,Accident Date,Amount,reasons');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('PI-1004,Novak dog bite,Personal Injury,Settled,10/02/2026,lots,');
    expect(rows[0]).toContain('Unknown status ""Settled"" for case type Personal Injury');
    expect(rows[0]).toContain('; Accident date (column ""Accident Date""): expected a date as YYYY-MM-DD, got ""10/02/2026""; Amount (column ""Amount""): expected a number');

    // The same file again: the mapping is remembered, and nothing changes.
    await page.getByRole('button', { name: 'Import another file' }).click();
    await expect(page.getByRole('radio', { name: 'Cases' })).toBeChecked();
    await chooseFile(page, CASES_CSV);
    await page.getByRole('button', { name: 'Next: map columns' }).click();
    await expect(page.getByTestId('mapping-origin')).toHaveAttribute('data-origin', 'remembered');
    await expect(page.getByTestId('mapping-origin')).toHaveText('Mapping remembered from your last import of this file layout.');
    await expect(mappingOf(page, 'Accident Date')).toHaveValue('Accident date');
    await expect(mappingOf(page, 'Amount')).toHaveValue('Amount');
    await page.getByRole('button', { name: 'Next: check the file' }).click();
    await expectCounts(page, { created: 0, updated: 0, unchanged: 4, rejected: 1 });
    await page.getByRole('button', { name: 'Import 4 rows' }).click();
    await expect(page.getByTestId('import-done')).toBeVisible();
    await expectCounts(page, { created: 0, updated: 0, unchanged: 4, rejected: 1 });
    expect((await kayse.api.workspace.summary()).cases).toBe(4);
  });
});

test.describe('ingest API keys', () => {
  test('a key created in the UI is shown once, lets an event in (202), and once revoked in the UI is refused (401)', async ({ page, console: kayse }, testInfo) => {
    await openConsole(page, kayse, '/settings/ingest');
    await expect(page.getByTestId('ingest-state')).toHaveText('Listening');
    const baseUrl = await page.getByTestId('ingest-base-url').inputValue();
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(page.getByTestId('ingest-curl')).toContainText(`curl -i -X POST ${baseUrl}/v1/events`);
    await expect(page.getByTestId('ingest-keys-empty')).toBeVisible();

    await page.getByRole('button', { name: 'New key' }).click();
    const form = page.getByRole('dialog', { name: 'New ingest API key' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Voice platform (e2e)');
    await form.getByRole('textbox', { name: /Rate limit/ }).fill('120');
    await form.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('dialog', { name: 'Your new API key' });
    await expect(shown).toContainText("Copy the key now: you won't see it again");
    const apiKey = await shown.getByTestId('new-key-value').inputValue();
    expect(apiKey).toMatch(/^kik_/);
    await screenshot(page, testInfo, 'ingest-new-key');
    await shown.getByRole('button', { name: "I've copied the key" }).click();
    await expect(shown).toBeHidden();

    const row = page.getByRole('row', { name: /Voice platform \(e2e\)/ });
    await expect(row.getByTestId('key-status')).toHaveText('Active');
    await expect(row).toContainText(`${apiKey.slice(0, 12)}…`);
    await expect(row).toContainText('120/min');
    await expect(row).toContainText('Never');
    await expect(page.getByText(apiKey)).toHaveCount(0);

    const at = new Date().toISOString();
    const event = {
      type: 'call_started',
      occurred_at: at,
      data: { call_id: 'call_e2e_1', direction: 'inbound', from_number: '+15551230001', to_number: '+15559870002', started_at: at },
    };
    const post = () =>
      fetch(`${baseUrl}/v1/events`, { method: 'POST', headers: { 'x-api-key': apiKey, 'content-type': 'application/json' }, body: JSON.stringify(event) });
    expect((await post()).status).toBe(202);
    // The key's "last used" follows without a reload.
    await expect(row).not.toContainText('Never');
    await screenshot(page, testInfo, 'ingest-keys');

    await row.getByRole('button', { name: 'Revoke Voice platform (e2e)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke "Voice platform (e2e)"?' });
    await expect(confirm).toContainText("can't be undone");
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await expect(confirm).toBeHidden();
    await expect(row.getByTestId('key-status')).toHaveText('Revoked');
    await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);

    const refused = await post();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/revoked/);
  });
});

test.describe('export', () => {
  test('cases filtered by case type and status download as a CSV with a header row and the matching cases', async ({ page, console: kayse }, testInfo) => {
    await kayse.api.caseTypes.create(PERSONAL_INJURY);
    const csv = await readFile(CASES_CSV, 'utf8');
    const mapping = { 'Case ID': 'externalId', 'Case Name': 'name', 'Case Type': 'caseType', Status: 'status', 'Accident Date': 'custom.accident_date' };
    const { taskId } = await kayse.api.imports.run({ kind: 'cases', fileName: 'cases.csv', csv, mapping });
    await expect.poll(async () => (await kayse.api.imports.result({ taskId })).status).toBe('finished');

    await openConsole(page, kayse, '/export');
    await expect(page.getByRole('radio', { name: 'Cases' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'CSV' })).toBeChecked();
    await page.getByRole('combobox', { name: 'Case type' }).click();
    await page.getByRole('option', { name: 'Personal Injury' }).click();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Intake' }).click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export cases' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^cases-\d{8}-\d{4}\.csv$/);
    const content = (await readFile(await file.path(), 'utf8')).replace(/^\ufeff/, '');
    const [header, ...rows] = content.trim().split(/\r?\n/);
    expect(header).toBe(
      'id,caseNumber,name,caseTypeId,caseType,statusId,status,campaignId,campaignName,clientIds,clientNames,externalSource,externalId,version,createdAt,updatedAt,isDemo,custom.accident_date,custom.amount',
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.split(',')[2]).sort()).toEqual(['Okafor slip and fall', 'Rivera v. Metro Transit']);
    for (const r of rows) expect(r).toContain(',Personal Injury,');

    await expect(page.getByTestId('task-progress')).toHaveAttribute('data-percent', '100');
    await expect(page.getByTestId('export-done')).toContainText('2 rows exported');
    await screenshot(page, testInfo, 'export');
  });
});
