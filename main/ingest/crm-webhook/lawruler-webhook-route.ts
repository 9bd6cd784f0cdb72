// POST /v1/crm/lawruler/webhook: LawRuler's status-change webhook. Authenticated by the shared secret in
// X-Kayse-Webhook-Secret (checked before the body is read), not by an ingest API key; form data or JSON; every
// required field present and well-formed, or 400 naming each; stored durably before the 200.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from '../../db';
import { JsonBodyError } from '../../http';
import type { Logger } from '../../log';
import { createErrorHandler, sendError } from '../http-errors';
import type { CrmInbound } from './crm-inbound';
import { FormBodyError, useFormBodies } from './form-body';
import { INBOUND_SECRET_HEADER } from './inbound-secrets';
import { LAWRULER_WEBHOOK_PATH } from './inbound-webhook-view';
import { readLawRulerWebhook } from './lawruler-webhook-body';

/** A status change is ten short fields: anything near this is not one. */
export const WEBHOOK_BODY_LIMIT = 64 * 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on CRM webhook routes: they authenticate with their own secret, not an ingest API key. */
    crmWebhook?: boolean;
  }
}

/** True for requests routed to a CRM webhook (the API key guard and the JSON-only checks leave them alone). */
export const isCrmWebhookRequest = (request: FastifyRequest): boolean => request.routeOptions.config?.crmWebhook === true;

const MEDIA_TYPES = 'application/x-www-form-urlencoded, multipart/form-data or application/json';

function refuseUnauthenticated(reply: FastifyReply, reason: 'not_configured' | 'missing' | 'wrong'): FastifyReply {
  const message = {
    not_configured: `No webhook secret has been generated for LawRuler yet. Generate one in the console (LawRuler → Configuration → Inbound webhook) and add it to the webhook in LawRuler as the ${INBOUND_SECRET_HEADER} header. Nothing was stored.`,
    missing: `Send the webhook secret in the ${INBOUND_SECRET_HEADER} header (in LawRuler: Setup → Webhooks → the webhook's custom header). Nothing was stored.`,
    wrong: `That is not the current webhook secret (was a new one generated?). Copy the secret shown in the console into the webhook's ${INBOUND_SECRET_HEADER} header in LawRuler. Nothing was stored.`,
  }[reason];
  return sendError(reply.header('www-authenticate', `ApiKey header="${INBOUND_SECRET_HEADER}"`), 'UNAUTHORIZED', message, { reason });
}

/** The webhook's own answers to refusals that happen before the route runs; the rest answer as the ingest API does. */
function createWebhookErrorHandler(logger: Logger) {
  const fallback = createErrorHandler(logger, WEBHOOK_BODY_LIMIT);
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof FormBodyError) {
      return sendError(reply, 'INVALID_INPUT', `${error.message} Nothing was stored.`, { issues: [{ path: error.field ?? '(body)', message: 'not readable text' }] });
    }
    if (error instanceof JsonBodyError && error.problem.kind === 'empty') {
      const reading = readLawRulerWebhook({});
      if (!reading.ok) return sendError(reply, 'INVALID_INPUT', reading.message, { issues: reading.issues, missing: reading.missing });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const got = JSON.stringify(request.headers['content-type'] ?? '(none)');
      return sendError(reply, 'UNSUPPORTED_MEDIA_TYPE', `LawRuler's webhook takes form data or JSON: send it as ${MEDIA_TYPES} (got ${got}). Nothing was stored.`);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 'PAYLOAD_TOO_LARGE', `The body is larger than ${WEBHOOK_BODY_LIMIT / 1024} KiB: a status change is a few short fields. Nothing was stored.`, {
        limitBytes: WEBHOOK_BODY_LIMIT,
      });
    }
    if (isDatabaseBusy(error)) {
      logger.error({ err: error }, 'LawRuler webhook not stored: the database stayed busy');
      reply.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
      return sendError(reply, 'DATABASE_ERROR', `The database is busy; nothing was stored. Send the call again in ${BUSY_RETRY_AFTER_SECONDS} seconds.`);
    }
    return fallback(error, request, reply);
  };
}

/** Registers the route in its own scope: the form parsers and error answers apply to it alone. */
export function registerLawRulerWebhook(app: FastifyInstance, deps: { crmInbound: CrmInbound; logger: Logger }): void {
  const { crmInbound, logger } = deps;
  app.register(async (scope) => {
    useFormBodies(scope);
    scope.setErrorHandler(createWebhookErrorHandler(logger));
    scope.post(
      LAWRULER_WEBHOOK_PATH,
      {
        bodyLimit: WEBHOOK_BODY_LIMIT,
        config: { crmWebhook: true },
        // Before the body is read: a caller without the secret gets nothing parsed or stored.
        onRequest: async (request, reply) => {
          const header = request.headers[INBOUND_SECRET_HEADER.toLowerCase()];
          const check = crmInbound.checkSecret(Array.isArray(header) ? header[0] : header);
          return check.ok ? undefined : refuseUnauthenticated(reply, check.reason);
        },
        preValidation: async (request, reply) => {
          if (request.headers['content-type'] !== undefined) return undefined;
          return sendError(reply, 'UNSUPPORTED_MEDIA_TYPE', `LawRuler's webhook takes form data or JSON: send a Content-Type header (${MEDIA_TYPES}). Nothing was stored.`);
        },
      },
      async (request, reply) => {
        const reading = readLawRulerWebhook(request.body);
        if (!reading.ok) return sendError(reply, 'INVALID_INPUT', reading.message, { issues: reading.issues, missing: reading.missing });
        const stored = await crmInbound.acceptLawRuler(reading.value);
        return reply.code(200).send({ id: stored.id, duplicate: stored.duplicate });
      },
    );
  });
}
