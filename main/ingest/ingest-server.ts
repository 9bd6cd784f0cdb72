// The ingest HTTP server (fastify, its own port): JSON only, a body size limit, API key + rate limit on
// every request, and JSON error bodies for everything, including unknown routes. CRM webhooks (LawRuler's status
// changes) are the exception: their own shared secret instead of a key, and form data too (crm-webhook/).
import type Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Clock, EventBus } from '../kernel';
import { createClientErrorHandler, useStrictJsonBodies } from '../http';
import type { Logger } from '../log';
import type { RecordStore } from '../workspace';
import type { ApiKeyStore } from './api-key-store';
import { createApiKeyGuard } from './api-key-guard';
import type { CrmInbound } from './crm-webhook/crm-inbound';
import { isCrmWebhookRequest, registerLawRulerWebhook } from './crm-webhook/lawruler-webhook-route';
import { registerEventRoutes } from './event-routes';
import { createFrameworkErrorHandler, MAX_URL_PARAM_LENGTH } from './framework-errors';
import { createErrorHandler, sendError } from './http-errors';
import type { IngestService } from './ingest-service';
import { createRateLimiter } from './rate-limiter';
import { registerRecordRoutes } from './record-routes';

/** 500 events with long transcripts fit; anything bigger is refused before it is read. */
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;

export interface IngestServerDeps {
  ingest: IngestService;
  keys: ApiKeyStore;
  sqlite: Database.Database;
  records: RecordStore;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  crmInbound: CrmInbound;
  bodyLimit?: number;
  /** The booking API's routes (scheduling/booking), behind the same API keys; absent: not served. */
  booking?: (app: FastifyInstance) => void;
}

const ROUTES =
  'POST /v1/events, PUT /v1/cases/:external_source/:external_id, PUT /v1/clients/:external_source/:external_id, POST /v1/crm/lawruler/webhook for LawRuler, and the booking API (GET /v1/agents/:agentId/availability, POST /v1/agents/:agentId/bookings, POST /v1/bookings/:uid/cancel and /reschedule)';

/** Builds (without listening) the fastify app that serves the ingest API. */
export function buildIngestServer(deps: IngestServerDeps): FastifyInstance {
  const bodyLimit = deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const guard = createApiKeyGuard(deps.keys, createRateLimiter(deps.clock), deps.events);
  const app = Fastify({
    logger: false,
    bodyLimit,
    forceCloseConnections: true,
    return503OnClosing: true,
    // Ids longer than the documented limits are refused by the routes, naming the field; only absurd ones stop here.
    routerOptions: { maxParamLength: MAX_URL_PARAM_LENGTH },
    frameworkErrors: createFrameworkErrorHandler(guard, deps.logger),
    clientErrorHandler: createClientErrorHandler((reason) => ({ error: { code: 'INVALID_INPUT', message: `${reason} Nothing was stored.` } })),
  });
  // JSON only: without fastify's text/plain parser, any other content type is a 415.
  app.removeContentTypeParser('text/plain');
  // Bad UTF-8 refused, not decoded to U+FFFD; prototype keys refused by path.
  useStrictJsonBodies(app);
  app.setErrorHandler(createErrorHandler(deps.logger, bodyLimit));
  app.setNotFoundHandler((request, reply) => sendError(reply, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}. The ingest API has ${ROUTES}.`));
  app.addHook('onRequest', async (request, reply) => (isCrmWebhookRequest(request) ? undefined : guard(request, reply)));
  app.addHook('preValidation', async (request, reply) => {
    if (isCrmWebhookRequest(request)) return undefined;
    if ((request.method === 'POST' || request.method === 'PUT') && request.headers['content-type'] === undefined) {
      return sendError(reply, 'UNSUPPORTED_MEDIA_TYPE', 'The ingest API takes JSON only: send the body with "Content-Type: application/json".');
    }
    return undefined;
  });
  registerEventRoutes(app, deps.ingest);
  registerRecordRoutes(app, deps.records, deps.sqlite);
  registerLawRulerWebhook(app, { crmInbound: deps.crmInbound, logger: deps.logger });
  deps.booking?.(app);
  return app;
}
