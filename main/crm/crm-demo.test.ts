// Demo connections: connected like a real CRM and marked Demo, credentials in memory only, only ever to a simulator
// on this computer, and never in the way of the firm's own connection.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { connectDemo, connectorFor, disconnectDemo } from '.';
import { runKeychain, startCrmTest } from './test-crm';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('demo connections', () => {
  it('connect to the simulators, marked Demo, with nothing in the keychain, and are gone after a restart', async () => {
    const t = cleanup.use(await startCrmTest());
    const lawruler = await connectDemo(t.core.crm, { crm: 'lawruler', apiBaseUrl: t.lawruler.url, credentials: t.credentials.lawruler });
    const sa = await connectDemo(t.core.crm, { crm: 'smartadvocate', apiBaseUrl: t.smartadvocate.url, credentials: t.credentials.smartadvocate });
    expect(lawruler).toMatchObject({ ok: true, connection: { state: 'connected', demo: true } });
    expect(sa.connection).toMatchObject({ state: 'connected', demo: true, connectedAs: 'kayse-sync' });
    expect(await t.core.api.integrations.get({ id: 'lawruler' })).toMatchObject({ status: 'connected', statusDetail: 'as api@smithlaw.example · Demo' });
    expect((await t.core.api.crm.catalog({ crm: 'smartadvocate' })).catalog).not.toBeNull();

    for (const account of ['crm.lawruler.password', 'crm.lawruler.clientSecret', 'crm.lawruler.key', 'crm.smartadvocate.password']) {
      expect(await t.core.secrets.get(account)).toBeNull();
    }
    const row = t.core.database.sqlite.prepare("SELECT is_demo, secret_refs FROM crm_connections WHERE crm = 'lawruler'").get();
    expect(row).toEqual({ is_demo: 1, secret_refs: '{}' });
    expect((await connectorFor(t.core.crm, 'lawruler'))?.id).toBe('lawruler');
    expect((await t.core.api.crm.testConnection({ crm: 'lawruler' })).ok).toBe(true);

    // The credentials lived in memory: after a restart demo mode must connect again.
    const core = await t.restart();
    expect((await core.api.crm.connection({ crm: 'lawruler' })).state).toBe('not_connected');
    expect(await connectorFor(core.crm, 'lawruler')).toBeNull();
    const again = await connectDemo(core.crm, { crm: 'lawruler', apiBaseUrl: t.lawruler.url, credentials: t.credentials.lawruler });
    expect(again.connection.demo).toBe(true);
    expect(await disconnectDemo(core.crm, 'lawruler')).toMatchObject({ state: 'not_connected', demo: false });
  });

  it('refuse an address that is not on this computer', async () => {
    const t = cleanup.use(await startCrmTest());
    await expect(connectDemo(t.core.crm, { crm: 'lawruler', apiBaseUrl: 'https://demofirm.lawruler.com', credentials: t.credentials.lawruler })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'apiBaseUrl', message: expect.stringMatching(/only to a simulator on this computer/) }] },
    });
    expect(t.core.crm.connection('lawruler').state).toBe('not_connected');
  });

  it("never replace or end the firm's own connection", async () => {
    const t = cleanup.use(await startCrmTest());
    await t.core.api.crm.connect(t.smartAdvocateInput());
    await expect(
      connectDemo(t.core.crm, { crm: 'smartadvocate', apiBaseUrl: t.smartadvocate.url, credentials: t.credentials.smartadvocate }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const view = await disconnectDemo(t.core.crm, 'smartadvocate');
    expect(view).toMatchObject({ state: 'connected', demo: false });
    expect(await t.core.secrets.get('crm.smartadvocate.password')).toBe(t.credentials.smartadvocate.password);
  });

  it('give way to a real connection, which needs every secret entered', async () => {
    const t = cleanup.use(await startCrmTest());
    await connectDemo(t.core.crm, { crm: 'smartadvocate', apiBaseUrl: t.smartadvocate.url, credentials: t.credentials.smartadvocate });
    await expect(t.core.api.crm.connect(t.smartAdvocateInput({ password: '' }))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const real = await t.core.api.crm.connect(t.smartAdvocateInput());
    expect(real.connection).toMatchObject({ state: 'connected', demo: false, savedSecrets: ['password'] });
    expect(await t.core.secrets.get('crm.smartadvocate.password')).toBe(t.credentials.smartadvocate.password);
  });
});
