// Settings → Integrations → Scheduling in Chromium through the headless host, against the Cal.com simulator each
// test starts on loopback: connect from the card (an unknown key refused with what to do and nothing kept, the
// simulator's key accepted: its account, the timezone warning, Connected on the card), the Activity tab filling
// live with a detail drawer, and Disconnect (the booking agents counted first, then told they can't book).
import { startCalcomSimulator, SIM_USERS } from '../main/connectors/calcom/simulator';
import { KeychainSecretStore } from '../main/secrets';
import { expect, openConsole, test } from './fixtures';
import { expectFitsNarrowWindow, screenshot, secretStored } from './scheduling-helpers';

const INTEGRATIONS = '/settings/integrations';
const SCHEDULING = `${INTEGRATIONS}/scheduling`;
const KEY_ACCOUNT = 'scheduling.calcom.apiKey';
const HOST = SIM_USERS[0]!;

test.describe('Scheduling', () => {
  test('connect from the card: an unknown key is refused and nothing kept; the good key shows its account, the timezone warning and Connected', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startCalcomSimulator());
    await kayse.api.company.update({ name: 'Avery Law', timezone: 'America/Chicago' });
    await openConsole(page, kayse, INTEGRATIONS);
    const card = page.getByTestId('integration-card-scheduling');
    await expect(card.getByTestId('integration-status')).toHaveText('Not connected');
    await card.getByRole('link', { name: 'Open Scheduling' }).click();
    await expect(page).toHaveURL(new RegExp(`#${SCHEDULING}$`));
    await expect(page.getByTestId('scheduling-state')).toHaveAttribute('data-state', 'not_connected');
    await expect(page.getByTestId('scheduling-connect')).toContainText('America/Chicago');

    // Nothing typed: the form says what to paste before asking Cal.com.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Paste the API key from Cal.com → Settings → Developer → API keys')).toBeVisible();
    expect(sim.requests()).toHaveLength(0);

    // Cal.com unreachable: said above the form, nothing kept.
    await page.getByLabel('API key', { exact: true }).fill(sim.keys.valid);
    await page.getByText('Self-hosted', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Base URL' }).fill('http://127.0.0.1:9');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const failed = page.getByRole('alert').filter({ hasText: "Couldn't connect Cal.com" });
    await expect(failed).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('scheduling-state')).toHaveAttribute('data-state', 'not_connected');
    expect(await secretStored(kayse, KEY_ACCOUNT)).toBe(false);
    await screenshot(page, testInfo, 'scheduling-unreachable');

    await page.getByLabel('API key', { exact: true }).fill('cal_live_not_a_key_anyone_issued');
    await page.getByRole('textbox', { name: 'Base URL' }).fill(sim.url);
    await expect(failed).toBeHidden();
    await screenshot(page, testInfo, 'scheduling-connect');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const keyError = page.getByText(/Cal\.com refused the API key/);
    await expect(keyError).toBeVisible({ timeout: 20_000 });
    await expect(keyError).toContainText('Settings → Developer → API keys');
    await expect(page.getByTestId('scheduling-state')).toHaveAttribute('data-state', 'not_connected');
    expect(await secretStored(kayse, KEY_ACCOUNT)).toBe(false);
    expect((await kayse.api.scheduling.connection()).state).toBe('not_connected');
    await screenshot(page, testInfo, 'scheduling-key-refused');

    await page.getByLabel('API key', { exact: true }).fill(sim.keys.valid);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const state = page.getByTestId('scheduling-state');
    await expect(state).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
    await expect(state.getByTestId('integration-status')).toHaveText('Connected');
    await expect(page.getByTestId('scheduling-account-email')).toContainText(HOST.email);
    const warning = page.getByTestId('timezone-warning');
    await expect(warning).toContainText(HOST.timeZone);
    await expect(warning).toContainText('America/Chicago');
    await expect(page.getByTestId('scheduling-company-timezone')).toContainText('America/Chicago');
    // The key is in the keychain and never shown again.
    expect(await secretStored(kayse, KEY_ACCOUNT, sim.keys.valid)).toBe(true);
    await expect(page.getByLabel('API key', { exact: true })).toBeHidden();
    await screenshot(page, testInfo, 'scheduling-connected');
    await expectFitsNarrowWindow(page);

    await page.getByRole('link', { name: 'Back to integrations' }).click();
    await expect(card.getByTestId('integration-status')).toHaveText('Connected');
    await expect(card.getByTestId('integration-status')).toHaveAttribute('data-status', 'connected');
    await screenshot(page, testInfo, 'scheduling-card-connected');
  });

  test('Activity fills live with each check and booking, a row opens its detail; Disconnect counts the booking agents, then they say they cannot book', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startCalcomSimulator());
    await kayse.api.company.update({ name: 'Avery Law', timezone: HOST.timeZone });
    await kayse.api.scheduling.connect({ apiKey: sim.keys.valid, baseUrl: sim.url });
    const agent = await kayse.api.agents.create({ name: 'Intake Ava', appointmentBooking: true, eventTypeId: 501 });
    await kayse.api.agents.create({ name: 'Follow-up Finn' });

    await openConsole(page, kayse, `${SCHEDULING}?tab=activity`);
    await expect(page.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('activity-empty')).toBeVisible();
    await screenshot(page, testInfo, 'scheduling-activity-empty');

    // Made elsewhere (as the voice platform would), shown here without a reload.
    const free = await kayse.api.schedulingBooking.slots({ agentId: agent.id });
    expect(free.slots.length).toBeGreaterThan(0);
    const rows = page.getByTestId('activity-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-kind', 'availability');
    const booked = await kayse.api.schedulingBooking.book({ agentId: agent.id, start: free.slots[0]!.start, attendee: { name: 'Jane Doe', email: 'jane.doe@example.com' } });
    await expect(rows).toHaveCount(2);
    const booking = page.locator('[data-testid="activity-row"][data-kind="booking"]');
    await expect(booking).toHaveAttribute('data-outcome', 'ok');
    await expect(booking).toContainText('Intake Ava');
    await screenshot(page, testInfo, 'scheduling-activity');
    await expectFitsNarrowWindow(page);

    // Keyboard: the row takes focus and Enter opens its detail; Escape closes it.
    await booking.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('activity-detail');
    await expect(drawer).toBeVisible();
    await expect(drawer).toContainText('Intake Ava');
    await expect(drawer).toContainText(booked.bookingUid);
    await screenshot(page, testInfo, 'scheduling-activity-detail');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    await page.getByRole('tab', { name: 'Connection' }).click();
    await page.getByRole('button', { name: 'Disconnect' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disconnect scheduling?' });
    await expect(dialog.getByTestId('disconnect-agents')).toContainText('1 agent has Appointment Booking on');
    await screenshot(page, testInfo, 'scheduling-disconnect-confirm');
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByTestId('scheduling-state')).toHaveAttribute('data-state', 'not_connected');
    await expect(page.getByTestId('scheduling-connect')).toBeVisible();
    expect(await secretStored(kayse, KEY_ACCOUNT)).toBe(false);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click();
    const ava = page.getByTestId('agent-row').filter({ hasText: 'Intake Ava' });
    await expect(ava.getByTestId('booking-blocked')).toHaveText("Can't book: scheduling is disconnected");
    await expect(page.getByTestId('agent-row').filter({ hasText: 'Follow-up Finn' }).getByTestId('booking-badge')).toHaveAttribute('data-state', 'off');
    await screenshot(page, testInfo, 'agents-disconnected');
    await ava.getByRole('link', { name: 'Intake Ava' }).click();
    await expect(page.getByTestId('cannot-book')).toContainText("Can't book: scheduling is disconnected");
    await expect(page.getByTestId('try-it-blocked')).toContainText("Can't book: scheduling is disconnected");
    await expect(page.getByTestId('event-type-lookup')).toHaveAttribute('data-state', 'disconnected');
    await screenshot(page, testInfo, 'agent-disconnected');
  });

  test('a key gone from the keychain: the agent and the screen say so (Error), and pasting the key again reconnects with every agent kept', async ({ page, console: kayse, cleanup }, testInfo) => {
    test.skip(!process.env.DBUS_SESSION_BUS_ADDRESS, 'needs the OS keychain (scripts/with-keyring.sh) to remove the entry behind the host');
    const sim = cleanup.use(await startCalcomSimulator());
    await kayse.api.company.update({ name: 'Avery Law', timezone: HOST.timeZone });
    await kayse.api.scheduling.connect({ apiKey: sim.keys.valid, baseUrl: sim.url });
    const agent = await kayse.api.agents.create({ name: 'Intake Ava', appointmentBooking: true, eventTypeId: 501 });
    await new KeychainSecretStore(kayse.secretService).delete(KEY_ACCOUNT);

    // The event type look-up is the first call that needs the key: the connection turns to Error.
    await openConsole(page, kayse, `/agents/${agent.id}`);
    const cannotBook = page.getByTestId('cannot-book');
    await expect(cannotBook).toContainText('no longer in the keychain', { timeout: 20_000 });
    await expect(page.getByTestId('event-type-lookup')).toContainText('isn’t working');
    await screenshot(page, testInfo, 'agent-key-missing');

    await cannotBook.getByRole('link', { name: 'Fix the company’s Cal.com key' }).click();
    await expect(page.getByTestId('scheduling-state')).toHaveAttribute('data-state', 'error');
    await expect(page.getByTestId('scheduling-state')).toContainText('The key is missing from the keychain');
    await expect(page.getByTestId('scheduling-error')).toContainText('connect again with the key');
    await screenshot(page, testInfo, 'scheduling-error');

    // The form is open on the saved address: only the key is needed.
    await expect(page.getByRole('textbox', { name: 'Base URL' })).toHaveValue(sim.url);
    await page.getByLabel('API key', { exact: true }).fill(sim.keys.valid);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('scheduling-state')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
    expect(await secretStored(kayse, KEY_ACCOUNT, sim.keys.valid)).toBe(true);
    expect((await kayse.api.agents.list()).find((a) => a.id === agent.id)).toMatchObject({ appointmentBooking: true, eventTypeId: 501 });
  });
});
