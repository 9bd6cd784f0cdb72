// Where the company's Cal.com key may be sent: Cal.com's cloud on public addresses only, a self-hosted instance on
// public or private ones (the firm's own network), loopback only when the address entered is itself loopback (the
// simulator). A name that resolves elsewhere is refused at dial time, before the key leaves the machine.
import { describe, expect, it } from 'vitest';
import type { Lookup } from '../net';
import { useCleanup } from '../test-support/use-cleanup';
import { SCHEDULING_KEY_ACCOUNT } from '.';
import { calcomAllowedRanges } from './calcom-net';
import { runKeychain, startSchedulingTest } from './test-scheduling';

const cleanup = useCleanup();

describe('the Cal.com address policy', () => {
  it('allows private ranges only for a self-hosted root and loopback only for a loopback root', () => {
    expect(calcomAllowedRanges('https://api.cal.com')).toEqual([]);
    expect(calcomAllowedRanges('https://api.cal.eu')).toEqual([]);
    expect(calcomAllowedRanges('https://cal.firm.example')).toEqual(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fd00::/8']);
    expect(calcomAllowedRanges('http://127.0.0.1:4000')).toEqual(['127.0.0.0/8', '::1/128']);
    expect(calcomAllowedRanges('http://[::1]:4000')).toEqual(['127.0.0.0/8', '::1/128']);
  });
});

describe.skipIf(!runKeychain)('connecting to an address that resolves where the key must not go', () => {
  const answers: Record<string, string> = { 'api.cal.com': '127.0.0.1', 'cal.firm.example': '127.0.0.1', 'cal.metadata.example': '169.254.169.254' };
  const lookup: Lookup = async (host) => [{ address: answers[host] ?? '203.0.113.9', family: 4 }];

  it('refuses Cal.com cloud or a self-hosted name resolving to loopback or link-local; nothing is sent or stored', async () => {
    const t = cleanup.use(await startSchedulingTest({ core: { scheduling: { timeoutMs: 3_000, connectTimeoutMs: 1_000, lookup } } }));
    for (const baseUrl of ['https://api.cal.com', 'https://cal.firm.example', 'https://cal.metadata.example']) {
      const error = await t.core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'baseUrl' }] } });
      expect((error as Error).message).toMatch(/resolves to (127\.0\.0\.1|169\.254\.169\.254), where the console never sends the Cal\.com key: .* Check the Cal\.com address and what it resolves to\. Nothing was saved\.$/);
    }
    expect(t.sim.requests()).toEqual([]);
    expect(await t.core.secrets.get(SCHEDULING_KEY_ACCOUNT)).toBeNull();
    expect(await t.core.api.scheduling.connection()).toMatchObject({ state: 'not_connected' });
  });
});
