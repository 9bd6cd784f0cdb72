// The time budget a live call can bear: a slow Cal.com gets "try again shortly" (503, Retry-After) within the budget
// instead of a hang; 5xx answers are tried again inside it; a booking still on its way at the deadline keeps its
// Idempotency-Key, so the caller's retry gets that booking once it lands and nothing is booked twice.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { createBookingService } from './booking-service';
import { bookingBody, startBookingTest, THURSDAY } from './test-booking';

const cleanup = useCleanup();
const BUDGET_MS = 600;
/** What an answer may take beyond the budget: the HTTP round trip and a loaded CI machine. */
const MARGIN_MS = 400;
const availabilityPath = (agentId: string) => `/v1/agents/${agentId}/availability?from=${encodeURIComponent(THURSDAY.from)}&to=${encodeURIComponent(THURSDAY.to)}`;

async function timed(call: () => Promise<Response>) {
  const started = performance.now();
  const res = await call();
  const body = (await res.json()) as { error?: { message: string; details?: { reason: string } }; booking?: { uid: string }; replayed?: boolean };
  return { res, body, ms: performance.now() - started };
}

describe('booking API time budget', () => {
  it('a slow Cal.com: availability answers 503 "try again shortly" with Retry-After within the budget', async () => {
    const t = cleanup.use(await startBookingTest({ timeBudgetMs: BUDGET_MS }));
    t.sim.setFault({ kind: 'slow', ms: 3_000 });
    const { res, body, ms } = await timed(() => t.send('GET', availabilityPath(t.agent.id)));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(body.error?.details?.reason).toBe('unavailable');
    expect(body.error?.message).toContain(`within the ${BUDGET_MS} ms time budget`);
    expect(body.error?.message).toContain('Try again shortly');
    expect(ms).toBeGreaterThanOrEqual(BUDGET_MS - 50);
    expect(ms).toBeLessThan(BUDGET_MS + MARGIN_MS);
    expect(t.activityRows().at(-1)).toMatchObject({ operation: 'availability', outcome: 'timed_out', reason: 'unavailable' });
  });

  it('the slots request still running at the deadline is aborted then, not left to the client\'s own 5 s timeout', async () => {
    const t = cleanup.use(await startBookingTest({ timeBudgetMs: BUDGET_MS }));
    const client = (await t.deps.clientFor())!;
    let settledAfterMs = -1;
    const watched = createBookingService({
      ...t.deps,
      clientFor: async () => ({
        ...client,
        slots: (query, options) => {
          const started = performance.now();
          return client.slots(query, options).finally(() => (settledAfterMs = performance.now() - started));
        },
      }),
    });
    cleanup.add(() => watched.close());
    t.sim.setFault({ kind: 'slow', ms: 3_000 });
    await expect(watched.availability(t.agent.id, THURSDAY)).rejects.toMatchObject({ reason: 'unavailable' });
    await new Promise((r) => setTimeout(r, 100));
    expect(settledAfterMs).toBeGreaterThan(0);
    expect(settledAfterMs).toBeLessThan(BUDGET_MS + MARGIN_MS);
  });

  it('5xx answers are tried again within the budget: the caller gets the slots', async () => {
    const t = cleanup.use(await startBookingTest({ timeBudgetMs: BUDGET_MS }));
    t.sim.setFault({ kind: 'server_error', status: 503 }, { times: 2 });
    const { res, ms } = await timed(() => t.send('GET', availabilityPath(t.agent.id)));
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(BUDGET_MS + MARGIN_MS);
    expect(t.activityRows().at(-1)).toMatchObject({ outcome: 'ok', attempts: 3 });
  });

  it('Cal.com limiting the key: 503 at once with Retry-After until its reset, no request sent meanwhile', async () => {
    const t = cleanup.use(await startBookingTest({ timeBudgetMs: BUDGET_MS }));
    t.sim.setFault({ kind: 'rate_limit', retryAfterSeconds: 7 }, { times: 1 });
    const first = await timed(() => t.send('GET', availabilityPath(t.agent.id)));
    expect(first.res.status).toBe(503);
    expect(first.res.headers.get('retry-after')).toBe('7');
    expect(first.body.error?.message).toContain('try again in 7 s');
    const sent = t.sim.requests().length;
    const second = await timed(() => t.send('POST', `/v1/agents/${t.agent.id}/bookings`, bookingBody('2026-12-03T10:00:00-05:00'), { 'idempotency-key': 'limited-1' }));
    expect(second.res.status).toBe(503);
    expect(t.sim.requests()).toHaveLength(sent);
    t.clock.advance(7_000);
    expect((await t.send('GET', availabilityPath(t.agent.id))).status).toBe(200);
  });

  it('5xx past the budget: 503 naming the last failure', async () => {
    const t = cleanup.use(await startBookingTest({ timeBudgetMs: 300 }));
    t.sim.setFault({ kind: 'server_error', status: 502 });
    const { res, body, ms } = await timed(() => t.send('GET', availabilityPath(t.agent.id)));
    expect(res.status).toBe(503);
    expect(body.error?.message).toMatch(/HTTP 502/);
    expect(ms).toBeLessThan(300 + MARGIN_MS);
  });

  it('a booking still on its way at the deadline: 503 at once, then the retry with the same key gets it, booked once', async () => {
    const t = cleanup.use(await startBookingTest({ timeBudgetMs: 400 }));
    t.sim.setFault({ kind: 'slow', ms: 900 }, { times: 1 });
    const body = bookingBody('2026-12-03T11:00:00-05:00');
    const headers = { 'idempotency-key': 'slow-call-1' };
    const first = await timed(() => t.send('POST', `/v1/agents/${t.agent.id}/bookings`, body, headers));
    expect(first.res.status).toBe(503);
    expect(first.ms).toBeLessThan(400 + MARGIN_MS);

    // Retried at once: the first booking is still on its way; the retry waits for it within its own budget, or
    // is told to retry; it never sends a second booking.
    const early = await timed(() => t.send('POST', `/v1/agents/${t.agent.id}/bookings`, body, headers));
    expect([200, 409]).toContain(early.res.status);

    // Bounded wait for the slow booking to land (the simulator answers after 900 ms).
    for (let i = 0; i < 40 && t.liveBookings().length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 100));
    const retried = await timed(() => t.send('POST', `/v1/agents/${t.agent.id}/bookings`, body, headers));
    expect(retried.res.status).toBe(200);
    expect(retried.body.replayed).toBe(true);
    expect(t.liveBookings()).toHaveLength(1);
    expect(retried.body.booking?.uid).toBe(t.liveBookings()[0]!.uid);
    expect(t.sim.requests().filter((r) => r.method === 'POST' && r.path === '/v2/bookings')).toHaveLength(1);
    expect(t.activityRows()[0]).toMatchObject({ operation: 'book', outcome: 'late_ok', booking_uid: t.liveBookings()[0]!.uid });
  });
});
