// The Cal.com v2 endpoints the console calls, answered from the simulator's state: /v2/me, /v2/event-types/{id},
// /v2/slots, /v2/bookings and a booking's cancel and reschedule. Each checks its `cal-api-version` (ASSUMED: a
// 400 naming the version, where real Cal.com would route to an older controller and refuse its parameters).
import type { SimExchange } from '../../crm/simulator/sim-server';
import { bookingRefusal, freeStarts } from './sim-availability';
import { bookBody, bookingWrite } from './sim-bookings';
import type { SimState } from './sim-state';
import { isoInZone, isTimeZone, localDate } from './sim-zone';
import { malformed, sendError, sendJson, success } from './sim-wire';

const SLOT_PARAMS = new Set(['eventTypeId', 'start', 'end', 'timeZone', 'duration', 'format', 'slotFormat']);
const VERSIONS = { eventTypes: '2024-06-14', slots: '2024-09-04', bookings: '2024-08-13' } as const;

/** Answers one authenticated, un-throttled request for the key's owner `userId`. */
export function route(ex: SimExchange, state: SimState, userId: number, headers: Record<string, string>): void {
  const { res, url, req } = ex;
  const path = url.pathname.replace(/\/+$/, '');
  const now = state.now();
  const error = (status: number, code: string, message: string) => sendError(res, status, path, code, message, now, headers);
  const answer = (status: number, body: Record<string, unknown>, kind: Parameters<typeof malformed>[0]) =>
    sendJson(res, status, ex.play('malformed') ? malformed(kind, body) : body, headers);
  const version = (want: string) => {
    if (req.headers['cal-api-version'] === want) return true;
    error(400, 'BadRequestException', `The cal-api-version header must be ${want} for ${path} (got ${String(req.headers['cal-api-version'] ?? 'none')}).`);
    return false;
  };

  if (req.method === 'GET' && path === '/v2/me') {
    ex.operation('me');
    const u = state.user(userId);
    return answer(200, success({ id: u.id, username: u.username, email: u.email, name: u.name, timeZone: u.timeZone, weekStart: 'Sunday', timeFormat: 12, defaultScheduleId: u.id * 10, organizationId: null }), 'me');
  }

  const eventTypeMatch = /^\/v2\/event-types\/([^/]+)$/.exec(path);
  if (req.method === 'GET' && eventTypeMatch) {
    ex.operation('get event type');
    if (!version(VERSIONS.eventTypes)) return;
    const et = state.eventTypes.find((e) => String(e.id) === eventTypeMatch[1]);
    if (!et || et.team || et.hostId !== userId) return error(404, 'NotFoundException', `Event type with id=${eventTypeMatch[1]} not found`);
    return answer(200, success({ id: et.id, title: et.title, slug: et.slug, lengthInMinutes: et.lengthInMinutes, description: '', ownerId: et.hostId, minimumBookingNotice: et.minimumBookingNoticeMinutes, hidden: false }), 'eventType');
  }

  if (req.method === 'GET' && path === '/v2/slots') {
    ex.operation('slots');
    if (!version(VERSIONS.slots)) return;
    const unknown = [...url.searchParams.keys()].filter((k) => !SLOT_PARAMS.has(k));
    if (unknown.length > 0) return error(400, 'BadRequestException', `property ${unknown[0]} should not exist`);
    const q = Object.fromEntries(url.searchParams);
    const et = state.eventTypes.find((e) => String(e.id) === q.eventTypeId);
    if (!et) return error(404, 'NotFoundException', `Event type with id=${q.eventTypeId ?? '(none)'} not found`);
    const startMs = Date.parse(q.start ?? '');
    const endMs = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(q.end ?? '') ? `${q.end}T23:59:59.999Z` : (q.end ?? ''));
    if (Number.isNaN(startMs) || Number.isNaN(endMs)) return error(400, 'BadRequestException', 'start and end must be ISO 8601 date strings in UTC');
    if (endMs < startMs) return error(400, 'BadRequestException', 'end must be after start');
    const zone = q.timeZone ?? 'UTC';
    if (!isTimeZone(zone)) return error(400, 'BadRequestException', `timeZone ${zone} is not a valid time zone`);
    const byDate: Record<string, { start: string }[]> = {};
    for (const s of freeStarts(state.user(et.hostId), et, state.bookings, startMs, endMs, now.getTime())) {
      (byDate[localDate(zone, s)] ??= []).push({ start: isoInZone(zone, s) });
    }
    return answer(200, success(byDate), 'slots');
  }

  if (req.method === 'POST' && path === '/v2/bookings') {
    ex.operation('create booking');
    if (!version(VERSIONS.bookings)) return;
    const body = bookBody(ex.body);
    if (!body.ok) return error(400, 'BadRequestException', body.message);
    const et = state.eventTypes.find((e) => e.id === body.value.eventTypeId);
    if (!et) return error(404, 'NotFoundException', `Event type with id=${body.value.eventTypeId} not found`);
    const refusal = bookingRefusal(state.user(et.hostId), et, state.bookings, body.value.startMs, now.getTime());
    if (refusal) return error(400, 'BadRequestException', refusal);
    const booking = state.addBooking(et, body.value.startMs, body.value.attendee, body.value.metadata);
    if (ex.play('drop_write_answer')) return void res.socket?.destroy();
    return answer(201, success(state.output(booking)), 'booking');
  }

  const writeMatch = /^\/v2\/bookings\/([^/]+)\/(cancel|reschedule)$/.exec(path);
  if (req.method === 'POST' && writeMatch) {
    ex.operation(writeMatch[2] === 'cancel' ? 'cancel booking' : 'reschedule booking');
    if (!version(VERSIONS.bookings)) return;
    const result = bookingWrite(state, decodeURIComponent(writeMatch[1]!), writeMatch[2] as 'cancel' | 'reschedule', ex.body);
    if (!result.ok) return error(result.status, result.status === 404 ? 'NotFoundException' : 'BadRequestException', result.message);
    return answer(result.status, success(state.output(result.booking)), 'booking');
  }

  ex.operation('unknown');
  error(404, 'NotFoundException', `Cannot ${req.method ?? 'GET'} ${path}`);
}
