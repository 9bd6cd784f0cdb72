// Who may use the ingest API: a live key in `X-API-KEY` (401 otherwise), within its requests-per-minute
// allowance (429 with Retry-After otherwise). Runs before the body is read.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IngestKey } from '../../shared/contract/events';
import type { EventBus } from '../kernel';
import { announceChanged } from '../kernel';
import type { ApiKeyStore } from './api-key-store';
import { sendError } from './http-errors';
import type { RateLimiter } from './rate-limiter';

export const API_KEY_HEADER = 'x-api-key';

declare module 'fastify' {
  interface FastifyRequest {
    /** The key the request authenticated with (set by the guard). */
    ingestKey?: IngestKey;
  }
}

/** The onRequest hook that authenticates and rate-limits every ingest request. */
export function createApiKeyGuard(keys: ApiKeyStore, limiter: RateLimiter, events: EventBus) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const header = request.headers[API_KEY_HEADER];
    const auth = keys.authenticate(Array.isArray(header) ? header[0] : header);
    if (!auth.ok) {
      const message = {
        missing: 'Send your ingest API key in the X-API-KEY header. An administrator creates keys in the console (see docs/ingest-api.md).',
        unknown: 'That API key is not valid. Check the X-API-KEY header, or create a new key in the console.',
        revoked: `That API key was revoked${auth.revokedAt ? ` on ${auth.revokedAt}` : ''}. Create a new key in the console.`,
      }[auth.reason];
      return sendError(reply.header('www-authenticate', 'ApiKey header="X-API-KEY"'), 'UNAUTHORIZED', message);
    }
    const decision = limiter.take(auth.key.id, auth.key.rateLimitPerMinute);
    if (!decision.allowed) {
      return sendError(
        reply.header('retry-after', String(decision.retryAfterSeconds)),
        'RATE_LIMITED',
        `Too many requests for key ${auth.key.prefix}… (limit ${auth.key.rateLimitPerMinute} per minute). Retry after ${decision.retryAfterSeconds} s; nothing was stored.`,
        { limitPerMinute: auth.key.rateLimitPerMinute, retryAfterSeconds: decision.retryAfterSeconds },
      );
    }
    request.ingestKey = auth.key;
    if (keys.touch(auth.key.id)) announceChanged(events, ['ingest_api_keys']);
    return undefined;
  };
}
