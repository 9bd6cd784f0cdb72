// The headless host: the core behind a loopback HTTP server that serves the built renderer, the contract's
// procedures and its event stream, to one holder of the per-run token.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Core } from '../../core';
import { createClientErrorHandler, JsonBodyError, useStrictJsonBodies } from '../../http';
import { createFrameworkErrorHandler } from './framework-errors';
import { rpcBodyRefusal } from './json-body-refusal';
import { registerRpcRoutes } from './rpc-routes';
import { securityHeaders } from './security-headers';
import { createSessionGuard } from './session-guard';

export interface HeadlessServerOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Extra host names the Host header may carry (e.g. a server's DNS name when bound beyond loopback). */
  extraHostnames?: string[];
}

export interface HeadlessServer {
  app: FastifyInstance;
  origin: string;
  /** The URL to open: carries the token once, traded for a cookie on first load. */
  url: string;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];
export const isLoopback = (host: string) => LOOPBACK_NAMES.includes(host) || host.startsWith('127.');

export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { core, rendererDir, host = '127.0.0.1', port = 0, extraHostnames = [] } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  let boundPort = port;
  const guard = createSessionGuard({ token, allowedHostnames: [host, ...LOOPBACK_NAMES, ...extraHostnames], port: () => boundPort });
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    bodyLimit: 1024 * 1024,
    frameworkErrors: createFrameworkErrorHandler(guard, core.logger),
    clientErrorHandler: createClientErrorHandler((reason) => ({ ok: false, error: { code: 'INVALID_INPUT', message: reason } })),
  });

  await app.register(fastifyCookie);
  app.addHook('onRequest', guard);
  app.addHook('onSend', securityHeaders);
  // Transport-level refusals (body too large, malformed JSON) answer in the contract's Result shape too.
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    if (error instanceof JsonBodyError) return reply.code(400).send({ ok: false, error: rpcBodyRefusal(error) });
    const status = error.statusCode ?? 500;
    const message =
      status === 413
        ? 'The request is too large for this procedure. Split the data, or use a procedure that takes files.'
        : status < 500
          ? `The request could not be read: ${error.message}`
          : 'The console failed to answer; details are in the log.';
    if (status >= 500) core.logger.error({ err: error }, 'headless host request failed');
    return reply.code(status).send({ ok: false, error: { code: status < 500 ? 'INVALID_INPUT' : 'INTERNAL', message } });
  });
  // Bad UTF-8 refused, not decoded to U+FFFD; prototype keys refused by path.
  useStrictJsonBodies(app);
  registerRpcRoutes(app, core);
  // Unknown addresses (after the session check) answer in the Result shape, not fastify's own 404 body.
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ ok: false, error: { code: 'NOT_FOUND', message: `Nothing at ${request.method} ${request.url.split('?')[0]} on this console.` } }),
  );
  if (existsSync(rendererDir)) {
    await app.register(fastifyStatic, { root: rendererDir, index: ['index.html'] });
  } else {
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain').send(`The console's UI is not built (${rendererDir} is missing). Run \`npm run build\`.`),
    );
  }

  await app.listen({ host, port });
  const address = app.server.address();
  boundPort = typeof address === 'object' && address ? address.port : port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
  core.logger.info({ origin }, 'headless host listening');
  return { app, origin, url: `${origin}/?token=${token}`, token, close: () => app.close() };
}
