// Signing in to LawRuler's Advanced API (ASSUMED token flow) and "Test connection": tokens renewed before they
// expire and once after a 401, refused credentials as `auth`, and each failed check with what to do about it.
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../kernel';
import { createGuardedAgent } from '../../net';
import { manualClock } from '../../test-support/clock';
import { createTestCa } from '../../test-support/test-ca';
import { useCleanup } from '../../test-support/use-cleanup';
import { CrmError } from '../crm/errors';
import type { CrmCursor } from '../crm/types';
import { createLawRulerConnector } from './lawruler-connector';
import { LAWRULER_SIM_CREDENTIALS } from './simulator/lawruler-simulator';
import { startLawRulerTestSetup } from './test-lawruler';

const cleanup = useCleanup();
const tokenRequests = (setup: { sim: { requests(): { operation: string }[] } }) => setup.sim.requests().filter((r) => r.operation === 'token').length;

describe('LawRuler connector: signing in', () => {
  it('signs in again when a token expires in the middle of a listing, and goes on from where it was', async () => {
    const setup = cleanup.use(await startLawRulerTestSetup({ records: 120 }));
    const crm = setup.connector();
    const first = await crm.listChanged(null, 50);
    expect(tokenRequests(setup)).toBe(1);
    setup.sim.setFault({ kind: 'expire_tokens' });
    const second = await crm.listChanged(first.next, 50);
    expect(tokenRequests(setup)).toBe(2);
    expect(setup.sim.requests().filter((r) => r.status === 401)).toHaveLength(1);
    const third = await crm.listChanged(second.next, 50);
    const ids = [...first.records, ...second.records, ...third.records].map((r) => r.id);
    expect(new Set(ids).size).toBe(120);
    expect(third.caughtUp).toBe(true);
  });

  it('renews a token a minute before it expires, without waiting for a 401', async () => {
    const clock = manualClock();
    const setup = cleanup.use(await startLawRulerTestSetup({ tokenTtlSeconds: 600, now: () => clock.now() }));
    const crm = setup.connectorWith({ clock });
    await crm.loadCatalog();
    clock.advance(530_000);
    await crm.loadCatalog();
    expect(tokenRequests(setup)).toBe(1);
    clock.advance(20_000); // 550 s: within the last minute of the token
    await crm.loadCatalog();
    expect(tokenRequests(setup)).toBe(2);
    expect(setup.sim.requests().filter((r) => r.status === 401)).toEqual([]);
  });

  it('reports `auth` when the token is refused again right after signing in anew', async () => {
    // The portal's clock runs 2 s per request and its tokens last 1 s: each is dead on its first use.
    let t = Date.parse('2026-11-26T20:00:00Z');
    const setup = cleanup.use(await startLawRulerTestSetup({ tokenTtlSeconds: 1, now: () => new Date((t += 2_000)) }));
    const error = await setup.connector().loadCatalog().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).kind).toBe('auth');
    expect(tokenRequests(setup)).toBe(2);
  });
});

describe('LawRuler connector: Test connection', () => {
  it('is all green with good credentials, naming the user', async () => {
    const setup = cleanup.use(await startLawRulerTestSetup({ records: 3 }));
    const checks = await setup.connector().testConnection();
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['Signed in', true],
      ['Can read records', true],
      ['Can load fields and statuses', true],
    ]);
    expect(checks[0]!.detail).toContain(LAWRULER_SIM_CREDENTIALS.username);
    expect(checks[2]!.detail).toBe('3 case types, 7 custom fields, 6 statuses');
  });

  it('passes the read check on an empty portal: "no such lead" proves the Key was accepted', async () => {
    const setup = cleanup.use(await startLawRulerTestSetup());
    const checks = await setup.connector().testConnection();
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(checks[1]!.detail).toMatch(/Key was accepted/);
  });

  it('says which secret to check: a wrong password fails signing in, a wrong Key fails reading', async () => {
    const setup = cleanup.use(await startLawRulerTestSetup({ records: 1 }));
    const badPassword = await setup.connectorWith({ credentials: { password: 'nope' } }).testConnection();
    expect(badPassword[0]).toMatchObject({ name: 'Signed in', ok: false, fix: expect.stringMatching(/Password/) });
    const badKey = await setup.connectorWith({ credentials: { key: 'NOPE' } }).testConnection();
    const read = badKey.find((c) => c.name === 'Can read records')!;
    expect(read).toMatchObject({ ok: false, fix: expect.stringMatching(/Check the Key/) });
  });

  it('says "Client Root not found" for a portal LawRuler does not know', async () => {
    const setup = cleanup.use(await startLawRulerTestSetup());
    const checks = await setup.connectorWith({ credentials: { clientRoot: 'otherfirm' } }).testConnection();
    expect(checks[0]).toMatchObject({ ok: false, fix: expect.stringMatching(/Client Root not found.*otherfirm/) });
  });

  it('says the host is unreachable when nothing listens there', async () => {
    const agent = cleanup.use(createGuardedAgent({ connectTimeoutMs: 1_000, allowlist: ['127.0.0.1/32'] }));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const crm = createLawRulerConnector({ credentials: LAWRULER_SIM_CREDENTIALS, baseUrl: `http://127.0.0.1:${port}`, dispatcher: agent, timeoutMs: 2_000, clock: systemClock });
    const checks = await crm.testConnection();
    expect(checks.every((c) => !c.ok)).toBe(true);
    expect(checks[0]!.fix).toMatch(/Host unreachable/);
  });

  it("says to add the firm's CA when the portal's certificate is not trusted", async () => {
    const ca = createTestCa(['127.0.0.1']);
    const server = createServer({ cert: ca.cert, key: ca.key }, (_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.add(() => new Promise((resolve) => server.close(resolve)));
    const agent = cleanup.use(createGuardedAgent({ connectTimeoutMs: 1_000, allowlist: ['127.0.0.1/32'] }));
    const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const crm = createLawRulerConnector({ credentials: LAWRULER_SIM_CREDENTIALS, baseUrl: base, dispatcher: agent, timeoutMs: 2_000, clock: systemClock });
    const checks = await crm.testConnection();
    expect(checks[0]).toMatchObject({ ok: false, fix: expect.stringMatching(/CA certificate/) });
  });
});

describe('LawRuler connector: changed leads', () => {
  it('pages through leads that share one modified time by id, once each', async () => {
    const clock = manualClock();
    const setup = cleanup.use(await startLawRulerTestSetup({ now: () => clock.now() }));
    const crm = setup.connectorWith({ clock });
    for (let n = 0; n < 7; n += 1) await crm.create(setup.sampleInput(n), `kayse-bulk-${n}`);
    const seen: string[] = [];
    let cursor: CrmCursor | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result = await crm.listChanged(cursor, 3);
      seen.push(...result.records.map((r) => r.id));
      cursor = result.next;
      if (result.caughtUp) break;
    }
    expect(seen).toEqual(setup.sim.created());
    expect((await crm.listChanged(cursor, 3)).records).toEqual([]);
  });

  it('sees a lead edited within the overlap of the cursor exactly once', async () => {
    const clock = manualClock();
    const setup = cleanup.use(await startLawRulerTestSetup({ records: 5, now: () => clock.now() }));
    const crm = setup.connectorWith({ clock });
    const all = await crm.listChanged(null, 10);
    clock.advance(1_000);
    setup.sim.editRecord(all.records[0]!.id, 'Edited');
    const next = await crm.listChanged(all.next, 10);
    expect(next.records.map((r) => [r.id, r.firstName])).toEqual([[all.records[0]!.id, 'Edited']]);
    expect((await crm.listChanged(next.next, 10)).records).toEqual([]);
  });
});
