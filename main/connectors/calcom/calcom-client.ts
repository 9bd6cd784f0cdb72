// The Cal.com v2 client: who the key belongs to, an event type, free slots, and bookings (create, cancel,
// reschedule). Each endpoint is sent the `cal-api-version` its controller is versioned by (calcom/cal.com
// apps/api/v2): without it Cal.com routes to an older controller with other parameters and answers.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../kernel';
import { parseCalcomBaseUrl } from './base-url';
import { createCalcomHttp, type CalcomHttpRequest } from './calcom-http';
import { readAnswer, type AnswerContext } from './read-answer';
import { SchedulingError } from './scheduling-error';
import { bookingAnswerSchema, eventTypeSchema, meSchema, slotsSchema, type WireBooking } from './wire-schemas';

/** The version each endpoint needs (public: external-apis.md and the controllers' `version`). */
export const CAL_API_VERSIONS = { eventTypes: '2024-06-14', slots: '2024-09-04', bookings: '2024-08-13' } as const;

export interface CalcomClientOptions {
  apiKey: string;
  /** The API root (https://api.cal.com, https://api.cal.eu, a self-hosted one); default the cloud. */
  baseUrl?: string;
  /** The guarded agent (main/net). */
  dispatcher: Dispatcher;
  timeoutMs: number;
  clock: Clock;
}

export interface CalcomAccount {
  id: number;
  username: string | null;
  email: string;
  timeZone: string;
}

export interface CalcomEventType {
  id: number;
  title: string;
  slug: string;
  lengthInMinutes: number;
}

export interface CalcomSlot {
  /** ISO with the offset of the asked timeZone, as Cal.com gives it ("2026-11-27T09:00:00.000-05:00"). */
  start: string;
  /** The local date it falls on in that timeZone (Cal.com's grouping key). */
  date: string;
}

export interface CalcomBooking {
  id: number;
  uid: string;
  status: WireBooking['status'];
  start: string;
  end: string;
  eventTypeId: number;
  attendees: { name: string; email: string; timeZone: string; phoneNumber?: string | null }[];
  rescheduledFromUid?: string | null;
  metadata?: Record<string, string>;
}

export interface BookingRequest {
  eventTypeId: number;
  /** The slot's start, any ISO form; sent as UTC. */
  start: string;
  attendee: { name: string; timeZone: string; email?: string; phoneNumber?: string };
  /** At most 50 keys, values ≤ 500 characters (Cal.com's limits). */
  metadata?: Record<string, string>;
}

export interface CalcomClient {
  readonly baseUrl: string;
  me(): Promise<CalcomAccount>;
  eventType(id: number): Promise<CalcomEventType>;
  /** `signal` ends the request early (the booking API's time budget). */
  slots(query: { eventTypeId: number; start: string; end: string; timeZone: string }, options?: { signal?: AbortSignal }): Promise<CalcomSlot[]>;
  book(request: BookingRequest): Promise<CalcomBooking>;
  cancel(uid: string, reason?: string): Promise<CalcomBooking>;
  reschedule(uid: string, start: string, reason?: string): Promise<CalcomBooking>;
  /** How long Cal.com's rate-limit block still lasts (0: none). */
  blockedForMs(): number;
}

const toUtc = (iso: string, operation: string): string => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new SchedulingError({ provider: 'calcom', kind: 'rejected', operation }, `"${iso}" is not a date-time: give an ISO time such as 2026-12-08T19:30:00Z.`);
  return new Date(ms).toISOString();
};

const toBooking = (b: WireBooking): CalcomBooking => ({
  id: b.id,
  uid: b.uid,
  status: b.status,
  start: b.start,
  end: b.end,
  eventTypeId: b.eventTypeId,
  attendees: b.attendees.map((a) => ({ name: a.name, email: a.email, timeZone: a.timeZone, ...(a.phoneNumber === undefined ? {} : { phoneNumber: a.phoneNumber }) })),
  ...(b.rescheduledFromUid === undefined ? {} : { rescheduledFromUid: b.rescheduledFromUid }),
  ...(b.metadata === undefined ? {} : { metadata: b.metadata }),
});

export function createCalcomClient(options: CalcomClientOptions): CalcomClient {
  const base = parseCalcomBaseUrl(options.baseUrl);
  if (!base.ok) throw new SchedulingError({ provider: 'calcom', kind: 'rejected', operation: 'connect' }, base.message);
  const baseUrl = base.baseUrl;
  const http = createCalcomHttp({ dispatcher: options.dispatcher, timeoutMs: options.timeoutMs, clock: options.clock });

  async function call<T>(ctx: AnswerContext, req: Omit<CalcomHttpRequest, 'operation' | 'headers'> & { version?: string }, read: (answer: Awaited<ReturnType<typeof http.send>>) => T): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' };
    if (req.version) headers['cal-api-version'] = req.version;
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    const answer = await http.send({ operation: ctx.operation, method: req.method, url: `${baseUrl}${req.url}`, headers, body: req.body, write: req.write, signal: req.signal });
    return read(answer);
  }

  const bookingWrite = (ctx: AnswerContext, path: string, body: unknown) =>
    call(ctx, { method: 'POST', url: path, body: JSON.stringify(body), version: CAL_API_VERSIONS.bookings, write: true }, (a) => toBooking(readAnswer(ctx, a, bookingAnswerSchema).data));

  return {
    baseUrl,
    blockedForMs: http.blockedForMs,
    me: () =>
      call({ operation: 'check the API key' }, { method: 'GET', url: '/v2/me' }, (a) => {
        const d = readAnswer({ operation: 'check the API key' }, a, meSchema).data;
        return { id: d.id, username: d.username, email: d.email, timeZone: d.timeZone };
      }),
    eventType(id) {
      const ctx = { operation: `load event type ${id}`, subject: `event type ${id} (check the number, or it may be a team event type this key's owner doesn't own)` };
      return call(ctx, { method: 'GET', url: `/v2/event-types/${encodeURIComponent(String(id))}`, version: CAL_API_VERSIONS.eventTypes }, (a) => {
        const d = readAnswer(ctx, a, eventTypeSchema).data;
        return { id: d.id, title: d.title, slug: d.slug, lengthInMinutes: d.lengthInMinutes };
      });
    },
    slots(query, options = {}) {
      const ctx = { operation: 'list free slots', subject: `event type ${query.eventTypeId}` };
      const params = new URLSearchParams({ eventTypeId: String(query.eventTypeId), start: toUtc(query.start, ctx.operation), end: toUtc(query.end, ctx.operation), timeZone: query.timeZone });
      return call(ctx, { method: 'GET', url: `/v2/slots?${params.toString()}`, version: CAL_API_VERSIONS.slots, signal: options.signal }, (a) => {
        const byDate = readAnswer(ctx, a, slotsSchema).data;
        return Object.entries(byDate)
          .flatMap(([date, slots]) => slots.map((s) => ({ start: s.start, date })))
          .sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
      });
    },
    book(req) {
      const ctx = { operation: 'book', subject: `event type ${req.eventTypeId}` };
      const { name, timeZone, email, phoneNumber } = req.attendee;
      const attendee = { name, timeZone, ...(email ? { email } : {}), ...(phoneNumber ? { phoneNumber } : {}) };
      return bookingWrite(ctx, '/v2/bookings', { start: toUtc(req.start, ctx.operation), eventTypeId: req.eventTypeId, attendee, ...(req.metadata ? { metadata: req.metadata } : {}) });
    },
    cancel(uid, reason) {
      const ctx = { operation: 'cancel the booking', subject: `booking ${uid}` };
      return bookingWrite(ctx, `/v2/bookings/${encodeURIComponent(uid)}/cancel`, { cancellationReason: reason ?? 'Cancelled by the Kayse console' });
    },
    reschedule(uid, start, reason) {
      const ctx = { operation: 'reschedule the booking', subject: `booking ${uid}` };
      return bookingWrite(ctx, `/v2/bookings/${encodeURIComponent(uid)}/reschedule`, { start: toUtc(start, ctx.operation), reschedulingReason: reason ?? 'Rescheduled by the Kayse console' });
    },
  };
}
