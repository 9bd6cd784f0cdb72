// The scheduling capability (`core.scheduling`): the company's Cal.com connection (key in the keychain only),
// the live event type look-up, the agents that book, the Scheduling card, demo mode's simulator connection, and
// `clientFor()`, the ready Cal.com client the booking service calls with (null while not connected).
import type Database from 'better-sqlite3';
import type { IntegrationCardState } from '../../shared/domain/integrations';
import type { EventTypeSummary, SchedulingAgentRow, SchedulingConnectInput, SchedulingConnection } from '../../shared/domain/scheduling';
import type { CalcomClient } from '../connectors';
import type { Clock, EventBus } from '../kernel';
import type { Logger } from '../log';
import type { SecretStore } from '../secrets';
import { createAgentsView } from './agents-view';
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
  events: EventBus;
  clock: Clock;
  logger: Logger;
  options?: SchedulingOptions;
}

export type SchedulingOptions = CalcomNetOptions;

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
  const agentsView = createAgentsView({ sqlite: deps.sqlite, eventTypes: () => store.eventTypes(), lastBookings: () => new Map() });

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
    connectDemo: (input) => service.connectDemo(input),
    forgetDemo: () => service.forgetDemo(),
    close: () => net.close(),
  };
}
