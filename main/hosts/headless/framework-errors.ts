// Requests fastify refuses before routing (a malformed percent escape, an over-long path segment) answer in the
// contract's Result shape like every other refusal, and only after the session is checked: a caller without
// the token learns nothing about the routes or how the address was read.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../../log';

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** fastify's `frameworkErrors` option for the headless host. */
export function createFrameworkErrorHandler(guard: Guard, logger: Logger) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      // The cookie plugin parses cookies in a hook, and no hook has run for a request refused before routing.
      request.cookies = request.headers.cookie ? request.server.parseCookie(request.headers.cookie) : {};
      await guard(request, reply);
      if (reply.sent) return;
      const message =
        error.code === 'FST_ERR_BAD_URL'
          ? 'The address holds a malformed percent escape (a "%" not followed by two hex digits).'
          : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
            ? 'The address has a path segment that is too long.'
            : `The request could not be routed (${error.message}).`;
      reply.code(400).send({ ok: false, error: { code: 'INVALID_INPUT', message } });
    } catch (failure) {
      logger.error({ err: failure, url: request.url }, 'headless host request failed before routing');
      if (!reply.sent) reply.code(500).send({ ok: false, error: { code: 'INTERNAL', message: 'The console failed to answer; details are in the log.' } });
    }
  };
}
