// A connection's life after Connect: toggles that survive a restart, Paused when Enable is off, the Error state
// (what and since when, kept while the same error persists, cleared by a passing test), and the connector the sync
// engine gets from the saved credentials after a restart.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRM_TOGGLES } from '../../shared/domain/crm';
import { manualClock } from '../test-support/clock';
import { useCleanup } from '../test-support/use-cleanup';
import { runKeychain, startCrmTest } from './test-crm';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('a CRM connection over time', () => {
  it('keeps the toggles across a restart, and the connection with its saved credentials', async () => {
    const t = cleanup.use(await startCrmTest());
    expect((await t.core.api.crm.connection({ crm: 'lawruler' })).toggles).toEqual(DEFAULT_CRM_TOGGLES);
    await t.core.api.crm.connect(t.lawRulerInput());
    const changed = await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { syncStatuses: true, sendCallRecords: false } });
    expect(changed.toggles).toEqual({ ...DEFAULT_CRM_TOGGLES, syncStatuses: true, sendCallRecords: false });
    // Partial: what is not named stays as it is.
    await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { receive: false } });

    const core = await t.restart();
    const after = await core.api.crm.connection({ crm: 'lawruler' });
    expect(after.toggles).toEqual({ ...DEFAULT_CRM_TOGGLES, syncStatuses: true, sendCallRecords: false, receive: false });
    expect(after).toMatchObject({ state: 'connected', connectedAs: 'api@smithlaw.example' });
    // The sync engine's connector is built from the keychain and works.
    const connector = await core.crm.connectorFor('lawruler');
    expect(connector).not.toBeNull();
    expect((await connector!.listChanged(null, 2)).records.length).toBeGreaterThan(0);
    expect(await core.crm.connectorFor('smartadvocate')).toBeNull();
  });

  it('keeps toggles set before connecting, and refuses an unknown toggle', async () => {
    const t = cleanup.use(await startCrmTest());
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { sendMapping: false } });
    const connected = await t.core.api.crm.connect(t.smartAdvocateInput());
    expect(connected.connection.toggles.sendMapping).toBe(false);
    await expect(t.core.api.raw.crm.updateToggles({ crm: 'smartadvocate', toggles: { pushEverything: true } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('shows Paused while Enable integration is off', async () => {
    const t = cleanup.use(await startCrmTest());
    await t.core.api.crm.connect(t.smartAdvocateInput());
    const paused = await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false } });
    expect(paused.state).toBe('paused');
    expect(await t.core.api.integrations.get({ id: 'smartadvocate' })).toMatchObject({ status: 'paused', statusDetail: 'Paused: Enable integration is off · as kayse-sync' });
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: true } });
    expect(await t.core.api.integrations.get({ id: 'smartadvocate' })).toMatchObject({ status: 'connected' });
  });

  it('sets the Error state when the saved password is refused, keeps since while it lasts, and clears it on a pass', async () => {
    const clock = manualClock('2026-05-01T09:00:00.000Z');
    const t = cleanup.use(await startCrmTest({ core: { clock } }));
    await t.core.api.crm.connect(t.smartAdvocateInput());

    clock.set('2026-05-01T10:00:00.000Z');
    t.smartadvocate.setPassword('changed-by-the-firm');
    const first = await t.core.api.crm.testConnection({ crm: 'smartadvocate' });
    expect(first.ok).toBe(false);
    expect(first.checks[0]).toMatchObject({ name: 'Signed in', ok: false, fix: expect.stringMatching(/user name and password/) });
    expect(first.connection.state).toBe('error');
    expect(first.connection.error).toMatchObject({ kind: 'auth', since: '2026-05-01T10:00:00.000Z' });
    expect(first.connection.lastTest?.at).toBe('2026-05-01T10:00:00.000Z');
    expect(await t.core.api.integrations.get({ id: 'smartadvocate' })).toMatchObject({
      status: 'error',
      statusDetail: 'Credentials refused since 2026-05-01 10:00 UTC',
    });

    clock.set('2026-05-01T11:30:00.000Z');
    const second = await t.core.api.crm.testConnection({ crm: 'smartadvocate' });
    expect(second.connection.error?.since).toBe('2026-05-01T10:00:00.000Z');
    expect(second.connection.lastTest?.at).toBe('2026-05-01T11:30:00.000Z');

    // Another kind of error is a new error, with its own since.
    t.smartadvocate.setFault({ kind: 'server_error', status: 502 });
    clock.set('2026-05-01T11:45:00.000Z');
    const other = await t.core.api.crm.testConnection({ crm: 'smartadvocate' });
    expect(other.connection.error).toMatchObject({ kind: 'unavailable', since: '2026-05-01T11:45:00.000Z' });

    t.smartadvocate.setFault(null);
    t.smartadvocate.setPassword(t.credentials.smartadvocate.password);
    clock.set('2026-05-01T12:00:00.000Z');
    const passed = await t.core.api.crm.testConnection({ crm: 'smartadvocate' });
    expect(passed.ok).toBe(true);
    expect(passed.connection).toMatchObject({ state: 'connected', error: null });
    expect(await t.core.api.integrations.get({ id: 'smartadvocate' })).toMatchObject({ status: 'connected', statusDetail: 'as kayse-sync' });
  });

  it('says the CRM is unreachable when it fails or stops answering, since the first failed test', async () => {
    const clock = manualClock('2026-05-01T09:00:00.000Z');
    const t = cleanup.use(await startCrmTest({ core: { clock } }));
    await t.core.api.crm.connect(t.lawRulerInput());

    t.lawruler.setFault({ kind: 'server_error', status: 503 });
    clock.set('2026-05-01T09:10:00.000Z');
    const down = await t.core.api.crm.testConnection({ crm: 'lawruler' });
    expect(down.connection.error).toMatchObject({ kind: 'unavailable', since: '2026-05-01T09:10:00.000Z' });
    expect(down.checks[0]?.fix).toBeTruthy();
    expect((await t.core.api.integrations.get({ id: 'lawruler' })).statusDetail).toBe('CRM unreachable since 2026-05-01 09:10 UTC');

    // Still unreachable (now refused outright): the same error, the same since.
    t.lawruler.setFault(null);
    await t.lawruler.close();
    clock.set('2026-05-01T09:20:00.000Z');
    const gone = await t.core.api.crm.testConnection({ crm: 'lawruler' });
    expect(gone.connection.error).toMatchObject({ kind: 'unavailable', since: '2026-05-01T09:10:00.000Z' });
    expect(gone.checks[0]?.detail).toMatch(/connection refused/);
  });
});
