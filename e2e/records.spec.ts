// The Workspace screens in Chromium through the headless host: the cases list (filters in the address bar, a
// virtualized table), a case's status changed in the UI with origin Console, clients, events with their payload,
// and the empty state. Data goes in the way the platform sends it: the ingest API.
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type { CaseType } from '../shared/domain/workspace';
import { expect, openConsole, screenshot, test, type ConsoleHost } from './fixtures';

// Hosts started by this file take any free ingest port: the default one may be held by a host running in parallel.
process.env.KAYSE_INGEST_PORT = '0';

const MAX_ROWS_IN_DOM = 150;
const BIG_LIST = 2_050;

/** Calls the host's ingest API with a fresh API key. */
interface Ingest {
  put(path: string, body: unknown): Promise<{ id: string }>;
  postEvents(events: unknown[]): Promise<void>;
}

async function connectIngest(request: APIRequestContext, host: ConsoleHost): Promise<Ingest> {
  const status = await host.api.ingest.status();
  expect(status.listening, `the ingest API is not listening: ${status.error}`).toBe(true);
  const { apiKey } = await host.api.ingestKeys.create({ name: 'e2e records', rateLimitPerMinute: 1_000_000 });
  const headers = { 'x-api-key': apiKey };
  return {
    async put(path, body) {
      const response = await request.put(`${status.url}${path}`, { headers, data: body });
      expect(response.status(), await response.text()).toBeLessThan(300);
      return (await response.json()) as { id: string };
    },
    async postEvents(events) {
      const response = await request.post(`${status.url}/v1/events`, { headers, data: { events } });
      expect(response.status(), await response.text()).toBe(202);
    },
  };
}

interface Workspace {
  ingest: Ingest;
  injury: CaseType;
  campaignId: string;
  /** Case id by case name. */
  cases: Record<string, string>;
  janeId: string;
}

/** Two case types, a campaign, two clients and three cases. */
async function seedWorkspace(request: APIRequestContext, host: ConsoleHost): Promise<Workspace> {
  const injury = await host.api.caseTypes.create({
    name: 'Personal Injury',
    statuses: ['New lead', 'Intake scheduled', 'Signed', 'Rejected'],
    fields: [
      { key: 'accident_date', label: 'Accident date', type: 'date' },
      { key: 'injured', label: 'Injured', type: 'yes_no' },
    ],
  });
  await host.api.caseTypes.create({ name: 'Mass Tort', statuses: ['Screening', 'Qualified'] });
  const campaign = await host.api.campaigns.create({ name: 'Spring TV', caseTypeId: injury.id });
  const ingest = await connectIngest(request, host);
  const jane = await ingest.put('/v1/clients/crm/jane', {
    first_name: 'Jane',
    last_name: 'Doe',
    phones: ['+15551230001'],
    emails: ['jane.doe@example.com'],
    opt_outs: ['sms'],
  });
  await ingest.put('/v1/clients/crm/john', { first_name: 'John', last_name: 'Roe', phones: ['+15551230002'] });
  const cases: Record<string, string> = {};
  const add = async (ref: string, body: Record<string, unknown>) => (cases[body.name as string] = (await ingest.put(`/v1/cases/crm/${ref}`, body)).id);
  await add('c1', {
    name: 'Doe v. Acme Trucking',
    case_type: 'Personal Injury',
    status: 'New lead',
    campaign_id: campaign.id,
    clients: [{ external_source: 'crm', external_id: 'jane' }],
    custom_values: { accident_date: '2026-03-01', injured: true },
  });
  await add('c2', { name: 'Roe v. Big Pharma', case_type: 'Mass Tort', status: 'Screening', clients: [{ external_source: 'crm', external_id: 'john' }] });
  await add('c3', { name: 'Smith v. City Bus', case_type: 'Personal Injury', status: 'Signed', campaign_id: campaign.id });
  return { ingest, injury, campaignId: campaign.id, cases, janeId: jane.id };
}

/** Picks `option` in the Mantine select labelled `label`. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('cases', () => {
  test('filter the list, open a case, change its status: saved with origin Console and kept across a reload', async ({ page, request, console: kayse }, testInfo) => {
    const w = await seedWorkspace(request, kayse);
    const caseId = w.cases['Doe v. Acme Trucking']!;
    const before = await kayse.api.cases.get({ id: caseId });

    await openConsole(page, kayse, '/cases');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('record-count')).toHaveText('3 cases');
    await expect(page.locator('[data-testid=record-row][data-loaded=true]')).toHaveCount(3);
    await screenshot(page, testInfo, 'cases');

    // Filters narrow the list and live in the address bar.
    await choose(page, 'Case type', 'Personal Injury');
    await expect(page.getByTestId('record-count')).toHaveText('2 cases');
    await choose(page, 'Status', 'New lead');
    await expect(page.getByTestId('record-count')).toHaveText('1 case');
    await expect(page).toHaveURL(new RegExp(`#/cases\\?type=${w.injury.id}&status=`));
    await page.getByRole('textbox', { name: 'Search' }).fill('Acme');
    await expect(page).toHaveURL(/q=Acme/);
    await expect(page.getByTestId('record-count')).toHaveText('1 case');

    await page.getByTestId('record-row').filter({ hasText: 'Doe v. Acme Trucking' }).click();
    await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}$`));
    await expect(page.getByRole('heading', { level: 2, name: 'Doe v. Acme Trucking' })).toBeVisible();
    const header = page.getByTestId('case-status').first();
    await expect(header).toHaveText('New lead');
    await expect(page.getByTestId('case-custom-fields')).toContainText('Mar 1, 2026');
    await expect(page.getByTestId('case-client')).toContainText('Jane Doe');
    await expect(page.getByTestId('case-client')).toContainText('No SMS');

    await choose(page, 'Status', 'Signed');
    await expect(page.getByText('Status changed', { exact: true })).toBeVisible();
    await expect(header).toHaveText('Signed');
    const newest = page.getByTestId('history-entry').first();
    await expect(newest.getByTestId('change-origin')).toHaveText('Console');
    await expect(newest.getByTestId('change-line')).toHaveText(/Status\s*New lead.*Signed/);

    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await expect(header).toHaveText('Signed');
    await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('Signed');
    await expect(page.getByTestId('history-entry')).toHaveCount(2);
    await expect(page.getByTestId('history-entry').first().getByTestId('change-origin')).toHaveText('Console');
    await screenshot(page, testInfo, 'case-detail');

    const after = await kayse.api.cases.get({ id: caseId });
    expect(after.case.version).toBe(before.case.version + 1);
    expect(after.case.status).toBe('Signed');
    expect(after.history[0]).toMatchObject({ origin: 'console', changes: { status: { old: 'New lead', new: 'Signed' } } });

    // Back to the list keeps its filters: the case has left "New lead", so nothing matches any more.
    await page.getByRole('link', { name: 'Back to cases' }).click();
    await expect(page).toHaveURL(/#\/cases\?.*status=/);
    await expect(page.getByTestId('records-no-matches')).toBeVisible();
  });

  test('a status change made elsewhere first is not overwritten: the case is reloaded and the user told', async ({ page, request, console: kayse }) => {
    const w = await seedWorkspace(request, kayse);
    const caseId = w.cases['Doe v. Acme Trucking']!;
    // Without the event stream the open page can't learn of the other change by itself: its copy goes stale.
    await page.route('**/events', (route) => route.abort());
    await openConsole(page, kayse, `/cases/${caseId}`);
    await expect(page.getByTestId('case-status').first()).toHaveText('New lead');

    const loaded = await kayse.api.cases.get({ id: caseId });
    await kayse.api.cases.setStatus({ id: caseId, status: 'Intake scheduled', expectedVersion: loaded.case.version });
    await choose(page, 'Status', 'Rejected');

    await expect(page.getByRole('alert').filter({ hasText: 'changed elsewhere — reloaded' })).toBeVisible();
    await expect(page.getByTestId('case-status').first()).toHaveText('Intake scheduled');
    const stored = await kayse.api.cases.get({ id: caseId });
    expect(stored.case).toMatchObject({ status: 'Intake scheduled', version: loaded.case.version + 1 });
  });

  test(`with ${BIG_LIST.toLocaleString('en-US')} cases the table keeps under ${MAX_ROWS_IN_DOM} rows in the DOM while scrolling to the end`, async ({ page, console: kayse }) => {
    await kayse.api.caseTypes.create({ name: 'Auto Accident', statuses: ['New lead', 'Signed'] });
    // One CSV import is the quickest way in for thousands of cases.
    const csv = ['external_id,case_number,name,case_type,status', ...Array.from({ length: BIG_LIST }, (_, i) => `bulk-${i},B-${String(i).padStart(5, '0')},Bulk case ${i},Auto Accident,New lead`)].join('\n');
    const mapping = { external_id: 'externalId', case_number: 'caseNumber', name: 'name', case_type: 'caseType', status: 'status' };
    const { taskId } = await kayse.api.imports.run({ kind: 'cases', fileName: 'bulk.csv', csv, mapping });
    await expect
      .poll(async () => (await kayse.api.imports.result({ taskId })).status, { timeout: 30_000 })
      .toBe('finished');
    expect(await kayse.api.imports.result({ taskId })).toMatchObject({ created: BIG_LIST });

    await openConsole(page, kayse, '/cases');
    await expect(page.getByTestId('record-count')).toHaveText(`${BIG_LIST.toLocaleString('en-US')} cases`);
    await expect(page.getByRole('table', { name: 'Cases' })).toHaveAttribute('aria-rowcount', String(BIG_LIST + 1));
    const rows = page.getByTestId('record-row');
    const scroller = page.getByTestId('record-table-scroller');
    const STEPS = 15;
    for (let step = 1; step <= STEPS; step++) {
      await scroller.evaluate((el, fraction) => el.scrollTo({ top: el.scrollHeight * fraction }), step / STEPS);
      await expect(rows.first()).toBeVisible();
      expect(await rows.count()).toBeLessThan(MAX_ROWS_IN_DOM);
    }
    const last = page.locator(`[data-testid=record-row][aria-rowindex="${BIG_LIST + 1}"]`);
    await expect(last).toHaveAttribute('data-loaded', 'true');
    await expect(last).toContainText(/B-\d{5}/);
    expect(await rows.count()).toBeLessThan(MAX_ROWS_IN_DOM);

    // Keyboard: Home jumps to the first case, Enter opens it.
    await last.focus();
    await page.keyboard.press('Home');
    const first = page.locator('[data-testid=record-row][aria-rowindex="2"]');
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute('data-loaded', 'true');
    const number = ((await first.innerText()).match(/B-\d{5}/) ?? [''])[0];
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/cases\/[0-9A-Z]+$/);
    await expect(page.getByTestId('case-subtitle')).toContainText(number);
  });

  test('with no cases yet, the list explains how data gets in and links to those screens', async ({ page, console: kayse }) => {
    await openConsole(page, kayse, '/cases');
    const empty = page.getByTestId('records-empty');
    await expect(empty.getByText('No cases yet')).toBeVisible();
    await expect(empty.getByRole('link', { name: 'Set up the ingest API' })).toHaveAttribute('href', '#/settings/ingest');
    await expect(empty.getByRole('link', { name: 'Import a CSV file' })).toHaveAttribute('href', '#/import');
    await expect(empty.getByRole('link', { name: 'Explore with demo data' })).toHaveAttribute('href', '#/settings/integrations');
  });
});

test.describe('clients', () => {
  test('search the clients and open one: contact details, opt-outs, cases and history', async ({ page, request, console: kayse }, testInfo) => {
    const w = await seedWorkspace(request, kayse);
    await openConsole(page, kayse, '/clients');
    await expect(page.getByTestId('record-count')).toHaveText('2 clients');
    await screenshot(page, testInfo, 'clients');

    await page.getByRole('textbox', { name: 'Search' }).fill('jane');
    await expect(page).toHaveURL(/#\/clients\?q=jane$/);
    await expect(page.getByTestId('record-count')).toHaveText('1 client');
    await page.getByTestId('record-row').filter({ hasText: 'Jane Doe' }).press('Enter');

    await expect(page).toHaveURL(new RegExp(`#/clients/${w.janeId}$`));
    await expect(page.getByRole('heading', { level: 2, name: 'Jane Doe' })).toBeVisible();
    const contact = page.getByTestId('client-contact');
    await expect(contact).toContainText('+15551230001');
    await expect(contact).toContainText('jane.doe@example.com');
    await expect(contact.getByTestId('opt-outs')).toHaveText('No SMS');
    await expect(page.getByTestId('client-case')).toContainText('Doe v. Acme Trucking');
    await expect(page.getByTestId('client-history').getByTestId('change-origin')).toHaveText('Ingest');

    const detail = await kayse.api.clients.get({ id: w.janeId });
    expect(detail.cases.map((c) => c.name)).toEqual(['Doe v. Acme Trucking']);
  });
});

test.describe('damaged data', () => {
  test('a client whose stored phones are damaged is still listed and opens, the phones marked unreadable', async ({ page, request, console: kayse }) => {
    const w = await seedWorkspace(request, kayse);
    // Another program (or a disk fault) leaves a cell that is not JSON.
    const db = new Database(join(kayse.dataDir, 'console.db'));
    db.prepare('UPDATE clients SET phones = ? WHERE id = ?').run('["+1555', w.janeId);
    db.close();
    await openConsole(page, kayse, '/clients');
    await expect(page.getByTestId('record-count')).toHaveText('2 clients');
    const jane = page.getByTestId('record-row').filter({ hasText: 'Jane Doe' });
    await expect(jane.getByTestId('unreadable-value')).toHaveText('Unreadable');
    await expect(page.getByTestId('record-row').filter({ hasText: 'John Roe' })).toContainText('+15551230002');
    await jane.press('Enter');
    const contact = page.getByTestId('client-contact');
    await expect(contact.getByTestId('unreadable-value')).toHaveText('Phones unreadable');
    await expect(contact).toContainText('jane.doe@example.com');
  });
});

test.describe('events', () => {
  test('filter events by type, read one payload in the drawer, and see a new event arrive without a reload', async ({ page, request, console: kayse }, testInfo) => {
    const w = await seedWorkspace(request, kayse);
    const caseId = w.cases['Doe v. Acme Trucking']!;
    const at = new Date().toISOString();
    const call = { call_id: 'call_e2e_1', direction: 'inbound', from_number: '+15551230001', to_number: '+15559870002' };
    await w.ingest.postEvents([
      { type: 'call_started', occurred_at: at, campaign_id: w.campaignId, case_id: caseId, data: { ...call, started_at: at } },
      {
        type: 'message_sent',
        occurred_at: at,
        campaign_id: w.campaignId,
        data: { message_id: 'msg_e2e', channel: 'sms', recipient: '+15551230001', provider_status: 'queued', sent_at: at, body: 'See you Monday.' },
      },
    ]);

    await openConsole(page, kayse, '/events');
    await expect(page.getByTestId('record-count')).toHaveText('2 events');
    await choose(page, 'Type', 'Call started');
    await expect(page.getByTestId('record-count')).toHaveText('1 event');
    const row = page.locator('[data-testid=record-row][data-loaded=true]');
    await expect(row).toContainText('Spring TV');
    await row.click();

    const drawer = page.getByRole('dialog');
    await expect(drawer.getByTestId('json-block')).toContainText('"call_id": "call_e2e_1"');
    await expect(drawer.getByRole('link', { name: /Personal Injury case/ })).toHaveAttribute('href', `#/cases/${caseId}`);
    await screenshot(page, testInfo, 'events');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // Live: a new call shows up in the open list, announced by tables.changed.
    await w.ingest.postEvents([{ type: 'call_started', occurred_at: at, campaign_id: w.campaignId, data: { ...call, call_id: 'call_e2e_2', started_at: at } }]);
    await expect(page.getByTestId('record-count')).toHaveText('2 events');
    await expect(page.locator('[data-testid=record-row][data-loaded=true]')).toHaveCount(2);
  });
});
