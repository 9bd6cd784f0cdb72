// The event ingest capability as the core exposes it (`core.ingest`): accepting and reading events, API keys,
// subscriptions, and the HTTP server the hosts start with `listen()` and the core stops on close.
import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { IngestStatus } from '../../shared/contract/events';
import { announceChanged } from '../kernel';
import { ulidIds, type Clock, type EventBus, type IdGenerator } from '../kernel';
import type { Logger } from '../log';
import type { RecordStore } from '../workspace';
import { createApiKeyStore, type ApiKeyStore } from './api-key-store';
import { createCrmInbound, type CrmInbound } from './crm-webhook/crm-inbound';
import { createEventLog, type EventLog } from './event-log';
import { createEventStore, type EventStore } from './event-store';
import { DEFAULT_INGEST_HOST, DEFAULT_INGEST_PORT, explainListenError, isLoopbackAddress } from './ingest-address';
import { buildIngestServer } from './ingest-server';
import { createIngestService, type IngestService } from './ingest-service';

export interface Ingest extends IngestService {
  store: EventStore;
  /** The stored events as the console lists and shows them. */
  eventLog: EventLog;
  keys: ApiKeyStore;
  /** CRM webhooks into the ingest server (LawRuler's status changes): their secret, the calls stored, the view. */
  crmInbound: CrmInbound;
  /** Starts the HTTP server (default 127.0.0.1:4781; port 0 = any free port). Rejects with a sentence saying what to do. */
  listen(address?: { host?: string; port?: number; bodyLimit?: number }): Promise<IngestStatus>;
  status(): IngestStatus;
  /** Stops the HTTP server (in-flight requests finish); safe to call when it never started. */
  close(): Promise<void>;
}

export interface IngestDeps {
  sqlite: Database.Database;
  records: RecordStore;
  clock: Clock;
  /** Ids of stored events and API keys (default: ULIDs). */
  ids?: IdGenerator;
  events: EventBus;
  logger: Logger;
  /** The booking API's routes, served beside the ingest routes (registered when the server starts). */
  booking?: (app: FastifyInstance) => void;
}

const NOT_LISTENING: IngestStatus = { listening: false, url: null, host: null, port: null, loopbackOnly: true, error: null };

export function createIngest(deps: IngestDeps): Ingest {
  const ids = deps.ids ?? ulidIds;
  const store = createEventStore(deps.sqlite, ids);
  const keys = createApiKeyStore(deps.sqlite, deps.clock, ids);
  const service = createIngestService({ ...deps, store });
  const crmInbound = createCrmInbound({ sqlite: deps.sqlite, clock: deps.clock, ids, events: deps.events });
  let app: FastifyInstance | undefined;
  /** A listen in progress: close() waits for it, so a quick quit can't leave a server behind. */
  let starting: Promise<unknown> | undefined;
  let status: IngestStatus = NOT_LISTENING;

  const changed = () => announceChanged(deps.events, ['ingest']);

  return {
    ...service,
    store,
    eventLog: createEventLog(store),
    keys,
    crmInbound,
    status: () => status,
    async listen({ host = DEFAULT_INGEST_HOST, port = DEFAULT_INGEST_PORT, bodyLimit } = {}) {
      if (app || starting) throw new Error(`The ingest API is already listening at ${status.url ?? `${host}:${port}`}.`);
      const server = buildIngestServer({ ingest: service, keys, sqlite: deps.sqlite, records: deps.records, events: deps.events, clock: deps.clock, logger: deps.logger, crmInbound, bodyLimit, booking: deps.booking });
      app = server;
      try {
        starting = server.listen({ host, port });
        await starting;
      } catch (error) {
        app = undefined;
        await server.close();
        const message = explainListenError(error, { host, port });
        status = { ...NOT_LISTENING, error: message };
        deps.logger.error({ host, port, err: error }, 'ingest API could not listen');
        changed();
        throw Object.assign(new Error(message), { code: (error as { code?: string }).code });
      } finally {
        starting = undefined;
      }
      if (app !== server) {
        // close() ran while we were starting: it is waiting for us to finish, then closes the server.
        return status;
      }
      const address = server.server.address();
      const boundPort = typeof address === 'object' && address ? address.port : port;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
      status = { listening: true, url, host, port: boundPort, loopbackOnly: isLoopbackAddress(host), error: null };
      if (!status.loopbackOnly) {
        deps.logger.warn({ url }, 'ingest API listens beyond this machine: anyone who can reach it and holds an API key can post events');
      }
      deps.logger.info({ url }, 'ingest API listening');
      changed();
      return status;
    },
    async close() {
      const server = app;
      const pending = starting;
      app = undefined;
      if (!server) return;
      await pending?.catch(() => undefined);
      await server.close();
      status = NOT_LISTENING;
    },
  };
}
