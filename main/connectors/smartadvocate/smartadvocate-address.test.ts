// Where the connector goes: the endpoint the user typed (host only, a pasted path stripped), the API base URL
// override, HTTPS except on this computer, and a self-hosted server whose certificate only the firm's CA signs.
import { describe, expect, it } from 'vitest';
import { createGuardedAgent } from '../../net';
import { createTestCa } from '../../test-support/test-ca';
import { useCleanup } from '../../test-support/use-cleanup';
import { createSmartAdvocateConnector } from './connector';
import { normaliseSmartAdvocateBaseUrl, normaliseSmartAdvocateEndpoint } from './endpoint';
import { startSmartAdvocateTest } from './test-smartadvocate';

describe('SmartAdvocate endpoint', () => {
  it.each([
    ['app.smartadvocate.com', 'https://app.smartadvocate.com', null],
    ['  https://app.smartadvocate.com/  ', 'https://app.smartadvocate.com', null],
    ['https://App.SmartAdvocate.com/CaseSyncAPI/Users/authenticate', 'https://app.smartadvocate.com', '/CaseSyncAPI/Users/authenticate'],
    ['https://sa.firm.example:8443/SmartAdvocate/#/cases?id=3', 'https://sa.firm.example:8443', '/SmartAdvocate/#/cases?id=3'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010', null],
    ['http://localhost:4010/CaseSyncAPI', 'http://localhost:4010', '/CaseSyncAPI'],
  ])('keeps the host of %j', (input, host, stripped) => {
    expect(normaliseSmartAdvocateEndpoint(input)).toEqual({ ok: true, host, apiBase: `${host}/CaseSyncAPI`, stripped });
  });

  it.each([
    ['', /Enter the SmartAdvocate address/],
    ['http://app.smartadvocate.com', /must use https/],
    ['ftp://app.smartadvocate.com', /must start with https/],
    ['https://jane:secret@app.smartadvocate.com', /Remove the user name and password/],
    ['https://exa mple.com', /not a web address/],
  ])('refuses %j', (input, message) => {
    const result = normaliseSmartAdvocateEndpoint(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('takes an API base URL with its path, HTTPS except on loopback', () => {
    expect(normaliseSmartAdvocateBaseUrl('https://sa.firm.example/SmartAdvocate/CaseSyncAPI/')).toEqual({ ok: true, apiBase: 'https://sa.firm.example/SmartAdvocate/CaseSyncAPI' });
    expect(normaliseSmartAdvocateBaseUrl('http://127.0.0.1:4010/CaseSyncAPI')).toEqual({ ok: true, apiBase: 'http://127.0.0.1:4010/CaseSyncAPI' });
    expect(normaliseSmartAdvocateBaseUrl('http://10.0.0.5/CaseSyncAPI').ok).toBe(false);
    expect(normaliseSmartAdvocateBaseUrl('https://sa.firm.example/CaseSyncAPI?x=1').ok).toBe(false);
  });

  it('refuses to build a connector for a plain-http host off this computer, naming the field', () => {
    const agent = createGuardedAgent({ connectTimeoutMs: 1_000 });
    const make = (endpoint: string, baseUrl?: string) => () =>
      createSmartAdvocateConnector({ credentials: { endpoint, username: 'u', password: 'p' }, ...(baseUrl ? { baseUrl } : {}), dispatcher: agent, timeoutMs: 1_000, clock: { now: () => new Date() } });
    expect(make('http://sa.firm.example')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: { issues: [expect.objectContaining({ path: 'endpoint' })] } }));
    expect(make('https://sa.firm.example', 'http://sa.firm.example/CaseSyncAPI')).toThrow(expect.objectContaining({ details: { issues: [expect.objectContaining({ path: 'baseUrl' })] } }));
    void agent.close();
  });
});

describe('SmartAdvocate over HTTPS (self-hosted, signed by the firm CA)', () => {
  const cleanup = useCleanup();

  it('trusts the server only through the connector agent extra CA, and says to add it when missing', async () => {
    const ca = createTestCa();
    const trusted = await startSmartAdvocateTest({ sim: { tls: { cert: ca.cert, key: ca.key }, records: 3 }, ca: ca.ca });
    cleanup.add(() => trusted.close());
    expect(trusted.sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/CaseSyncAPI$/);
    const checks = await trusted.connector().testConnection();
    expect(checks.every((c) => c.ok)).toBe(true);
    expect((await trusted.connector().listChanged(null, 10)).records).toHaveLength(3);

    // The same server, without the firm's CA: the public roots don't know it.
    const untrusted = await startSmartAdvocateTest({ sim: { tls: { cert: ca.cert, key: ca.key } } });
    cleanup.add(() => untrusted.close());
    const [signIn] = await untrusted.connector().testConnection();
    expect(signIn).toMatchObject({ ok: false, fix: expect.stringMatching(/add the firm's CA certificate/) });
    expect(untrusted.sim.requests()).toEqual([]);
  });
});
