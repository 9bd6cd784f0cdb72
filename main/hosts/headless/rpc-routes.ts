// POST /rpc/<procedure> for every procedure of the contract, and /events as a server-sent-events stream.
import type { FastifyInstance } from 'fastify';
import { contract } from '../../../shared/contract';
import type { ErrorCode } from '../../../shared/result';
import { findProcedure, procedurePaths } from '../../../shared/rpc';
import type { Core } from '../../core';

const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNPROCESSABLE: 422,
  UNKNOWN_PROCEDURE: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  SECRETS_UNAVAILABLE: 503,
  DATABASE_ERROR: 503,
  UPSTREAM_ERROR: 502,
  INTERNAL: 500,
};

const HEARTBEAT_MS = 15_000;
/** Imports send whole CSV files through the contract (100,000 rows are ~15 MB); everything else stays small. */
const LARGE_INPUT_LIMIT = 128 * 1024 * 1024;
const SMALL_INPUT_LIMIT = 1024 * 1024;

export function registerRpcRoutes(app: FastifyInstance, core: Core): void {
  for (const path of procedurePaths(contract)) {
    const bodyLimit = findProcedure(contract, path)?.largeInput ? LARGE_INPUT_LIMIT : SMALL_INPUT_LIMIT;
    app.post(`/rpc/${path}`, { bodyLimit }, async (request, reply) => {
      // JSON has no `undefined`: the client sends null for "no input".
      const input = request.body === null || request.body === undefined ? undefined : request.body;
      const result = await core.dispatch(path, input);
      return reply.code(result.ok ? 200 : HTTP_STATUS[result.error.code]).send(result);
    });
  }
  app.post('/rpc/*', async (request, reply) =>
    reply.code(404).send({ ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: `There is no procedure at ${request.url}.` } }),
  );

  app.get('/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    const unsubscribe = core.events.onAny((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
