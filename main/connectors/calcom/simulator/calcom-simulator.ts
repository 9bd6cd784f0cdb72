// The Cal.com simulator: a real HTTP server on 127.0.0.1 (the shared CRM simulator server: request log, slow and
// 5xx faults) answering the v2 endpoints the console calls, with keys (valid, expired, unknown), hosts whose
// availability is in their own time zone, event types with lengths, minimum notice and booking windows, bookings
// that take slots, Cal.com's throttle (120 a minute per key, then 429 for 60 s) and a control to take a slot
// between listing and booking (the race Cal.com doesn't lock against). Time comes from an injectable clock.
import type { Clock } from '../../../kernel';
import type { CrmFault, SimRequest } from '../../crm/simulator-control';
import { startSimServer } from '../../crm/simulator/sim-server';
import type { SimBooking } from './sim-availability';
import { createRateLimiter } from './sim-rate-limit';
import { route } from './sim-routes';
import { SIM_KEYS } from './sim-seed';
import { createSimState } from './sim-state';
import { sendError } from './sim-wire';

/** The faults that make sense at Cal.com: slow answers, 5xx, 429 with Retry-After, a malformed 2xx body, a dropped booking answer. */
export type CalcomFault = Extract<CrmFault, { kind: 'slow' | 'server_error' | 'rate_limit' | 'malformed' | 'drop_write_answer' }>;

export interface CalcomSimulatorOptions {
  port?: number;
  /** The simulator's time: slots, notice, booking windows and the throttle follow it (default the system clock). */
  clock?: Clock;
}

export interface CalcomSimulator {
  /** The API root a client is pointed at (its "base URL"). */
  readonly url: string;
  readonly keys: typeof SIM_KEYS;
  /** Books `start` (any ISO form) for event type `eventTypeId` as someone else, as if on Cal.com's booking page. */
  takeSlot(eventTypeId: number, start: string): string;
  /** Every booking, oldest first (status, start as ISO UTC). */
  bookings(): { uid: string; eventTypeId: number; status: SimBooking['status']; start: string; attendee: string; rescheduledFromUid?: string }[];
  setFault(fault: CalcomFault | null, options?: { times?: number }): void;
  requests(): SimRequest[];
  close(): Promise<void>;
}

export async function startCalcomSimulator(options: CalcomSimulatorOptions = {}): Promise<CalcomSimulator> {
  const clock = options.clock ?? { now: () => new Date() };
  const state = createSimState(clock);
  const limiter = createRateLimiter(() => clock.now().getTime());

  const server = await startSimServer(
    (ex) => {
      const path = ex.url.pathname;
      const auth = /^Bearer\s+(\S+)$/i.exec(String(ex.req.headers.authorization ?? ''));
      if (!auth) {
        ex.operation('unauthenticated');
        return sendError(ex.res, 401, path, 'UnauthorizedException', 'No Authorization header or API key provided', clock.now());
      }
      const verdict = limiter.take(auth[1]!);
      if (!verdict.allowed) {
        ex.operation('throttled');
        return sendError(ex.res, 429, path, 'ThrottlerException', 'Too Many Requests', clock.now(), verdict.headers);
      }
      const key = state.keys.find((k) => k.key === auth[1]);
      if (!key || key.expired) {
        ex.operation('refused key');
        return sendError(ex.res, 401, path, 'UnauthorizedException', key ? 'The API key has expired' : 'Invalid API Key', clock.now(), verdict.headers);
      }
      route(ex, state, key.userId, verdict.headers);
    },
    { port: options.port, now: () => clock.now() },
  );

  return {
    url: server.url,
    keys: SIM_KEYS,
    takeSlot(eventTypeId, start) {
      const et = state.eventTypes.find((e) => e.id === eventTypeId);
      const startMs = Date.parse(start);
      if (!et || Number.isNaN(startMs)) throw new Error(`takeSlot: no event type ${eventTypeId}, or "${start}" is not a time`);
      return state.addBooking(et, startMs, { name: 'Someone Else', email: 'someone.else@example.com', timeZone: 'UTC' }, {}).uid;
    },
    bookings: () =>
      state.bookings.map((b) => ({
        uid: b.uid,
        eventTypeId: b.eventTypeId,
        status: b.status,
        start: new Date(b.startMs).toISOString(),
        attendee: b.attendee.name,
        ...(b.rescheduledFromUid ? { rescheduledFromUid: b.rescheduledFromUid } : {}),
      })),
    setFault: (fault, opts) => server.setFault(fault, opts),
    requests: () => server.requests(),
    close: () => server.close(),
  };
}
