// Connecting Cal.com through the contract, against the simulator on loopback and the real keychain: a refused key
// stores nothing, a good one shows the account (and warns when its timezone isn't the company's), the card,
// Disconnect removes the key and the agents say they can't book, a new key keeps the agents' settings, a restart
// keeps the connection, and a key Cal.com stops accepting turns the connection to Error.
import { describe, expect, it } from 'vitest';
import { filesContaining } from '../test-support/scan-dir';
import { useCleanup } from '../test-support/use-cleanup';
import { SCHEDULING_KEY_ACCOUNT } from '.';
import { runKeychain, startSchedulingTest } from './test-scheduling';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('connecting Cal.com', () => {
  it('refuses an unknown key and an expired one with what to do; nothing reaches the keychain or the database', async () => {
    const t = cleanup.use(await startSchedulingTest());
    const api = t.core.api;

    const unknown = await api.scheduling.connect({ apiKey: 'cal_live_not_a_real_key', baseUrl: t.sim.url }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'UPSTREAM_ERROR', details: { kind: 'invalid_key' } });
    expect((unknown as Error).message).toMatch(/Cal\.com refused the API key: "Invalid API Key".*Nothing was saved\./);

    const expired = await api.scheduling.connect({ apiKey: t.sim.keys.expired, baseUrl: t.sim.url }).catch((e: unknown) => e);
    expect((expired as Error).message).toMatch(/has expired.*Create a new key.*Nothing was saved\./);

    const badUrl = await api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: 'http://calendar.example.com' }).catch((e: unknown) => e);
    expect(badUrl).toMatchObject({ code: 'INVALID_INPUT' });
    expect((badUrl as Error).message).toMatch(/must start with https:\/\//);

    expect(await t.core.secrets.get(SCHEDULING_KEY_ACCOUNT)).toBeNull();
    expect(await api.scheduling.connection()).toEqual({ state: 'not_connected', companyTimeZone: 'America/New_York' });
    expect(t.core.database.sqlite.prepare('SELECT count(*) AS n FROM scheduling_connection').get()).toEqual({ n: 0 });
    expect(await api.integrations.get({ id: 'scheduling' })).toMatchObject({ status: 'not_connected', statusDetail: null });
  });

  it('connects a good key: Connected with the account, the key in the keychain only, the card green', async () => {
    const t = cleanup.use(await startSchedulingTest());
    const view = await t.core.api.scheduling.connect({ apiKey: `  ${t.sim.keys.valid} `, baseUrl: `${t.sim.url}/v2/` });

    expect(view).toMatchObject({
      state: 'connected',
      account: { email: 'jordan@avery-law.example', username: 'jordan-avery', timeZone: 'America/New_York' },
      baseUrl: t.sim.url,
      isDemo: false,
      companyTimeZone: 'America/New_York',
      timezoneDiffers: false,
    });
    expect(await t.core.api.scheduling.connection()).toEqual(view);
    expect(await t.core.secrets.get(SCHEDULING_KEY_ACCOUNT)).toBe(t.sim.keys.valid);
    expect(filesContaining(t.dataDir, t.sim.keys.valid)).toEqual([]);
    const card = await t.core.api.integrations.get({ id: 'scheduling' });
    expect(card).toMatchObject({ status: 'connected', statusDetail: `Cal.com · jordan@avery-law.example · ${new URL(t.sim.url).host}` });
    expect((await t.core.scheduling.clientFor())?.baseUrl).toBe(t.sim.url);
  });

  it("warns when the account's timezone is not the company's, on the connection and the card", async () => {
    const t = cleanup.use(await startSchedulingTest({ companyTimeZone: 'America/Chicago' }));
    const view = await t.core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });
    expect(view).toMatchObject({ state: 'connected', companyTimeZone: 'America/Chicago', timezoneDiffers: true, account: { timeZone: 'America/New_York' } });
    expect((await t.core.api.integrations.get({ id: 'scheduling' })).statusDetail).toMatch(/account timezone America\/New_York differs from the company's$/);

    await t.core.api.company.update({ name: 'Avery & Lee Injury Law', timezone: 'US/Eastern' });
    expect(await t.core.api.scheduling.connection()).toMatchObject({ companyTimeZone: 'US/Eastern', timezoneDiffers: false });
  });

  it("disconnects: the keychain entry is gone, booking agents say they can't book, the idle one is unchanged", async () => {
    const t = cleanup.use(await startSchedulingTest());
    await t.core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });
    const before = await t.core.api.scheduling.agents();
    expect(before.map((a) => [a.name, a.campaignName, a.canBook, a.cannotBookReason])).toEqual([
      ['Ava (intake)', 'Car accidents', true, null],
      ['Ben (reviews)', null, true, null],
      ['Cleo (follow-ups)', 'Car accidents', false, 'Appointment Booking is off'],
    ]);

    expect(await t.core.api.scheduling.disconnect()).toEqual({ state: 'not_connected', companyTimeZone: 'America/New_York' });
    expect(await t.core.secrets.get(SCHEDULING_KEY_ACCOUNT)).toBeNull();
    expect(await t.core.scheduling.clientFor()).toBeNull();
    expect(await t.core.api.integrations.get({ id: 'scheduling' })).toMatchObject({ status: 'not_connected' });
    const after = await t.core.api.scheduling.agents();
    expect(after.map((a) => [a.name, a.appointmentBooking, a.eventTypeId, a.canBook, a.cannotBookReason])).toEqual([
      ['Ava (intake)', true, 501, false, "Can't book: scheduling is disconnected"],
      ['Ben (reviews)', true, 502, false, "Can't book: scheduling is disconnected"],
      ['Cleo (follow-ups)', false, null, false, 'Appointment Booking is off'],
    ]);
    const lookup = await t.core.api.scheduling.lookupEventType({ eventType: 501 }).catch((e: unknown) => e);
    expect(lookup).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Scheduling is not connected: connect Cal\.com/) });
  });

  it("replacing the key keeps every agent's settings and the looked-up event types", async () => {
    const t = cleanup.use(await startSchedulingTest());
    await t.core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });
    await t.core.api.scheduling.lookupEventType({ eventType: 501 });
    const before = await t.core.api.scheduling.agents();

    const refused = await t.core.api.scheduling.connect({ apiKey: t.sim.keys.expired, baseUrl: t.sim.url }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ details: { kind: 'invalid_key' } });
    expect(await t.core.secrets.get(SCHEDULING_KEY_ACCOUNT)).toBe(t.sim.keys.valid); // a refused replacement leaves the old key
    expect(await t.core.api.scheduling.connection()).toMatchObject({ state: 'connected' });

    await t.core.api.scheduling.disconnect();
    await t.core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: `${t.sim.url}/` });
    expect(await t.core.api.scheduling.agents()).toEqual(before);
    expect(before.find((a) => a.name === 'Ava (intake)')?.eventType).toEqual({ id: 501, title: 'Free consultation', lengthMinutes: 30, slug: 'free-consultation' });
  });

  it('stays connected across a restart, the key read back from the keychain', async () => {
    const t = cleanup.use(await startSchedulingTest());
    await t.core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });
    const core = await t.restart();
    expect(await core.api.scheduling.connection()).toMatchObject({ state: 'connected', account: { email: 'jordan@avery-law.example' } });
    expect(await core.api.scheduling.lookupEventType({ eventType: '502' })).toMatchObject({ title: 'Case review', lengthMinutes: 60 });
  });

  it('turns to Error when Cal.com stops accepting the saved key, and back to Connected with a good key', async () => {
    const t = cleanup.use(await startSchedulingTest());
    await t.core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });
    await t.core.secrets.set(SCHEDULING_KEY_ACCOUNT, 'cal_live_revoked_in_calcom'); // as if revoked in Cal.com
    const core = await t.restart();

    await expect(core.api.scheduling.lookupEventType({ eventType: 501 })).rejects.toMatchObject({ details: { kind: 'invalid_key' } });
    const view = await core.api.scheduling.connection();
    expect(view).toMatchObject({ state: 'error', kind: 'key_refused', message: expect.stringMatching(/refused the API key.*Agents can't book until a new key is connected\./) });
    expect(await core.api.integrations.get({ id: 'scheduling' })).toMatchObject({ status: 'error', statusDetail: expect.stringMatching(/refused the API key/) });
    expect((await core.api.scheduling.agents())[0]?.cannotBookReason).toMatch(/^Can't book: Cal\.com refused the API key/);

    await core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });
    expect(await core.api.scheduling.connection()).toMatchObject({ state: 'connected' });
    expect((await core.api.scheduling.agents())[0]?.canBook).toBe(true);
  });

  it('says so when the keychain has lost the key', async () => {
    const t = cleanup.use(await startSchedulingTest());
    await t.core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });
    await t.core.secrets.delete(SCHEDULING_KEY_ACCOUNT);
    const core = await t.restart();
    expect(await core.scheduling.clientFor()).toBeNull();
    expect(await core.api.scheduling.connection()).toMatchObject({ state: 'error', kind: 'key_missing', message: expect.stringMatching(/no longer in the keychain: connect again/) });
    expect(await core.api.integrations.get({ id: 'scheduling' })).toMatchObject({ status: 'error' });
  });
});
