// What firm IT types on the Configuration tab: each bad field named with what to enter instead, pasted addresses
// reduced to what counts (and the tab told so), and where a connection may dial.
import { describe, expect, it } from 'vitest';
import type { ContractError } from '../../shared/result';
import { refusal } from '../test-support/api';
import { useCleanup } from '../test-support/use-cleanup';
import { allowedRanges, LOOPBACK_RANGES, PRIVATE_RANGES } from './crm-agent';
import { runKeychain, startCrmTest } from './test-crm';

const cleanup = useCleanup();

const issuesOf = (error: ContractError) => (error.details as { issues: { path: string; message: string }[] }).issues;

describe.skipIf(!runKeychain)('connect input', () => {
  it('names each bad field with what to enter, and stores nothing', async () => {
    const t = cleanup.use(await startCrmTest());
    const lawruler = await refusal(t.core.api.raw.crm.connect(t.lawRulerInput({ clientRoot: 'smith law', apiBaseUrl: 'http://lawruler.example.com' })));
    expect(lawruler.code).toBe('INVALID_INPUT');
    expect(issuesOf(lawruler).map((i) => i.path)).toEqual(['clientRoot', 'apiBaseUrl']);
    expect(issuesOf(lawruler)[0]!.message).toMatch(/the part before \.lawruler\.com/);
    expect(issuesOf(lawruler)[1]!.message).toMatch(/must start with https:\/\//);

    const endpoint = await refusal(t.core.api.raw.crm.connect(t.smartAdvocateInput({ endpointUrl: 'http://sa.smithlaw.example', apiBaseUrl: '' })));
    expect(issuesOf(endpoint)).toEqual([{ path: 'endpointUrl', message: expect.stringMatching(/must use https:\/\//) }]);

    const ca = await refusal(t.core.api.raw.crm.connect(t.smartAdvocateInput({ extraCaPem: 'my CA' })));
    expect(issuesOf(ca)).toEqual([{ path: 'extraCaPem', message: expect.stringMatching(/BEGIN CERTIFICATE/) }]);
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';
    expect(issuesOf(await refusal(t.core.api.raw.crm.connect(t.smartAdvocateInput({ extraCaPem: broken }))))[0]!.message).toMatch(/can't be read/);

    const username = await refusal(t.core.api.raw.crm.connect(t.smartAdvocateInput({ username: '  ' })));
    expect(issuesOf(username)).toEqual([{ path: 'username', message: expect.stringMatching(/username is required/) }]);

    expect(t.core.database.sqlite.prepare('SELECT count(*) AS n FROM crm_connections').get()).toEqual({ n: 0 });
    expect(t.lawruler.requests()).toEqual([]);
    expect(t.smartadvocate.requests()).toEqual([]);
  });

  it('reduces a pasted LawRuler portal address to its Client Root, and says so', async () => {
    const t = cleanup.use(await startCrmTest());
    const result = await t.core.api.crm.connect(t.lawRulerInput({ clientRoot: 'https://SmithLaw.lawruler.com/Login.aspx' }));
    expect(result.ok).toBe(true);
    expect(result.connection.settings.clientRoot).toBe('smithlaw');
    expect(result.connection.normalisedNotice).toMatch(/reduced to "smithlaw"/);

    const typed = await t.core.api.crm.connect(t.lawRulerInput({ clientRoot: 'smithlaw', password: '' }));
    expect(typed.connection.normalisedNotice).toBeNull();
  });

  it('strips a path pasted after the SmartAdvocate host, says so, and reaches the API under the host', async () => {
    const t = cleanup.use(await startCrmTest());
    // No API base URL: the connector goes to the host entered plus /CaseSyncAPI (the simulator is there).
    const result = await t.core.api.crm.connect(t.smartAdvocateInput({ endpointUrl: `${t.smartadvocate.host}/CaseSyncAPI/Users/authenticate?x=1`, apiBaseUrl: '' }));
    expect(result.ok).toBe(true);
    expect(result.connection.settings).toEqual({ endpointUrl: t.smartadvocate.host, username: 'kayse-sync' });
    expect(result.connection.normalisedNotice).toBe(
      `"/CaseSyncAPI/Users/authenticate?x=1" was removed from the Endpoint URL: enter the host only (${t.smartadvocate.host}); the console adds /CaseSyncAPI itself.`,
    );
  });

  it('does not let LawRuler reach a private address: the sign-in check says why', async () => {
    const t = cleanup.use(await startCrmTest());
    const result = await t.core.api.crm.connect(t.lawRulerInput({ apiBaseUrl: 'https://10.20.30.40' }));
    expect(result.ok).toBe(false);
    expect(result.checks[0]).toMatchObject({ name: 'Signed in', ok: false, detail: expect.stringMatching(/private address/) });
    expect(result.connection.state).toBe('not_connected');
  });
});

describe('where a connection may dial', () => {
  it('lets LawRuler reach public addresses only, loopback only when the address entered is loopback', () => {
    expect(allowedRanges('lawruler', { username: 'u', clientRoot: 'smithlaw' })).toEqual([]);
    expect(allowedRanges('lawruler', { username: 'u', clientRoot: 'smithlaw', apiBaseUrl: 'https://proxy.smithlaw.example' })).toEqual([]);
    expect(allowedRanges('lawruler', { username: 'u', clientRoot: 'smithlaw', apiBaseUrl: 'http://127.0.0.1:4100' })).toEqual([...LOOPBACK_RANGES]);
    expect(allowedRanges('lawruler', { username: 'u', clientRoot: 'smithlaw', apiBaseUrl: 'http://[::1]:4100' })).toEqual([...LOOPBACK_RANGES]);
  });

  it("lets SmartAdvocate reach the firm's private network, and loopback only for an address on this machine", () => {
    expect(allowedRanges('smartadvocate', { username: 'u', endpointUrl: 'https://sa.smithlaw.local' })).toEqual([...PRIVATE_RANGES]);
    expect(allowedRanges('smartadvocate', { username: 'u', endpointUrl: 'http://localhost:8080' })).toEqual([...PRIVATE_RANGES, ...LOOPBACK_RANGES]);
    expect(allowedRanges('smartadvocate', { username: 'u', endpointUrl: 'https://app.smartadvocate.com', apiBaseUrl: 'http://127.0.0.1:9/CaseSyncAPI' })).toEqual([
      ...PRIVATE_RANGES,
      ...LOOPBACK_RANGES,
    ]);
  });
});
