// The booking API's routes on the ingest server (same API keys and rate limit as /v1/events): availability, book
// (Idempotency-Key required), cancel and reschedule. Every query and body is checked with zod before the service
// runs; a refusal is `{error: {code, message, details: {reason, …}}}` with its status (409 slot_taken carries the
// next free slots in `alternatives`, 503 a Retry-After).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/result';
import { BookingError, invalidInput } from './booking-errors';
import type { ActivityOperation } from './activity-log';
import type { BookingService } from './booking-service';
import { availabilityQueryWire, bookingBodyWire, cancelBodyWire, rescheduleBodyWire, toBookingWire } from './booking-wire';

/** The booking routes, as the ingest server's optional `booking` dep. `service` is looked up per request. */
export type BookingRoutes = (app: FastifyInstance) => void;

/** Checks a query or body; a refusal is logged like the service's own (every call leaves a row). */
function parseWire<S extends z.ZodType>(schema: S, value: unknown, what: string, log: () => { service: BookingService | null; operation: ActivityOperation; agentId?: string; bookingUid?: string }): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
  const error = invalidInput(what, issues);
  const { service, operation, ...subject } = log();
  service?.logRefusal(operation, subject, error);
  throw error;
}

function sendBookingError(reply: FastifyReply, error: BookingError): FastifyReply {
  const d = error.bookingDetails;
  if (d.retryAfterSeconds !== undefined) reply.header('retry-after', String(d.retryAfterSeconds));
  const details = {
    reason: d.reason,
    ...(d.issues ? { issues: d.issues } : {}),
    ...(d.alternatives ? { alternatives: d.alternatives } : {}),
    ...(d.retryAfterSeconds !== undefined ? { retry_after_seconds: d.retryAfterSeconds } : {}),
    ...(d.providerMessage ? { provider_message: d.providerMessage } : {}),
  };
  return reply.code(error.status).type('application/json; charset=utf-8').send({ error: { code: error.code, message: error.message, details } });
}

/** Route handlers answer BookingErrors themselves; anything else goes to the ingest server's error handler. */
const answering =
  <R>(handler: (request: R, reply: FastifyReply) => Promise<unknown>) =>
  async (request: R, reply: FastifyReply) => {
    try {
      return await handler(request, reply);
    } catch (error) {
      if (error instanceof BookingError) return sendBookingError(reply, error);
      throw error;
    }
  };

const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Registers the four booking routes, served by `service()` (null: scheduling is not part of this console). */
export function bookingRoutes(service: () => BookingService | null): BookingRoutes {
  const get = (): BookingService => {
    const s = service();
    if (!s) throw new BookingError({ reason: 'scheduling_disconnected' }, 'Scheduling is not set up on this console. An administrator connects Cal.com in Settings → Integrations → Scheduling.');
    return s;
  };
  return (app) => {
    app.get<{ Params: { agentId: string }; Querystring: unknown }>(
      '/v1/agents/:agentId/availability',
      answering(async (request) => {
        const q = parseWire(availabilityQueryWire, request.query, 'availability query', () => ({ service: service(), operation: 'availability', agentId: request.params.agentId }));
        const a = await get().availability(request.params.agentId, q);
        return { agent_id: a.agentId, time_zone: a.timeZone, from: a.from, to: a.to, slots: a.slots };
      }),
    );
    app.post<{ Params: { agentId: string } }>(
      '/v1/agents/:agentId/bookings',
      answering(async (request, reply) => {
        const body = parseWire(bookingBodyWire, request.body, 'booking', () => ({ service: service(), operation: 'book', agentId: request.params.agentId }));
        const input = { start: body.start, attendee: body.attendee, caseId: body.case_id, clientId: body.client_id };
        const result = await get().book(request.params.agentId, input, headerValue(request.headers['idempotency-key']));
        return reply.code(result.replayed ? 200 : 201).send({ booking: toBookingWire(result.booking), replayed: result.replayed });
      }),
    );
    app.post<{ Params: { uid: string } }>(
      '/v1/bookings/:uid/cancel',
      answering(async (request) => {
        const body = parseWire(cancelBodyWire, request.body, 'cancel request', () => ({ service: service(), operation: 'cancel', bookingUid: request.params.uid }));
        return { booking: toBookingWire(await get().cancel(request.params.uid, body.reason)) };
      }),
    );
    app.post<{ Params: { uid: string } }>(
      '/v1/bookings/:uid/reschedule',
      answering(async (request) => {
        const body = parseWire(rescheduleBodyWire, request.body, 'reschedule request', () => ({ service: service(), operation: 'reschedule', bookingUid: request.params.uid }));
        return { booking: toBookingWire(await get().reschedule(request.params.uid, body.start, body.reason)) };
      }),
    );
  };
}
