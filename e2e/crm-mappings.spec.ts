// The CRM Mappings tab in Chromium through the headless host, against the SmartAdvocate simulator started by each
// test: a field mapped with the picker and one dragged with the keyboard, a type mismatch refused on its row,
// Auto-map's preview accepted, a status mapping with a substatus (and the choice a shared CRM status needs), Refresh
// after the simulator renamed one UDF and deleted another (mappings kept, the gone one marked missing, fixed), a
// failing catalog (what failed beside the last good catalog), and unsaved changes guarded when leaving.
import type { Locator, Page, TestInfo } from '@playwright/test';
import { startSmartAdvocateSimulator, type SmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';
import type { CaseType } from '../shared/domain/workspace';
import { expect as baseExpect, openConsole, screenshot as fullPageScreenshot, test, type ConsoleHost } from './fixtures';

const MAPPINGS = '/settings/integrations/smartadvocate?tab=mappings';

const AUTO = {
  name: 'Auto Accident',
  statuses: ['New', 'Contacted', 'Docs Out', 'Signed', 'Closed'],
  fields: [
    { key: 'accident_date', label: 'Accident Date', type: 'date' as const },
    { key: 'injury_type', label: 'Injury Type', type: 'single_select' as const, options: ['Whiplash', 'Fracture', 'Burn'] },
    { key: 'police_report_filed', label: 'Police Report Filed', type: 'yes_no' as const },
    { key: 'notes', label: 'Intake summary', type: 'text' as const },
  ],
};

// Long flows with many round trips on a shared, busy machine: more time per step and per test than the defaults.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

async function screenshot(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await fullPageScreenshot(page, testInfo, screen);
}

/** SmartAdvocate connected to a fresh simulator, and Kayse's Auto Accident case type. */
async function setUp(kayse: ConsoleHost, sim: SmartAdvocateSimulator): Promise<CaseType> {
  const connected = await kayse.api.crm.connect({ crm: 'smartadvocate', endpointUrl: sim.host, username: sim.credentials.username, password: sim.credentials.password });
  expect(connected.ok, JSON.stringify(connected.checks)).toBe(true);
  return kayse.api.caseTypes.create(AUTO);
}

const row = (page: Page, kayseField: string) => page.locator(`[data-testid="field-mapping-row"][data-kayse-field="${kayseField}"]`);
const custom = (t: CaseType, key: string) => `custom.${t.id}.${key}`;

async function pick(page: Page, kayseLabel: string, search: string, option: RegExp): Promise<void> {
  const input = page.getByRole('combobox', { name: `SmartAdvocate field for ${kayseLabel}`, exact: true });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).click();
}

/** Keyboard drag-and-drop: Space picks the CRM field up, Down moves row by row until `target` is under it, Space drops. */
async function keyboardDrag(page: Page, crmFieldId: string, target: Locator): Promise<void> {
  const handle = page.locator(`[data-testid="crm-field-draggable"][data-field-id="${crmFieldId}"]`);
  await handle.focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 20 && (await target.getAttribute('data-over')) !== 'true'; i += 1) await page.keyboard.press('ArrowDown');
  await expect(target).toHaveAttribute('data-over', 'true');
  await page.keyboard.press('Space');
}

/** Mouse drag-and-drop: pressed on the CRM field, moved in steps over the row, released. */
async function mouseDrag(page: Page, crmFieldId: string, target: Locator): Promise<void> {
  const from = await page.locator(`[data-testid="crm-field-draggable"][data-field-id="${crmFieldId}"]`).boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('the CRM field or the row is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 - 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 3, to.y + to.height / 2, { steps: 12 });
  await expect(target).toHaveAttribute('data-over', 'true');
  await page.mouse.up();
}

test.describe('CRM Mappings', () => {
  test('fields mapped with the picker and by keyboard drag-and-drop, a type mismatch on its row, Auto-map accepted', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startSmartAdvocateSimulator());
    const auto = await setUp(kayse, sim);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, MAPPINGS);
    await expect(page.getByRole('tab', { name: 'CRM Mappings' })).toHaveAttribute('aria-selected', 'true');
    await expect(row(page, custom(auto, 'notes'))).toHaveAttribute('data-state', 'unmapped');
    await expect(page.getByTestId('crm-field-draggable').first()).toBeVisible();
    await screenshot(page, testInfo, 'crm-mappings-empty');

    // The picker searches the UDF short name; the option shows short name first, type and options.
    await pick(page, 'Accident Date', 'accdate', /^AccDate · Accident Date/);
    await expect(row(page, custom(auto, 'accident_date'))).toHaveAttribute('data-state', 'mapped');
    await keyboardDrag(page, '3006', row(page, custom(auto, 'notes')));
    await expect(page.getByRole('combobox', { name: 'SmartAdvocate field for Intake summary', exact: true })).toHaveValue('Intake · Intake Notes');
    await expect(page.getByTestId('field-mapping-unsaved')).toBeVisible();
    // And with the mouse: SmartAdvocate's Phone dropped on Client phone (both on screen at once).
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.evaluate('window.scrollTo(0, 0)');
    await mouseDrag(page, 'standard.phone', row(page, 'client.phone'));
    await expect(page.getByRole('combobox', { name: 'SmartAdvocate field for Client phone', exact: true })).toHaveValue('Phone');

    // A yes/no into a number field: the save is refused and the row says which pair and why.
    await pick(page, 'Police Report Filed', 'treatments', /^Treatments · Number of Treatments/);
    await page.getByRole('button', { name: 'Save field mapping' }).click();
    const refused = row(page, custom(auto, 'police_report_filed'));
    await expect(refused).toHaveAttribute('data-state', 'refused');
    await expect(refused.getByTestId('mapping-refusal')).toContainText('"Auto Accident › Police Report Filed" → "Number of Treatments"');
    await expect(refused.getByTestId('mapping-refusal')).toContainText('a yes/no goes only to a yes/no or text field');
    await expect(page.getByTestId('field-mapping-refused')).toContainText('Nothing was saved');
    expect((await kayse.api.sync.fieldMappings({ crm: 'smartadvocate' })).sets[0]!.mappings).toEqual([]);
    await screenshot(page, testInfo, 'crm-mappings-type-mismatch');
    await pick(page, 'Police Report Filed', 'police', /^Police · Police Report Filed/);
    await expect(refused).toHaveAttribute('data-state', 'mapped');

    // Auto-map: a preview first; one accepted on its row, then the rest.
    await page.getByRole('button', { name: 'Auto-map' }).click();
    const preview = page.getByTestId('auto-map-preview');
    await expect(preview).toBeVisible();
    await expect(preview.getByTestId('auto-map-proposal').filter({ hasText: 'Injury Type' })).toContainText('Name');
    await screenshot(page, testInfo, 'crm-mappings-auto-map-preview');
    const proposals = await preview.getByTestId('auto-map-proposal').count();
    expect(proposals).toBeGreaterThan(1);
    await preview.getByRole('button', { name: /^Accept Auto Accident › Injury Type/ }).click();
    await expect(preview.getByTestId('auto-map-proposal')).toHaveCount(proposals - 1);
    await preview.getByRole('button', { name: 'Accept all' }).click();
    await expect(preview).toBeHidden();
    // Injury Type's options: Burn has no SmartAdvocate option, SmartAdvocate's extra ones none in Kayse.
    await expect(row(page, custom(auto, 'injury_type')).getByTestId('mapping-options-note')).toContainText('Kayse "Burn" not sent');

    await page.getByRole('button', { name: 'Save field mapping' }).click();
    const saved = page.getByTestId('field-mapping-saved');
    await expect(saved).toContainText('Field mapping saved: Defaults');
    await expect(saved).toContainText('Auto Accident › Accident Date → "Accident Date" (added)');
    await expect(page.getByTestId('field-mapping-unsaved')).toBeHidden();
    const set = (await kayse.api.sync.fieldMappings({ crm: 'smartadvocate' })).sets[0]!;
    const pairs = Object.fromEntries(set.mappings.map((m) => [m.kayseField, m.crmFieldId]));
    expect(pairs).toMatchObject({
      [custom(auto, 'accident_date')]: '3001',
      [custom(auto, 'notes')]: '3006',
      [custom(auto, 'police_report_filed')]: '3004',
      [custom(auto, 'injury_type')]: '3002',
      'client.email': 'standard.email',
    });
    await screenshot(page, testInfo, 'crm-mappings-saved');

    // An override set for one SmartAdvocate case type is marked in the selector.
    await kayse.api.sync.saveFieldMappings({ crm: 'smartadvocate', crmCaseTypeId: '1249', mappings: [{ kayseField: 'case.name', crmFieldId: '3006', direction: 'to_crm' }] });
    await page.getByRole('combobox', { name: 'SmartAdvocate case type', exact: true }).click();
    await expect(page.getByRole('option', { name: 'Auto Accident · overrides (1)' })).toBeVisible();
    await page.getByRole('option', { name: 'Auto Accident · overrides (1)' }).click();
    await expect(row(page, 'case.name')).toHaveAttribute('data-state', 'mapped');
    // A Kayse field without an override shows the default it falls back to.
    await expect(page.getByRole('combobox', { name: 'SmartAdvocate field for Client email', exact: true })).toHaveAttribute('placeholder', 'Default: Email');
    await screenshot(page, testInfo, 'crm-mappings-override-set');
  });

  test('a status mapping with a SmartAdvocate substatus, and which Kayse status a shared CRM status sets', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startSmartAdvocateSimulator());
    const auto = await setUp(kayse, sim);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, MAPPINGS);
    const section = page.getByTestId('status-mapping');
    const choose = async (label: string, option: string) => {
      await section.getByRole('combobox', { name: label, exact: true }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await choose('SmartAdvocate status for New', 'Intake');
    await choose('Substatus for New', 'Intake Stage: Docs sent');
    await choose('SmartAdvocate status for Contacted', 'Signed Up');
    await choose('SmartAdvocate status for Docs Out', 'Signed Up');
    const question = section.getByTestId('status-reverse-question');
    await expect(question).toContainText('"Signed Up" is mapped from "Contacted" and "Docs Out": which one should it set in Kayse?');
    await section.getByRole('button', { name: 'Save status mapping' }).click();
    await expect(section.getByTestId('status-refusal').first()).toContainText('choose which one it sets in Kayse');
    await screenshot(page, testInfo, 'crm-mappings-status-question');

    await section.getByRole('radio', { name: 'Sets "Docs Out"' }).check();
    await expect(question).toBeHidden();
    await section.getByRole('button', { name: 'Save status mapping' }).click();
    const savedNote = section.getByTestId('status-mapping-saved');
    await expect(savedNote).toContainText('Status mapping saved: Auto Accident');
    await expect(savedNote).toContainText('New → "Intake" + Intake Stage: "Docs sent" (added)');
    const set = (await kayse.api.sync.statusMappings({ crm: 'smartadvocate' })).caseTypes.find((c) => c.kayseCaseTypeId === auto.id)!;
    expect(set.mappings.find((m) => m.kayseStatusName === 'New')).toMatchObject({ crmStatusName: 'Intake', substatus: { typeName: 'Intake Stage', statusName: 'Docs sent' } });
    expect(set.reverse.find((r) => r.crmStatusName === 'Signed Up')).toMatchObject({ kayseStatusName: 'Docs Out', sharedBy: expect.arrayContaining([expect.any(String), expect.any(String)]) });
    await screenshot(page, testInfo, 'crm-mappings-status-saved');
  });

  test('Refresh after SmartAdvocate renamed one UDF and deleted another: mappings kept, the gone one marked missing and fixed; leaving asks first', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startSmartAdvocateSimulator());
    const auto = await setUp(kayse, sim);
    const mappings = [
      { kayseField: custom(auto, 'accident_date'), crmFieldId: '3001', direction: 'both' as const },
      { kayseField: custom(auto, 'notes'), crmFieldId: '3006', direction: 'both' as const },
    ];
    await kayse.api.sync.saveFieldMappings({ crm: 'smartadvocate', crmCaseTypeId: null, mappings });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, MAPPINGS);
    await expect(row(page, custom(auto, 'accident_date'))).toHaveAttribute('data-state', 'mapped');

    sim.renameUdf('3006', 'Intake Summary', 'IntakeSum');
    sim.deleteUdf('3001');
    await page.getByRole('button', { name: 'Refresh CRM fields' }).click();
    await expect(page.getByTestId('refresh-outcome')).toContainText('0 new fields, 1 missing', { timeout: 20_000 });
    const gone = row(page, custom(auto, 'accident_date'));
    await expect(gone).toHaveAttribute('data-state', 'missing');
    await expect(gone.getByTestId('mapping-missing')).toContainText('Missing in SmartAdvocate');
    await expect(gone.getByTestId('mapping-missing')).toContainText('"Accident Date" (3001) is no longer in the CRM\'s fields');
    await expect(page.getByRole('combobox', { name: 'SmartAdvocate field for Accident Date', exact: true })).toHaveValue('Accident Date (missing in the CRM)');
    await expect(page.getByRole('combobox', { name: 'SmartAdvocate field for Intake summary', exact: true })).toHaveValue('IntakeSum · Intake Summary');
    await expect(row(page, custom(auto, 'notes'))).toHaveAttribute('data-state', 'mapped');
    expect((await kayse.api.sync.fieldMappings({ crm: 'smartadvocate' })).sets[0]!.mappings.map((m) => [m.crmFieldId, m.missing])).toEqual([
      ['3001', true],
      ['3006', false],
    ]);
    await screenshot(page, testInfo, 'crm-mappings-refresh-missing');

    // The fix: remove it. Unsaved, leaving for another tab asks; Stay keeps the change.
    await gone.getByRole('button', { name: 'Remove the missing mapping of Accident Date' }).click();
    await expect(gone).toHaveAttribute('data-state', 'unmapped');
    await page.getByRole('tab', { name: 'Sync settings' }).click();
    const modal = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await expect(modal).toContainText("SmartAdvocate's mapping has changes that are not saved");
    await screenshot(page, testInfo, 'crm-mappings-unsaved-guard');
    await modal.getByRole('button', { name: 'Stay' }).click();
    await expect(page.getByRole('tab', { name: 'CRM Mappings' })).toHaveAttribute('aria-selected', 'true');
    await expect(gone).toHaveAttribute('data-state', 'unmapped');
    await page.getByRole('button', { name: 'Save field mapping' }).click();
    await expect(page.getByTestId('field-mapping-saved')).toContainText('Auto Accident › Accident Date: "Accident Date" removed');
    expect((await kayse.api.sync.fieldMappings({ crm: 'smartadvocate' })).sets[0]!.mappings.map((m) => m.crmFieldId)).toEqual(['3006']);
    await page.getByRole('tab', { name: 'Sync settings' }).click();
    await expect(page.getByTestId('crm-sync-settings')).toBeVisible();
  });

  test("a failing catalog: what failed, the CRM's answer, what to do, and the last good catalog with its date (light and dark)", async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startSmartAdvocateSimulator());
    await setUp(kayse, sim);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openConsole(page, kayse, MAPPINGS);
    const fields = page.getByTestId('crm-field-draggable');
    await expect(fields).toHaveCount(12);

    sim.setFault({ kind: 'catalog_fails' });
    await page.getByRole('button', { name: 'Refresh CRM fields' }).click();
    const failure = page.getByTestId('refresh-fields').getByTestId('catalog-failure');
    await expect(failure).toBeVisible({ timeout: 20_000 });
    await expect(failure).toContainText("Couldn't load");
    await expect(failure.getByTestId('catalog-failure-fix')).toContainText('What to do:');
    await expect(failure.getByTestId('catalog-failure-fallback')).toContainText('The list below is the last catalog that loaded, on');
    await expect(page.getByTestId('refresh-outcome')).toBeHidden();
    // Never an empty list: the last good catalog's fields are still offered.
    await expect(fields).toHaveCount(12);
    await screenshot(page, testInfo, 'crm-mappings-catalog-failed');

    await kayse.api.preferences.update({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expect(failure).toBeVisible();
    await screenshot(page, testInfo, 'crm-mappings-catalog-failed-dark');
  });

  test('not connected: saved mappings are kept and shown, the catalog never loaded is said plainly, and the tab fits 1024 px', async ({ page, console: kayse }, testInfo) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openConsole(page, kayse, '/settings/integrations/lawruler?tab=mappings');
    await expect(page.getByTestId('mappings-not-connected')).toContainText('LawRuler is not connected');
    await expect(page.getByTestId('mappings-catalog-loaded-at')).toHaveText("LawRuler's fields and statuses have never loaded.");
    await expect(page.getByRole('button', { name: 'Refresh CRM fields' })).toBeDisabled();
    await expect(page.getByTestId('status-mapping-empty')).toContainText('Kayse has no case types yet');
    const widths = (await page.evaluate('({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth })')) as { page: number; view: number };
    expect(widths.page, `the page is ${widths.page} px wide in a ${widths.view} px window`).toBeLessThanOrEqual(widths.view);
    await screenshot(page, testInfo, 'crm-mappings-not-connected');
  });
});
