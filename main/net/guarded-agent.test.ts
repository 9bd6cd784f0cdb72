import { createServer, type Server } from 'node:https';
import { getDefaultAutoSelectFamily, setDefaultAutoSelectFamily, type AddressInfo } from 'node:net';
import { fetch, request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { BlockedAddressError, findBlockedAddressError } from './blocked-address-error';
import { checkDestination } from './check-destination';
import { createGuardedAgent, type Dial, type GuardedAgent } from './guarded-agent';
import type { Lookup } from './lookup';
import { createTestCa, type TestCa } from '../test-support/test-ca';

let tls: TestCa;
let server: Server;
let port: number;
/** What the receiver saw: TCP connections accepted and requests answered. */
const seen = { connections: 0, requests: 0 };
const cleanup = useCleanup();

beforeAll(async () => {
  tls = createTestCa();
  server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    seen.requests++;
    res.writeHead(200, { 'content-type': 'text/plain' }).end('received');
  });
  server.on('connection', () => seen.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

beforeEach(() => {
  seen.connections = 0;
  seen.requests = 0;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function agent(options: Omit<Parameters<typeof createGuardedAgent>[0], 'connectTimeoutMs'> = {}): GuardedAgent {
  return cleanup.use(createGuardedAgent({ connectTimeoutMs: 5_000, ...options }));
}

/** Sends one POST like a delivery would and returns the status, or throws what the agent raised. */
async function post(url: string, dispatcher: GuardedAgent): Promise<number> {
  const res = await request(url, { method: 'POST', body: '{}', dispatcher });
  await res.body.text();
  return res.statusCode;
}

const localhostOnly: Lookup = async () => [{ address: '127.0.0.1', family: 4 }];

describe('createGuardedAgent', () => {
  it('refuses https://localhost at connect time when nothing is allowlisted; the receiver sees nothing', async () => {
    const err = await post(`https://localhost:${port}/hook`, agent({ ca: tls.ca })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect(err).toMatchObject({
      code: 'KAYSE_BLOCKED_ADDRESS',
      errorClass: 'blocked_address',
      host: 'localhost',
      address: '127.0.0.1',
      rule: 'loopback',
      message: expect.stringContaining('localhost resolves to 127.0.0.1, a loopback address'),
    });
    expect(seen).toEqual({ connections: 0, requests: 0 });
  });

  it('refuses an IP literal host without asking the resolver', async () => {
    const asked: string[] = [];
    const lookup: Lookup = async (host) => {
      asked.push(host);
      return [{ address: '93.184.216.34', family: 4 }];
    };
    const err = await post(`https://127.0.0.1:${port}/hook`, agent({ ca: tls.ca, lookup })).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'BlockedAddressError', address: '127.0.0.1', rule: 'loopback' });
    expect(asked).toEqual([]);
    expect(seen.connections).toBe(0);
  });

  it('delivers to an allowlisted range over TLS signed by an extra trusted CA, and reports the dialled address', async () => {
    const dials: Dial[] = [];
    const guarded = agent({ allowlist: ['127.0.0.0/8'], ca: tls.ca, lookup: localhostOnly, onDial: (d) => dials.push(d) });
    expect(await post(`https://localhost:${port}/hook`, guarded)).toBe(200);
    expect(seen.requests).toBe(1);
    expect(dials).toEqual([{ host: 'localhost', port, address: '127.0.0.1', family: 4 }]);
    expect(guarded.dialledAddress(`https://localhost:${port}/other`)).toEqual(dials[0]);
    expect(guarded.dialledAddress(`https://example.com/`)).toBeUndefined();
  });

  it('works with the system resolver for localhost too when the allowlist covers it', async () => {
    const guarded = agent({ allowlist: ['127.0.0.0/8', '::1/128'], ca: tls.ca });
    expect(await post(`https://localhost:${port}/hook`, guarded)).toBe(200);
  });

  it('does not trust the test CA unless it is configured', async () => {
    const err = await post(`https://localhost:${port}/hook`, agent({ allowlist: ['127.0.0.0/8'], lookup: localhostOnly })).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: expect.stringMatching(/CERT|SIGNATURE|ISSUER/) });
    expect(seen.requests).toBe(0);
  });

  it('refuses a host when any answer is outside the allowlist, naming that address', async () => {
    const lookup: Lookup = async () => [
      { address: '127.0.0.1', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ];
    const err = await post(`https://localhost:${port}/hook`, agent({ allowlist: ['127.0.0.0/8'], ca: tls.ca, lookup })).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ name: 'BlockedAddressError', address: '10.0.0.5', rule: 'private' });
    expect(seen.connections).toBe(0);
  });

  it('closes the DNS-rebinding window: public at save time, loopback at connect time, refused at connect', async () => {
    const answers = ['93.184.216.34', '127.0.0.1'];
    let calls = 0;
    const rebinding: Lookup = async () => [{ address: answers[Math.min(calls++, answers.length - 1)]!, family: 4 }];
    const url = `https://rebind.example.com:${port}/hook`;
    expect(await checkDestination(url, { lookup: rebinding })).toMatchObject({ ok: true });
    const err = await post(url, agent({ ca: tls.ca, lookup: rebinding })).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'BlockedAddressError', host: 'rebind.example.com', address: '127.0.0.1', rule: 'loopback' });
    expect(calls).toBe(2);
    expect(seen).toEqual({ connections: 0, requests: 0 });
  });

  it('keeps the blocked-address error recognisable through fetch, which wraps it', async () => {
    const err = await fetch(`https://localhost:${port}/hook`, { method: 'POST', body: '{}', dispatcher: agent({ ca: tls.ca }) }).catch(
      (e: unknown) => e,
    );
    expect(err).not.toBeInstanceOf(BlockedAddressError);
    expect(findBlockedAddressError(err)).toMatchObject({ address: '127.0.0.1', rule: 'loopback' });
    expect(findBlockedAddressError(new Error('connect ECONNREFUSED'))).toBeUndefined();
  });

  it('guards the single-address lookup too, used when happy-eyeballs is turned off', async () => {
    const before = getDefaultAutoSelectFamily();
    setDefaultAutoSelectFamily(false);
    try {
      const err = await post(`https://localhost:${port}/hook`, agent({ ca: tls.ca, lookup: localhostOnly })).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'BlockedAddressError', address: '127.0.0.1' });
      expect(seen.connections).toBe(0);
      expect(await post(`https://localhost:${port}/hook`, agent({ allowlist: ['127.0.0.1'], ca: tls.ca, lookup: localhostOnly }))).toBe(200);
    } finally {
      setDefaultAutoSelectFamily(before);
    }
  });

  it('refuses a bad allowlist entry when the agent is built', () => {
    expect(() => createGuardedAgent({ connectTimeoutMs: 1_000, allowlist: ['127.0.0.0/8', 'localhost'] })).toThrow(/"localhost" is not a CIDR range/);
  });
});
