// Demo mode's CRMs: started in-process and connected (marked Demo, nothing in the secret store), forgotten by the
// wipe with their simulators stopped, and never in the way of a CRM the firm connected itself.
import { describe, expect, it } from 'vitest';
import { startSmartAdvocateSimulator } from '../connectors/smartadvocate/simulator';
import { useCleanup } from '../test-support/use-cleanup';
import { startDemoCore } from './demo-test-fixture';

const cleanup = useCleanup();

/** True when something answers HTTP at `url`. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

describe('demo mode with CRM simulators', () => {
  it('connects both CRMs to simulators on this computer, marked Demo, and the wipe forgets them and stops the simulators', async () => {
    const t = cleanup.use(await startDemoCore({ clients: 10, cases: 10, crmRecords: 5 }));
    const { api } = t.core;
    await t.demo.start({ ratePerMinute: 60, seed: true });

    for (const id of ['lawruler', 'smartadvocate'] as const) {
      expect(await api.integrations.get({ id })).toMatchObject({ status: 'connected', statusDetail: expect.stringMatching(/· Demo$/) });
      const catalog = await api.crm.catalog({ crm: id });
      expect(catalog.catalog?.statuses.length).toBeGreaterThan(0);
    }
    const connection = await api.crm.connection({ crm: 'lawruler' });
    expect(connection.settings.apiBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.count('crm_connections', "secret_refs = '{}' AND is_demo = 1")).toBe(2);

    // Stopping the generator leaves the demo CRMs connected; starting again does not connect them twice.
    const before = await api.crm.connection({ crm: 'smartadvocate' });
    await t.demo.stop();
    await t.demo.start({ ratePerMinute: 60, seed: false });
    const after = await api.crm.connection({ crm: 'smartadvocate' });
    expect(after).toMatchObject({ state: 'connected', demo: true, connectedAt: before.connectedAt, lastTest: before.lastTest });

    // The sync push keeps a cursor per connected CRM; the wipe forgets it, so a firm's own CRM starts afresh.
    expect(t.count('sync_outbound_cursors')).toBe(2);
    await t.demo.wipe();
    expect(t.count('sync_outbound_cursors')).toBe(0);
    expect(t.count('sync_links') + t.count('sync_snapshots') + t.count('sync_create_intents') + t.count('sync_record_errors')).toBe(0);
    for (const id of ['lawruler', 'smartadvocate'] as const) {
      expect(await api.integrations.get({ id })).toMatchObject({ status: 'not_connected' });
      expect(await api.crm.catalog({ crm: id })).toMatchObject({ catalog: null, failure: null });
      expect((await api.crm.connection({ crm: id })).settings).toEqual({});
    }
    expect(t.count('crm_connections')).toBe(0);
    expect(await answers(`${connection.settings.apiBaseUrl}/`)).toBe(false);
  });

  it("leaves a CRM the firm connected itself alone: no simulator, the connection and its catalog untouched by the wipe", async () => {
    const firmSa = await startSmartAdvocateSimulator({ username: 'firm-user', password: 'firm-password-1', records: 2 });
    cleanup.add(() => firmSa.close());
    const t = cleanup.use(await startDemoCore({ clients: 10, cases: 10, crmRecords: 5 }));
    const { api } = t.core;
    const real = await api.crm.connect({ crm: 'smartadvocate', endpointUrl: firmSa.host, apiBaseUrl: firmSa.url, username: 'firm-user', password: 'firm-password-1' });
    expect(real.ok).toBe(true);

    await t.demo.start({ ratePerMinute: 60, seed: true });
    expect(await api.crm.connection({ crm: 'smartadvocate' })).toMatchObject({ state: 'connected', demo: false, connectedAs: 'firm-user' });
    expect(await api.crm.connection({ crm: 'lawruler' })).toMatchObject({ state: 'connected', demo: true });

    expect(t.count('sync_outbound_cursors', "crm = 'smartadvocate'")).toBe(1);
    await t.demo.wipe();
    // The firm's own connection keeps its sync state.
    expect(t.count('sync_outbound_cursors', "crm = 'smartadvocate'")).toBe(1);
    expect(await api.crm.connection({ crm: 'smartadvocate' })).toMatchObject({ state: 'connected', demo: false, settings: { endpointUrl: firmSa.host } });
    expect((await api.crm.catalog({ crm: 'smartadvocate' })).catalog).not.toBeNull();
    expect((await api.crm.testConnection({ crm: 'smartadvocate' })).ok).toBe(true);
    expect(await api.crm.connection({ crm: 'lawruler' })).toMatchObject({ state: 'not_connected', demo: false });
  });
});
