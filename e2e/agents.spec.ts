// Workspace → Agents (the Agent Builder) in Chromium through the headless host, against the Cal.com simulator each
// test starts on loopback: the list, an agent's Event Type ID set by pasting its URL (looked up live: title and
// length; a wrong id or a team event type explained), saved with Appointment Booking on; Try it (the next free
// slots as the agent says them, a test booking on the simulator, its cancellation, a slot taken meanwhile).
import { SIM_EVENT_TYPES, SIM_USERS, startCalcomSimulator, type CalcomSimulator } from '../main/connectors/calcom/simulator';
import { expect, openConsole, test, type ConsoleHost } from './fixtures';
import { expectFitsNarrowWindow, screenshot } from './scheduling-helpers';

const CONSULTATION = SIM_EVENT_TYPES.find((e) => e.id === 501)!;
const TEAM_TYPE = SIM_EVENT_TYPES.find((e) => e.team)!;
const HOST = SIM_USERS[0]!;

/** A company in the Cal.com host's timezone, connected to the simulator, with one campaign. */
async function connected(kayse: ConsoleHost, sim: CalcomSimulator): Promise<{ campaignId: string }> {
  await kayse.api.company.update({ name: 'Avery Law', timezone: HOST.timeZone });
  const connection = await kayse.api.scheduling.connect({ apiKey: sim.keys.valid, baseUrl: sim.url });
  expect(connection.state).toBe('connected');
  const campaign = await kayse.api.campaigns.create({ name: 'Car accident intake' });
  return { campaignId: campaign.id };
}

test.describe('Agent Builder', () => {
  test("paste an event type's URL into Event Type ID: looked up live (title and length), a wrong id and a team event type explained, saved with booking on", async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startCalcomSimulator());
    const { campaignId } = await connected(kayse, sim);
    const agent = await kayse.api.agents.create({ name: 'Intake Ava', campaignId });
    await kayse.api.agents.create({ name: 'Follow-up Finn', appointmentBooking: true, eventTypeId: 502 });

    await openConsole(page, kayse, '/settings/integrations');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click();
    await expect(page).toHaveURL(/#\/agents$/);
    const rows = page.getByTestId('agent-row');
    await expect(rows).toHaveCount(2);
    const ava = rows.filter({ hasText: 'Intake Ava' });
    await expect(ava).toContainText('Car accident intake');
    await expect(ava.getByTestId('booking-badge')).toHaveAttribute('data-state', 'off');
    await expect(ava.getByTestId('agent-last-booking')).toHaveText('Never');
    await expect(rows.filter({ hasText: 'Follow-up Finn' }).getByTestId('booking-badge')).toHaveAttribute('data-state', 'on');
    await screenshot(page, testInfo, 'agents-list');
    await expectFitsNarrowWindow(page);

    await ava.getByRole('link', { name: 'Intake Ava' }).click();
    await expect(page).toHaveURL(new RegExp(`#/agents/${agent.id}$`));
    const card = page.getByTestId('booking-settings');
    await expect(card).toContainText('All agents share the company’s scheduling key');
    await expect(page.getByTestId('company-timezone')).toHaveValue(HOST.timeZone);
    await expect(card.getByRole('link', { name: 'Change it on the Company page' })).toHaveAttribute('href', '#/settings/company');

    // Keyboard: the toggle takes Space.
    const toggle = page.getByRole('switch', { name: 'Appointment Booking' });
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle).toBeChecked();
    // Booking on with no event type: refused before anything is sent.
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(card).toContainText('Enter the Event Type ID this agent books into');

    const eventType = page.getByRole('textbox', { name: 'Event Type ID' });
    const lookup = page.getByTestId('event-type-lookup');
    await eventType.fill('https://app.cal.com/event-types/999999');
    await expect(lookup).toHaveAttribute('data-state', 'not_found', { timeout: 20_000 });
    await expect(lookup).toContainText(`Cal.com has no event type 999999 for ${HOST.email}`);
    await expect(lookup).toContainText('Either the ID is wrong');
    await expect(lookup).toContainText('team event type');
    await screenshot(page, testInfo, 'agent-event-type-not-found');
    await eventType.fill(`https://app.cal.com/event-types/${TEAM_TYPE.id}`);
    await expect(lookup).toHaveAttribute('data-state', 'not_found', { timeout: 20_000 });
    await expect(lookup).toContainText(`no event type ${TEAM_TYPE.id}`);

    await eventType.fill(`https://app.cal.com/event-types/${CONSULTATION.id}?tabName=setup`);
    await expect(lookup).toHaveAttribute('data-state', 'found', { timeout: 20_000 });
    await expect(page.getByTestId('event-type-title')).toHaveText(CONSULTATION.title);
    await expect(lookup).toContainText(`${CONSULTATION.lengthInMinutes} min`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('booking-badge').first()).toHaveAttribute('data-state', 'on');
    // Saved as the number, shown back as the number.
    await expect(eventType).toHaveValue(String(CONSULTATION.id));
    expect((await kayse.api.agents.list()).find((a) => a.id === agent.id)).toMatchObject({ appointmentBooking: true, eventTypeId: CONSULTATION.id });
    await expect(lookup).toHaveAttribute('data-state', 'found');
    await screenshot(page, testInfo, 'agent-booking-on');

    await page.getByRole('link', { name: 'Back to agents' }).click();
    await expect(ava.getByTestId('booking-badge')).toHaveAttribute('data-state', 'on');
    await expect(ava.getByTestId('agent-event-type')).toContainText(`${CONSULTATION.title} · ${CONSULTATION.lengthInMinutes} min (${CONSULTATION.id})`);
  });

  test('Try it: the next free slots as the agent says them, a test appointment booked on Cal.com and cancelled; a slot taken meanwhile offers others', async ({ page, console: kayse, cleanup }, testInfo) => {
    const sim = cleanup.use(await startCalcomSimulator());
    const { campaignId } = await connected(kayse, sim);
    const agent = await kayse.api.agents.create({ name: 'Intake Ava', campaignId, appointmentBooking: true, eventTypeId: CONSULTATION.id });

    await openConsole(page, kayse, `/agents/${agent.id}`);
    const panel = page.getByTestId('try-it');
    await panel.getByRole('button', { name: 'Show the next free slots' }).click();
    const slots = panel.getByTestId('try-it-slot');
    await expect(slots.first()).toBeVisible({ timeout: 20_000 });
    expect(await slots.count()).toBeGreaterThan(1);
    expect(await slots.count()).toBeLessThanOrEqual(6);
    // As the voice agent says it, in the company's timezone.
    await expect(panel.getByTestId('try-it-slots')).toContainText(/“\w+day, \w+ \d{1,2} at \d{1,2}:\d{2} (AM|PM)”/);
    await expect(panel).toContainText(`${CONSULTATION.title} · ${CONSULTATION.lengthInMinutes} min · times in ${HOST.timeZone}`);
    await screenshot(page, testInfo, 'agent-try-it-slots');

    // Someone books the first slot on Cal.com's page between listing and booking: refused, others offered.
    const first = await slots.first().getAttribute('value');
    sim.takeSlot(CONSULTATION.id, first!);
    await panel.getByRole('button', { name: 'Book test appointment' }).click();
    const refused = panel.getByTestId('try-it-refused');
    await expect(refused).toContainText('That time was just taken', { timeout: 20_000 });
    await expect(refused).toContainText('The agent would offer instead');
    await expect(slots.first()).not.toHaveAttribute('value', first!);

    // Keyboard: the second slot is chosen with the arrow keys.
    await slots.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(slots.nth(1)).toBeChecked();
    const chosen = await slots.nth(1).getAttribute('value');
    const spoken = (await slots.nth(1).getAttribute('data-spoken')) ?? '';
    expect(spoken).not.toBe('');
    await panel.getByRole('button', { name: 'Book test appointment' }).click();
    const booking = panel.getByTestId('try-it-booking');
    await expect(booking).toHaveAttribute('data-state', 'booked', { timeout: 20_000 });
    await expect(panel.getByTestId('try-it-booked-at')).toHaveText(spoken);
    const mine = sim.bookings().filter((b) => b.attendee === 'Test Caller' && b.status !== 'cancelled');
    expect(mine).toHaveLength(1);
    expect(Date.parse(mine[0]!.start)).toBe(Date.parse(chosen!));
    await screenshot(page, testInfo, 'agent-try-it-booked');
    await expectFitsNarrowWindow(page);

    await panel.getByRole('button', { name: 'Cancel test appointment' }).click();
    await expect(booking).toHaveAttribute('data-state', 'cancelled', { timeout: 20_000 });
    expect(sim.bookings().find((b) => b.uid === mine[0]!.uid)?.status).toBe('cancelled');

    // The last booking shows on the list; one dark screenshot of the agent page.
    await page.getByRole('link', { name: 'Back to agents' }).click();
    await expect(page.getByTestId('agent-row').getByTestId('agent-last-booking')).not.toHaveText('Never');
    await kayse.api.preferences.update({ colorScheme: 'dark' });
    await openConsole(page, kayse, `/agents/${agent.id}`);
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.getByTestId('try-it').getByRole('button', { name: 'Show the next free slots' }).click();
    await expect(page.getByTestId('try-it-slot').first()).toBeVisible({ timeout: 20_000 });
    await screenshot(page, testInfo, 'agent-try-it-dark');
  });
});
