// The promise to firm IT: CRM credentials entered on the Configuration tab end up in the keychain and nowhere
// else. After connecting both CRMs, testing, refreshing, a refused test and Disconnect, with the log at its most
// talkative, no file under the data dir (the SQLite file, its WAL, the logs) holds any of them.
import { describe, expect, it } from 'vitest';
import { filesContaining, listFiles } from '../test-support/scan-dir';
import { useCleanup } from '../test-support/use-cleanup';
import { runKeychain, startCrmTest } from './test-crm';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('CRM credentials', () => {
  it('are never written to the data dir or the logs', async () => {
    const t = cleanup.use(await startCrmTest({ core: { logLevel: 'trace' } }));
    const { lawruler, smartadvocate } = t.credentials;
    const secrets = [lawruler.password, lawruler.clientSecret, lawruler.key, smartadvocate.password];

    expect((await t.core.api.crm.connect(t.lawRulerInput())).ok).toBe(true);
    expect((await t.core.api.crm.connect(t.smartAdvocateInput())).ok).toBe(true);
    expect((await t.core.api.crm.testConnection({ crm: 'lawruler' })).ok).toBe(true);
    expect((await t.core.api.crm.testConnection({ crm: 'smartadvocate' })).ok).toBe(true);
    await t.core.api.crm.refreshCatalog({ crm: 'lawruler' });
    await t.core.api.crm.refreshCatalog({ crm: 'smartadvocate' });
    // A refused connect and a failing test log their checks too.
    expect((await t.core.api.crm.connect(t.lawRulerInput({ password: `${lawruler.password}-old` }))).ok).toBe(false);
    t.smartadvocate.setPassword('changed-in-smartadvocate');
    expect((await t.core.api.crm.testConnection({ crm: 'smartadvocate' })).ok).toBe(false);

    // While the console runs (the WAL holds the latest writes) …
    const files = listFiles(t.dataDir);
    expect(files.some((f) => f.endsWith('console.db-wal'))).toBe(true);
    expect(files.some((f) => f.endsWith('.log'))).toBe(true);
    for (const secret of secrets) expect(filesContaining(t.dataDir, secret)).toEqual([]);

    await t.core.api.crm.disconnect({ crm: 'lawruler' });
    await t.core.api.crm.disconnect({ crm: 'smartadvocate' });
    await t.core.close();
    // … and after it stopped (the WAL checkpointed into the database file).
    expect(listFiles(t.dataDir).some((f) => f.endsWith('console.db'))).toBe(true);
    for (const secret of secrets) expect(filesContaining(t.dataDir, secret)).toEqual([]);
    // The scan does find what was saved: the Client Root and the user names are in the database.
    expect(filesContaining(t.dataDir, 'api@smithlaw.example').length).toBeGreaterThan(0);
  });
});
