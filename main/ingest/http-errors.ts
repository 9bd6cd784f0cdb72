// Every failure of the ingest API as JSON `{error: {code, message, details}}` with its HTTP status, including
// fastify's own refusals (body too large, wrong content type, malformed JSON).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/result';
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from '../db';
import type { Logger } from '../log';
import { JsonBodyError } from '../http';
import { BatchTooLargeError, MAX_BATCH } from './event-parser';
import { jsonBodyRefusal } from './json-body-refusal';

export const INGEST_ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_ERROR: 503,
} as const;
export type IngestErrorCode = keyof typeof INGEST_ERROR_STATUS;

/** Sends `{error: {code, message, details}}` with the status that goes with the code. */
export function sendError(reply: FastifyReply, code: IngestErrorCode, message: string, details?: unknown): FastifyReply {
  const error = details === undefined ? { code, message } : { code, message, details };
  return reply.code(INGEST_ERROR_STATUS[code]).type('application/json; charset=utf-8').send({ error });
}

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/** The fastify error handler: maps parser refusals, AppErrors and bugs to the ingest API's error bodies. */
export function createErrorHandler(logger: Logger, bodyLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      const code = error.code in INGEST_ERROR_STATUS ? (error.code as IngestErrorCode) : 'INTERNAL';
      return sendError(reply, code, error.message, error.details);
    }
    if (error instanceof BatchTooLargeError) return sendError(reply, 'PAYLOAD_TOO_LARGE', error.message, { max: MAX_BATCH, count: error.count });
    if (error instanceof JsonBodyError) {
      const refusal = jsonBodyRefusal(error);
      return sendError(reply, 'INVALID_INPUT', refusal.message, refusal.details);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, 'PAYLOAD_TOO_LARGE', `The body is larger than the ${mib(bodyLimit)} limit. Send fewer events per batch (at most ${MAX_BATCH}). Nothing was stored.`, {
          limitBytes: bodyLimit,
        });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(
          reply,
          'UNSUPPORTED_MEDIA_TYPE',
          `The ingest API takes JSON only: send the body with "Content-Type: application/json" (got ${JSON.stringify(request.headers['content-type'] ?? '(none)')}).`,
        );
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, 'INVALID_INPUT', 'The body is empty: send an event, or {"events": [...]}, as JSON.');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendError(reply, 'INVALID_INPUT', 'The Content-Length header does not match the body.');
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendError(reply, 'INVALID_INPUT', `The body is not valid JSON (${error.message}). Nothing was stored.`);
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: { code: 'INVALID_INPUT', message: error.message } });
    }
    logger.error({ err: error, url: request.url, method: request.method }, 'ingest request failed');
    if (isDatabaseBusy(error)) {
      // Another program held the write lock for the whole busy timeout: the write may well go through shortly.
      reply.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
      return sendError(reply, 'DATABASE_ERROR', `The database is busy; nothing was stored. Retry in ${BUSY_RETRY_AFTER_SECONDS} seconds with the same id or Idempotency-Key.`);
    }
    return sendError(reply, 'INTERNAL', 'The console failed to handle this request (details are in its log). Retry with the same id or Idempotency-Key: that never stores twice.');
  };
}
