// How the simulator writes Cal.com's answers: the success and error envelopes, a booking in the 2024-08-13 output
// shape, and the malformed variants the `malformed` fault serves (a field renamed or of the wrong type).
import type { ServerResponse } from 'node:http';
import type { SimBooking } from './sim-availability';
import type { SimEventType, SimUser } from './sim-seed';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

export const success = (data: unknown) => ({ status: 'success', data });

export function sendError(res: ServerResponse, status: number, path: string, code: string, message: string, now: Date, headers: Record<string, string> = {}): void {
  sendJson(res, status, { status: 'error', timestamp: now.toISOString(), path, error: { code, message } }, headers);
}

export function bookingOutput(b: SimBooking, et: SimEventType, host: SimUser): Record<string, unknown> {
  return {
    id: b.id,
    uid: b.uid,
    title: `${et.title} between ${host.name} and ${b.attendee.name}`,
    description: '',
    hosts: [{ id: host.id, name: host.name, email: host.email, displayEmail: host.email, username: host.username, timeZone: host.timeZone }],
    status: b.status,
    ...(b.cancellationReason ? { cancellationReason: b.cancellationReason } : {}),
    ...(b.reschedulingReason ? { reschedulingReason: b.reschedulingReason } : {}),
    ...(b.rescheduledFromUid ? { rescheduledFromUid: b.rescheduledFromUid } : {}),
    ...(b.rescheduledToUid ? { rescheduledToUid: b.rescheduledToUid } : {}),
    start: new Date(b.startMs).toISOString(),
    end: new Date(b.endMs).toISOString(),
    duration: Math.round((b.endMs - b.startMs) / 60_000),
    eventTypeId: et.id,
    eventType: { id: et.id, slug: et.slug },
    location: 'integrations:daily',
    absentHost: false,
    createdAt: b.createdAt,
    updatedAt: null,
    metadata: b.metadata,
    attendees: [{ ...b.attendee, displayEmail: b.attendee.email, absent: false, language: 'en' }],
    bookingFieldsResponses: { name: b.attendee.name, email: b.attendee.email, ...(b.attendee.phoneNumber ? { attendeePhoneNumber: b.attendee.phoneNumber } : {}) },
  };
}

/** A body that is almost right: what a changed API or a proxy would send (the `malformed` fault). */
export function malformed(what: 'me' | 'eventType' | 'slots' | 'booking', good: Record<string, unknown>): Record<string, unknown> {
  const data = good.data as Record<string, unknown>;
  switch (what) {
    case 'me':
      return { ...good, data: { ...data, id: String(data.id) } };
    case 'eventType':
      return { ...good, data: { ...data, lengthInMinutes: undefined, length: data.lengthInMinutes } };
    case 'slots': {
      const [first] = Object.keys(data);
      return first ? { ...good, data: { ...data, [first]: [{ start: 'tomorrow at nine' }] } } : { ...good, data: [] };
    }
    case 'booking':
      return { ...good, data: { ...data, uid: undefined } };
  }
}
