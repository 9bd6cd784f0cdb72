// The Cal.com client against the simulator on loopback: the key check, event types (a team one 404s), every error
// kind a user meets (refused or expired key, not found, unavailable on 5xx and on a slow answer, a malformed answer
// named by its path, a booking whose answer never came), the version header each endpoint needs, and base URLs.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { parseCalcomBaseUrl } from './base-url';
import { CAL_API_VERSIONS, createCalcomClient } from './calcom-client';
import { isSchedulingError, SchedulingError } from './scheduling-error';
import { startCalcomTest } from './test-calcom';

const cleanup = useCleanup();

async function failure(promise: Promise<unknown>): Promise<SchedulingError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SchedulingError) return error;
    throw error;
  }
  throw new Error('expected a SchedulingError, but the call succeeded');
}

const attendee = { name: 'Maria Lopez', email: 'maria@example.com', timeZone: 'America/New_York' };

describe('Cal.com client', () => {
  it('checks the key with /v2/me: the account, its time zone, and the bearer key sent', async () => {
    const t = cleanup.use(await startCalcomTest());
    const account = await t.client().me();
    expect(account).toEqual({ id: 1001, username: 'jordan-avery', email: 'jordan@avery-law.example', timeZone: 'America/New_York' });
    expect(t.sim.requests().map((r) => [r.method, r.path, r.operation, r.status])).toEqual([['GET', '/v2/me', 'me', 200]]);
  });

  it('refuses an unknown key and an expired one, saying which', async () => {
    const t = cleanup.use(await startCalcomTest());
    const unknown = await failure(t.client({ apiKey: 'cal_live_not_a_real_key' }).me());
    expect(unknown.kind).toBe('invalid_key');
    expect(unknown.schedulingDetails).toMatchObject({ status: 401, providerMessage: 'Invalid API Key', expired: false });
    expect(unknown.message).toContain('Check that it was copied whole');
    const expired = await failure(t.client({ apiKey: t.sim.keys.expired }).me());
    expect(expired.kind).toBe('invalid_key');
    expect(expired.schedulingDetails.expired).toBe(true);
    expect(expired.message).toMatch(/it has expired.*Create a new key/);
  });

  it("loads the owner's event type with its length; a team event type and an unknown id are not found", async () => {
    const t = cleanup.use(await startCalcomTest());
    const client = t.client();
    expect(await client.eventType(501)).toEqual({ id: 501, title: 'Free consultation', slug: 'free-consultation', lengthInMinutes: 30 });
    for (const id of [601, 424242]) {
      const error = await failure(client.eventType(id));
      expect(error.kind).toBe('not_found');
      expect(error.message).toContain(`event type ${id}`);
      expect(error.message).toContain("team event type this key's owner doesn't own");
    }
  });

  it('sends each endpoint the cal-api-version it needs (the simulator refuses any other)', async () => {
    expect(CAL_API_VERSIONS).toEqual({ eventTypes: '2024-06-14', slots: '2024-09-04', bookings: '2024-08-13' });
    const t = cleanup.use(await startCalcomTest());
    const client = t.client();
    await client.eventType(502);
    const [slot] = await client.slots({ eventTypeId: 502, start: '2026-12-03T00:00:00Z', end: '2026-12-04T00:00:00Z', timeZone: 'America/New_York' });
    const booking = await client.book({ eventTypeId: 502, start: slot!.start, attendee });
    await client.cancel(booking.uid);
    expect(t.sim.requests().map((r) => [r.operation, r.status])).toEqual([
      ['get event type', 200],
      ['slots', 200],
      ['create booking', 201],
      ['cancel booking', 200],
    ]);
    const wrong = await fetch(`${t.sim.url}/v2/slots?eventTypeId=502&start=2026-12-03&end=2026-12-04`, { headers: { authorization: `Bearer ${t.sim.keys.valid}`, 'cal-api-version': '2024-04-15' } });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain('must be 2024-09-04');
  });

  it('reports Cal.com unavailable on a 5xx and on an answer slower than the timeout', async () => {
    const t = cleanup.use(await startCalcomTest());
    t.sim.setFault({ kind: 'server_error', status: 502 }, { times: 1 });
    const down = await failure(t.client().me());
    expect(down.kind).toBe('unavailable');
    expect(down.schedulingDetails.status).toBe(502);
    expect(down.message).toContain('try again shortly');
    t.sim.setFault({ kind: 'slow', ms: 1_500 }, { times: 1 });
    const started = Date.now();
    const slow = await failure(t.client({ timeoutMs: 300 }).me());
    expect(slow.kind).toBe('unavailable');
    expect(slow.message).toContain('no answer in time');
    expect(Date.now() - started).toBeLessThan(1_400);
    expect((await t.client().me()).id).toBe(1001);
  });

  it.each([
    ['me', 'data.id'],
    ['event type', 'data.lengthInMinutes'],
    ['slots', 'data.2026-12-03.0.start'],
    ['booking', 'data.uid'],
  ])('names the path of a malformed %s answer', async (what, path) => {
    const t = cleanup.use(await startCalcomTest());
    const client = t.client();
    const calls: Record<string, () => Promise<unknown>> = {
      me: () => client.me(),
      'event type': () => client.eventType(501),
      slots: () => client.slots({ eventTypeId: 502, start: '2026-12-03T00:00:00Z', end: '2026-12-03T23:59:59Z', timeZone: 'America/New_York' }),
      booking: () => client.book({ eventTypeId: 502, start: '2026-12-03T14:00:00Z', attendee }),
    };
    t.sim.setFault({ kind: 'malformed' }, { times: 1 });
    const error = await failure(calls[what]!());
    expect(error.kind).toBe('bad_response');
    expect(error.schedulingDetails.path).toBe(path);
    expect(error.message).toContain(`at ${path}`);
  });

  it('says a booking whose answer never came may have been made (and it was)', async () => {
    const t = cleanup.use(await startCalcomTest());
    t.sim.setFault({ kind: 'drop_write_answer' }, { times: 1 });
    const error = await failure(t.client().book({ eventTypeId: 502, start: '2026-12-03T14:00:00Z', attendee }));
    expect(error.kind).toBe('unknown_outcome');
    expect(error.message).toContain('may have been made');
    expect(t.sim.bookings().map((b) => [b.start, b.status])).toEqual([['2026-12-03T14:00:00.000Z', 'accepted']]);
  });

  it('accepts cal.com, cal.eu and self-hosted addresses over HTTPS, http only on loopback', () => {
    expect(parseCalcomBaseUrl('')).toEqual({ ok: true, baseUrl: 'https://api.cal.com' });
    expect(parseCalcomBaseUrl('https://api.cal.eu/v2/')).toEqual({ ok: true, baseUrl: 'https://api.cal.eu' });
    expect(parseCalcomBaseUrl(' https://cal.firm.example/api/v2 ')).toEqual({ ok: true, baseUrl: 'https://cal.firm.example/api' });
    expect(parseCalcomBaseUrl('http://127.0.0.1:5555')).toEqual({ ok: true, baseUrl: 'http://127.0.0.1:5555' });
    expect(parseCalcomBaseUrl('http://localhost:5555/v2')).toEqual({ ok: true, baseUrl: 'http://localhost:5555' });
    const plain = parseCalcomBaseUrl('http://cal.firm.example');
    expect(plain.ok === false && plain.message).toMatch(/must start with https:\/\/.*unencrypted/);
    const junk = parseCalcomBaseUrl('api cal com');
    expect(junk.ok === false && junk.message).toMatch(/is not a web address/);
    expect(isSchedulingError(new Error('x'))).toBe(false);
    const t = { dispatcher: undefined as never, timeoutMs: 1_000, clock: { now: () => new Date() } };
    expect(() => createCalcomClient({ ...t, apiKey: 'cal_live_x', baseUrl: 'http://cal.firm.example' })).toThrow(/must start with https:\/\//);
    expect(createCalcomClient({ ...t, apiKey: 'cal_live_x' }).baseUrl).toBe('https://api.cal.com');
  });
});
