// The booking API over real HTTP (the ingest server, its API keys) against the Cal.com simulator on loopback and a
// real SQLite core: slots in the company timezone with the sentence a voice agent says, a retried booking that
// never books twice, the race where a listed slot is taken (409 with the next three), each refusal naming its
// problem, cancel and reschedule, and the activity log.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { bookingBody, startBookingTest, THURSDAY } from './test-booking';

const cleanup = useCleanup();

interface ErrorBody {
  error: { code: string; message: string; details?: { reason: string; issues?: { path: string; message: string }[]; alternatives?: { start: string; spoken: string }[] } };
}
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
const availabilityPath = (agentId: string, range = THURSDAY) => `/v1/agents/${agentId}/availability?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;

describe('booking API', () => {
  it('lists free slots in the company timezone, each with the sentence a voice agent says, and logs the check', async () => {
    const t = cleanup.use(await startBookingTest());
    const res = await t.send('GET', availabilityPath(t.agent.id));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { time_zone: string; slots: { start: string; spoken: string }[] };
    expect(body.time_zone).toBe('America/New_York');
    expect(body.slots).toHaveLength(8);
    expect(body.slots[0]).toEqual({ start: '2026-12-03T09:00:00.000-05:00', spoken: 'Thursday, December 3 at 9 AM' });
    expect(body.slots[7]!.spoken).toBe('Thursday, December 3 at 4 PM');

    const [row] = t.activityRows();
    expect(row).toMatchObject({ operation: 'availability', agent_id: t.agent.id, outcome: 'ok', attempts: 1, answer: expect.stringContaining('8 free slot(s)') });
    expect(row!.request).toContain('event type 502');
    expect(typeof row!.latency_ms).toBe('number');
    expect(t.changed.flat()).toContain('scheduling_activity');
  });

  it('a retried booking (same Idempotency-Key) answers the same booking and books once, even when the retries overlap', async () => {
    const t = cleanup.use(await startBookingTest());
    const body = bookingBody('2026-12-03T10:00:00-05:00', { case_id: t.theCase.id });
    const headers = { 'idempotency-key': 'call-42-book-1' };
    const [first, overlapping] = await Promise.all([t.send('POST', `/v1/agents/${t.agent.id}/bookings`, body, headers), t.send('POST', `/v1/agents/${t.agent.id}/bookings`, body, headers)]);
    const retried = await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, body, headers);
    const answers = await Promise.all([first, overlapping, retried].map(async (r) => ({ status: r.status, body: (await r.json()) as { booking: { uid: string; spoken: string; start: string; case_id: string }; replayed: boolean } })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.booking.uid)).size).toBe(1);
    expect(answers[2]!.body).toMatchObject({ replayed: true, booking: { start: '2026-12-03T10:00:00.000-05:00', spoken: 'Thursday, December 3 at 10 AM', case_id: t.theCase.id } });
    expect(t.liveBookings()).toHaveLength(1);
    expect(t.sim.requests().filter((r) => r.method === 'POST' && r.path === '/v2/bookings')).toHaveLength(1);
    expect(t.activityRows().map((r) => r.outcome).sort()).toEqual(['ok', 'replayed', 'replayed']);

    const other = await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, bookingBody('2026-12-03T11:00:00-05:00'), headers);
    expect(other.status).toBe(422);
    const reused = await errorOf(other);
    expect(reused.details?.reason).toBe('idempotency_key_reused');
    expect(reused.message).toContain('"call-42-book-1" was already used for a different booking request');

    const keyless = await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, bookingBody('2026-12-03T11:00:00-05:00'));
    expect(keyless.status).toBe(400);
    expect((await errorOf(keyless)).message).toContain('Send an Idempotency-Key header');
    expect(t.liveBookings()).toHaveLength(1);
  });

  it('a slot taken between listing and booking → 409 with the next three free slots; nothing of ours is booked', async () => {
    const t = cleanup.use(await startBookingTest());
    const listed = (await (await t.send('GET', availabilityPath(t.agent.id))).json()) as { slots: { start: string }[] };
    t.sim.takeSlot(502, listed.slots[2]!.start);
    const res = await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, bookingBody(listed.slots[2]!.start), { 'idempotency-key': 'race-1' });
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.reason).toBe('slot_taken');
    expect(error.details?.alternatives).toEqual([
      { start: '2026-12-03T12:00:00.000-05:00', spoken: 'Thursday, December 3 at 12 PM' },
      { start: '2026-12-03T13:00:00.000-05:00', spoken: 'Thursday, December 3 at 1 PM' },
      { start: '2026-12-03T14:00:00.000-05:00', spoken: 'Thursday, December 3 at 2 PM' },
    ]);
    expect(error.message).toContain('no longer free');
    expect(t.liveBookings().map((b) => b.attendee)).toEqual(['Someone Else']);
    expect(t.activityRows().at(-1)).toMatchObject({ operation: 'book', outcome: 'refused', reason: 'slot_taken' });

    // The key was freed: the same key books the offered alternative.
    const again = await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, bookingBody(error.details!.alternatives![0]!.start), { 'idempotency-key': 'race-1' });
    expect(again.status).toBe(201);
  });

  it('a booking whose answer never came: 503 saying it may have gone through; the retry never books the slot twice', async () => {
    const t = cleanup.use(await startBookingTest());
    t.sim.setFault({ kind: 'drop_write_answer' }, { times: 1 });
    const body = bookingBody('2026-12-03T12:00:00-05:00');
    const dropped = await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, body, { 'idempotency-key': 'dropped-1' });
    expect(dropped.status).toBe(503);
    expect((await errorOf(dropped)).message).toContain('it may have gone through');
    const retried = await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, body, { 'idempotency-key': 'dropped-1' });
    expect(retried.status).toBe(409);
    expect(t.liveBookings()).toHaveLength(1);
  });

  it('refuses, naming the problem: unknown agent, booking off, bad input, disconnected scheduling, no API key', async () => {
    const t = cleanup.use(await startBookingTest());
    const unknown = await t.send('GET', availabilityPath('agent-nope'));
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('No agent with id "agent-nope"'), details: { reason: 'unknown_agent' } });

    const off = await t.send('POST', `/v1/agents/${t.offAgent.id}/bookings`, bookingBody('2026-12-03T10:00:00-05:00'), { 'idempotency-key': 'k-off' });
    expect(off.status).toBe(403);
    expect(await errorOf(off)).toMatchObject({ details: { reason: 'booking_off' }, message: expect.stringContaining('Appointment booking is off for agent "Survey line"') });

    const bad = await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, { start: 'tomorrow at 3', attendee: { name: 'Maria', phone: '555-1234' }, extra: 1 }, { 'idempotency-key': 'k-bad' });
    expect(bad.status).toBe(400);
    const badError = await errorOf(bad);
    expect(badError.details?.reason).toBe('invalid_input');
    expect(badError.details?.issues?.map((i) => i.path).sort()).toEqual(['(body)', 'attendee.phone', 'start']);
    expect(badError.message).toContain('attendee.phone: expected an E.164 phone number');

    const noContact = await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, { start: '2026-12-03T10:00:00-05:00', attendee: { name: 'Maria' } }, { 'idempotency-key': 'k-nc' });
    expect((await errorOf(noContact)).message).toContain('give an email and/or a phone number');

    const badRange = await t.send('GET', `/v1/agents/${t.agent.id}/availability?from=2026-12-09T00:00:00Z&to=2026-12-03T00:00:00Z`);
    expect(badRange.status).toBe(400);
    expect((await errorOf(badRange)).message).toContain('"to" must be after "from"');

    const unknownCase = await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, bookingBody('2026-12-03T10:00:00-05:00', { case_id: 'case-nope' }), { 'idempotency-key': 'k-case' });
    expect(unknownCase.status).toBe(422);
    expect((await errorOf(unknownCase)).message).toContain('No case with id "case-nope"');

    t.state.connected = false;
    for (const res of [await t.send('GET', availabilityPath(t.agent.id)), await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, bookingBody('2026-12-03T10:00:00-05:00'), { 'idempotency-key': 'k-dis' })]) {
      expect(res.status).toBe(422);
      expect(await errorOf(res)).toMatchObject({ details: { reason: 'scheduling_disconnected' }, message: expect.stringContaining('Settings → Integrations → Scheduling') });
    }
    const noKey = await fetch(`${t.url}${availabilityPath(t.agent.id)}`);
    expect(noKey.status).toBe(401);
    expect(t.sim.bookings()).toEqual([]);
    expect(t.activityRows().map((r) => r.reason)).toEqual(['unknown_agent', 'booking_off', 'invalid_input', 'invalid_input', 'invalid_input', 'unknown_record', 'scheduling_disconnected', 'scheduling_disconnected']);
  });

  it('reschedules and cancels a booking made for a case; the case lists each appointment change', async () => {
    const t = cleanup.use(await startBookingTest());
    const made = (await (await t.send('POST', `/v1/agents/${t.agent.id}/bookings`, bookingBody('2026-12-03T10:00:00-05:00', { case_id: t.theCase.id }), { 'idempotency-key': 'k-1' })).json()) as { booking: { uid: string } };
    const moved = await t.send('POST', `/v1/bookings/${made.booking.uid}/reschedule`, { start: '2026-12-03T15:00:00-05:00', reason: 'Client asked for later' });
    expect(moved.status).toBe(200);
    const movedBody = (await moved.json()) as { booking: { uid: string; spoken: string; rescheduled_from_uid: string; case_id: string } };
    expect(movedBody.booking).toMatchObject({ spoken: 'Thursday, December 3 at 3 PM', rescheduled_from_uid: made.booking.uid, case_id: t.theCase.id });
    const cancelled = await t.send('POST', `/v1/bookings/${movedBody.booking.uid}/cancel`, { reason: 'Found another firm' });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as { booking: { status: string } }).booking.status).toBe('cancelled');
    expect(t.liveBookings()).toEqual([]);

    const missing = await t.send('POST', '/v1/bookings/no-such-booking/cancel', {});
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).details?.reason).toBe('booking_not_found');

    expect(t.service.caseAppointments(t.theCase.id).map((a) => [a.operation, a.bookingUid])).toEqual([
      ['cancel', movedBody.booking.uid],
      ['reschedule', movedBody.booking.uid],
      ['book', made.booking.uid],
    ]);
    expect(t.service.activity({ caseId: t.theCase.id }).total).toBe(3);

    // The case's detail (cases.get, as its screen reads it) lists them in its history, newest first.
    const detail = await t.core.api.cases.get({ id: t.theCase.id });
    expect(detail.appointments?.map((a) => [a.kind, a.start, a.bookingUid, a.agentName])).toEqual([
      ['cancelled', null, movedBody.booking.uid, 'Intake line'],
      ['rescheduled', '2026-12-03T20:00:00.000Z', movedBody.booking.uid, 'Intake line'],
      ['booked', '2026-12-03T15:00:00.000Z', made.booking.uid, 'Intake line'],
    ]);
  });
});
