// Try it and the Activity view through the contract, and the booking API the core serves on its ingest server,
// over the scheduling connection (real keychain) and the Cal.com simulator: slots as the voice agent says them in
// the company timezone, a test booking and its cancellation, every call in the activity log with the agent and the
// case, the agent's last booking, and what Try it and the API answer once scheduling is disconnected.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { runKeychain, startSchedulingTest } from './test-scheduling';

const cleanup = useCleanup();
const THURSDAY = { from: '2026-12-03T00:00:00-05:00', to: '2026-12-03T23:59:00-05:00' };
const MARIA = { name: 'Maria Lopez', email: 'maria@example.com', phone: '+15551230001' };

describe.skipIf(!runKeychain)('Try it and Activity', () => {
  it('lists slots as the voice agent says them, books one, cancels it; each call is in Activity and the agent shows its last booking', async () => {
    const t = cleanup.use(await startSchedulingTest());
    const api = t.core.api;
    await api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });
    await api.scheduling.lookupEventType({ eventType: 502 });

    const found = await api.schedulingBooking.slots({ agentId: t.agents.reviewer, ...THURSDAY });
    expect(found.timeZone).toBe('America/New_York');
    expect(found.eventType).toMatchObject({ id: 502, title: 'Case review', lengthMinutes: 60 });
    expect(found.slots.map((s) => s.start)).toEqual(['09', '10', '11', '12', '13', '14', '15', '16'].map((h) => `2026-12-03T${h}:00:00.000-05:00`));
    expect(found.slots[0]?.spoken).toBe('Thursday, December 3 at 9 AM');

    const booked = await api.schedulingBooking.book({ agentId: t.agents.reviewer, start: found.slots[5]!.start, attendee: MARIA });
    expect(booked).toMatchObject({ start: '2026-12-03T14:00:00.000-05:00', end: '2026-12-03T15:00:00.000-05:00', status: 'accepted' });
    expect(booked.spoken).toMatch(/December 3 at 2 PM/);
    expect(t.sim.bookings().filter((b) => b.status !== 'cancelled').map((b) => b.uid)).toEqual([booked.bookingUid]);

    const again = await api.schedulingBooking.slots({ agentId: t.agents.reviewer, ...THURSDAY });
    expect(again.slots.map((s) => s.start)).not.toContain(booked.start);

    expect(await api.schedulingBooking.cancel({ bookingUid: booked.bookingUid })).toEqual({ bookingUid: booked.bookingUid, status: 'cancelled' });
    expect(t.sim.bookings().find((b) => b.uid === booked.bookingUid)?.status).toBe('cancelled');

    const activity = await api.schedulingBooking.activity();
    expect(activity.total).toBe(4);
    expect(activity.rows.map((r) => [r.kind, r.agentName, r.ok, r.outcome])).toEqual([
      ['cancel', 'Ben (reviews)', true, 'ok'],
      ['availability', 'Ben (reviews)', true, 'ok'],
      ['booking', 'Ben (reviews)', true, 'ok'],
      ['availability', 'Ben (reviews)', true, 'ok'],
    ]);
    expect(activity.rows[2]).toMatchObject({ bookingUid: booked.bookingUid, reason: null, caseId: null, caseLabel: null });
    expect(activity.rows[3]?.answer).toMatch(/^8 free slot/);
    const page = await api.schedulingBooking.activity({ offset: 1, limit: 2 });
    expect(page.rows.map((r) => r.id)).toEqual(activity.rows.slice(1, 3).map((r) => r.id));
    expect((await api.schedulingBooking.activity({ agentId: t.agents.booker })).total).toBe(0);

    const agents = await api.scheduling.agents();
    expect(agents.find((a) => a.id === t.agents.reviewer)?.lastBookingAt).toBe(t.clock.now().toISOString());
    expect(agents.find((a) => a.id === t.agents.booker)?.lastBookingAt).toBeNull();
  });

  it('serves the booking API on the ingest server with the case named in Activity, and answers "disconnected" after Disconnect', async () => {
    const t = cleanup.use(await startSchedulingTest());
    const { core } = t;
    await core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });
    const status = await core.ingest.listen({ host: '127.0.0.1', port: 0 });
    const { apiKey } = core.ingest.keys.create({ name: 'voice platform' });
    core.workspace.caseTypes.create({ name: 'Personal Injury', statuses: ['New Lead'] });
    const client = core.workspace.records.upsertClient({ firstName: 'Maria', lastName: 'Lopez' }, { origin: 'ingest' }).client;
    const theCase = core.workspace.records.upsertCase({ name: 'Lopez v. Trucking Co', caseType: 'Personal Injury', status: 'New Lead', clientIds: [client.id] }, { origin: 'ingest' }).case;
    const send = (method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) =>
      fetch(`${status.url!}${path}`, { method, headers: { 'x-api-key': apiKey, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });

    const slots = await send('GET', `/v1/agents/${t.agents.reviewer}/availability?from=${encodeURIComponent(THURSDAY.from)}&to=${encodeURIComponent(THURSDAY.to)}`);
    expect(slots.status).toBe(200);
    const booking = await send('POST', `/v1/agents/${t.agents.reviewer}/bookings`, { start: '2026-12-03T10:00:00-05:00', attendee: MARIA, case_id: theCase.id }, { 'idempotency-key': 'call-1-tool-7' });
    expect(booking.status).toBe(201);
    const row = (await core.api.schedulingBooking.activity()).rows[0];
    expect(row).toMatchObject({ kind: 'booking', caseId: theCase.id, caseLabel: `${theCase.caseNumber} · Maria Lopez`, ok: true });

    await core.api.scheduling.disconnect();
    const refused = await send('GET', `/v1/agents/${t.agents.reviewer}/availability`);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { details: { reason: 'scheduling_disconnected' } } });
    const tryIt = await core.api.schedulingBooking.slots({ agentId: t.agents.reviewer }).catch((e: unknown) => e);
    expect(tryIt).toMatchObject({ details: { reason: 'scheduling_disconnected' }, message: expect.stringMatching(/Scheduling is disconnected/) });
    const off = await core.api.schedulingBooking.slots({ agentId: t.agents.idle }).catch((e: unknown) => e);
    expect(off).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'booking_off' } });
    expect((await core.api.schedulingBooking.activity()).rows.slice(0, 3).map((r) => [r.ok, r.outcome, r.reason])).toEqual([
      [false, 'refused', 'booking_off'],
      [false, 'refused', 'scheduling_disconnected'],
      [false, 'refused', 'scheduling_disconnected'],
    ]);
  });
});
