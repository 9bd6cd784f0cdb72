// Connect and Test connection build connectors of their own; their sign-in, read and catalog requests count
// against the CRM's limit as the sync's do, so a firm that set its CRM's limit is never pushed past it at Connect.
import { describe, expect, it } from 'vitest';
import type { SimRequest } from '../../connectors/crm/simulator-control';
import { runKeychain, startCrmTest } from '../../crm/test-crm';
import { useCleanup } from '../../test-support/use-cleanup';

const cleanup = useCleanup();

/** Milliseconds between each request the simulator received and the one before it. */
const gaps = (requests: SimRequest[]) => requests.slice(1).map((r, i) => Date.parse(r.at) - Date.parse(requests[i]!.at));

describe.skipIf(!runKeychain)('the integration rate limiter at Connect', () => {
  it('paces Connect and Test connection at the rate limit the firm set, from their first request', async () => {
    const t = cleanup.use(await startCrmTest({ core: { sync: { autoStart: false } } }));
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', rateLimit: { requestsPerSecond: 5 } });

    const connected = await t.core.api.crm.connect(t.smartAdvocateInput());
    expect(connected.ok).toBe(true);
    const atConnect = t.smartadvocate.requests();
    // Sign-in, a read and the catalog's several lists: enough requests that unpaced they would go within a second.
    expect(atConnect.length).toBeGreaterThanOrEqual(4);
    // 5 requests/s evenly (a known limit has no burst): 200 ms apart; 150 leaves room for when each was logged.
    for (const gap of gaps(atConnect)) expect(gap).toBeGreaterThanOrEqual(150);

    const tested = await t.core.api.crm.testConnection({ crm: 'smartadvocate' });
    expect(tested.ok).toBe(true);
    const atTest = t.smartadvocate.requests().slice(atConnect.length - 1);
    expect(atTest.length).toBeGreaterThanOrEqual(3);
    for (const gap of gaps(atTest)) expect(gap).toBeGreaterThanOrEqual(150);
  });
});
