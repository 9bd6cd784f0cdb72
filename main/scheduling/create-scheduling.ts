// The scheduling capability (`core.scheduling`): the company's Cal.com connection (key in the keychain only),
// the live event type look-up, the agents that book, the Scheduling card, demo mode's simulator connection, and the
// booking service (./booking) over `clientFor()`, the ready Cal.com client (null while not connected): its routes
// for the ingest server, the Try it panel and the Activity view.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { IntegrationCardState } from '../../shared/domain/integrations';
import type { z } from 'zod';
import type {
  EventTypeSummary,
  SchedulingActivityRow,
  SchedulingAgentRow,
  SchedulingConnectInput,
  SchedulingConnection,
  TryItBooking,
  tryItBookInputSchema,
  TryItSlots,
} from '../../shared/domain/scheduling';
import type { CalcomClient } from '../connectors';
import type { Clock, EventBus } from '../kernel';
import type { Logger } from '../log';
import type { SecretStore } from '../secrets';
import { createActivityView } from './activity-view';
import { createAgentsView } from './agents-view';
import { bookingRoutes, createBookingService, type BookingRoutes, type BookingService, type BookingServiceDeps } from './booking';
import { createCalcomNet, type CalcomNetOptions } from './calcom-net';
import { createConnectionService } from './connection-service';
import { createConnectionStore } from './connection-store';
import { connectionView, schedulingCardState } from './connection-view';
import { createEventTypeLookup } from './event-type-lookup';

export interface SchedulingDeps {
  sqlite: Database.Database;
  secrets: SecretStore;
  /** The company profile: its timezone is every booking's. */
  company: { get(): { timezone: string } };
  /** The workspace's agents (booking toggle, event type) and records (a booking's case and client). */
  agents: BookingServiceDeps['agents'];
  records?: BookingServiceDeps['records'];
  events: EventBus;
  clock: Clock;
  logger: Logger;
  options?: SchedulingOptions;
}

export type SchedulingOptions = CalcomNetOptions & {
  /** How long a booking API call may take before it answers "try again shortly" (default 2.5 s). */
  timeBudgetMs?: number;
};

export interface Scheduling {
  connection(): SchedulingConnection;
  /** Checks the key with /v2/me, then keeps it (keychain) with the account; a refused key stores nothing. */
  connect(input: SchedulingConnectInput): Promise<SchedulingConnection>;
  /** Deletes the key from the keychain (checked) and forgets the connection; agents keep their settings. */
  disconnect(): Promise<SchedulingConnection>;
  lookupEventType(input: string | number): Promise<EventTypeSummary>;
  agents(): SchedulingAgentRow[];
  /** The Cal.com client of the connection (built once per key); null while not connected or the key can't be read. */
  clientFor(): Promise<CalcomClient | null>;
  cardState(): IntegrationCardState;
  /** The booking service voice agents reach through the ingest server. */
  booking: BookingService;
  /** Its routes, for the ingest server's `booking` dep. */
  bookingRoutes: BookingRoutes;
  tryIt: {
    slots(input: { agentId: string; from?: string | undefined; to?: string | undefined }): Promise<TryItSlots>;
    book(input: z.output<typeof tryItBookInputSchema>): Promise<TryItBooking>;
    cancel(bookingUid: string): Promise<{ bookingUid: string; status: string }>;
  };
  activity(query: { offset: number; limit: number; agentId?: string | undefined }): { rows: SchedulingActivityRow[]; total: number };
  /** Demo mode: connects its simulator (key in memory only, marked Demo); false over the firm's own connection. */
  connectDemo(input: { apiKey: string; baseUrl: string }): Promise<boolean>;
  /** Demo mode's wipe: a demo connection ends; the firm's own is left alone. */
  forgetDemo(): void;
  close(): Promise<void>;
}

export function createScheduling(deps: SchedulingDeps): Scheduling {
  const store = createConnectionStore(deps.sqlite);
  const net = createCalcomNet(deps.clock, deps.options);
  const service = createConnectionService({ store, secrets: deps.secrets, net, events: deps.events, clock: deps.clock, logger: deps.logger });
  const connection = () => connectionView(store.get(), deps.company.get().timezone, service.demoKeyHeld());
  const lookupEventType = createEventTypeLookup({ store, clientFor: () => service.clientFor(), events: deps.events, clock: deps.clock });
  const activity = createActivityView(deps.sqlite);
  const agentsView = createAgentsView({ sqlite: deps.sqlite, eventTypes: () => store.eventTypes(), lastBookings: activity.lastBookings });
  const booking = createBookingService({
    clientFor: () => service.clientFor(),
    agents: deps.agents,
    company: deps.company,
    ...(deps.records ? { records: deps.records } : {}),
    clock: deps.clock,
    sqlite: deps.sqlite,
    events: deps.events,
    logger: deps.logger,
    ...(deps.options?.timeBudgetMs === undefined ? {} : { timeBudgetMs: deps.options.timeBudgetMs }),
  });

  return {
    connection,
    async connect(input) {
      await service.connect(input);
      return connection();
    },
    async disconnect() {
      await service.disconnect();
      return connection();
    },
    lookupEventType,
    agents: () => agentsView(connection()),
    clientFor: () => service.clientFor(),
    cardState: () => schedulingCardState(connection()),
    booking,
    bookingRoutes: bookingRoutes(() => booking),
    tryIt: {
      async slots({ agentId, from, to }) {
        const found = await booking.availability(agentId, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
        const eventTypeId = deps.agents.get(agentId)?.eventTypeId ?? null;
        return { timeZone: found.timeZone, eventType: eventTypeId === null ? null : store.eventType(eventTypeId), slots: found.slots };
      },
      async book({ agentId, start, attendee, idempotencyKey }) {
        const { booking: made } = await booking.book(agentId, { start, attendee }, idempotencyKey ?? `try-it-${randomUUID()}`);
        return { bookingUid: made.uid, start: made.start, end: made.end, spoken: made.spoken, status: made.status };
      },
      async cancel(bookingUid) {
        const cancelled = await booking.cancel(bookingUid, 'Cancelled from Try it in the Kayse console');
        return { bookingUid: cancelled.uid, status: cancelled.status };
      },
    },
    activity: (query) => activity.list(query),
    connectDemo: (input) => service.connectDemo(input),
    forgetDemo: () => service.forgetDemo(),
    close: () => {
      booking.close();
      return net.close();
    },
  };
}
