// A self-hosted SmartAdvocate whose certificate only the firm's own CA signs: refused until that CA is added under
// Advanced, then connected; the CA is kept for later connects that leave the field alone.
import { describe, expect, it } from 'vitest';
import { startSmartAdvocateSimulator } from '../connectors/smartadvocate/simulator';
import { createTestCa } from '../test-support/test-ca';
import { useCleanup } from '../test-support/use-cleanup';
import { runKeychain, startCrmTest } from './test-crm';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)("a SmartAdvocate server signed by the firm's CA", () => {
  it('says the certificate is not trusted and what to do, then connects once the CA is added', async () => {
    const t = cleanup.use(await startCrmTest());
    const ca = createTestCa();
    const sim = cleanup.use(await startSmartAdvocateSimulator({ ...t.credentials.smartadvocate, tls: { cert: ca.cert, key: ca.key } }));
    expect(sim.host).toMatch(/^https:\/\/127\.0\.0\.1:/);
    const input = { crm: 'smartadvocate' as const, endpointUrl: sim.host, ...t.credentials.smartadvocate };

    const untrusted = await t.core.api.crm.connect(input);
    expect(untrusted.ok).toBe(false);
    expect(untrusted.checks[0]).toMatchObject({ name: 'Signed in', ok: false, fix: expect.stringMatching(/add the firm's CA certificate \(PEM\) under Advanced/) });
    expect(untrusted.connection.state).toBe('not_connected');

    const trusted = await t.core.api.crm.connect({ ...input, extraCaPem: ca.ca });
    expect(trusted.ok).toBe(true);
    expect(trusted.connection.settings).toEqual({ endpointUrl: sim.host, username: 'kayse-sync', extraCa: '1 certificate' });

    // The form doesn't show the CA back: leaving it out keeps it; an empty field removes it.
    expect((await t.core.api.crm.connect({ ...input, password: '' })).ok).toBe(true);
    expect((await t.core.api.crm.testConnection({ crm: 'smartadvocate' })).ok).toBe(true);
    const removed = await t.core.api.crm.connect({ ...input, password: '', extraCaPem: '' });
    expect(removed.ok).toBe(false);
    expect(removed.connection.settings.extraCa).toBe('1 certificate');
  });
});
