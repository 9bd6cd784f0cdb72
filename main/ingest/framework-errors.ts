// Requests fastify refuses before routing (a malformed percent escape, an over-long path segment) answer like
// every other refusal of the ingest API, and only after the API key is checked: a caller without a key learns
// nothing about the routes or how the address was read.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { EXTERNAL_ID_MAX, EXTERNAL_SOURCE_MAX } from '../../shared/domain/events';
import type { FieldIssue } from '../../shared/result';
import { describeIssues } from '../../shared/result';
import type { Logger } from '../log';
import { sendError } from './http-errors';

/** Path segments up to this length reach the routes, whose own checks name the field and its limit. */
export const MAX_URL_PARAM_LENGTH = 1024;

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** The record route's parameters of an over-long path, each named with its limit. */
function tooLongParams(url: string): FieldIssue[] {
  const match = /^\/v1\/(?:cases|clients)\/([^/?#]*)\/([^/?#]*)/.exec(url);
  if (!match) return [{ path: '(url)', message: `a path segment is longer than ${MAX_URL_PARAM_LENGTH} characters` }];
  const decodedLength = (s: string) => {
    try {
      return decodeURIComponent(s).length;
    } catch {
      return s.length;
    }
  };
  const issues: FieldIssue[] = [];
  if (decodedLength(match[1]!) > EXTERNAL_SOURCE_MAX) issues.push({ path: 'external_source', message: `at most ${EXTERNAL_SOURCE_MAX} characters` });
  if (decodedLength(match[2]!) > EXTERNAL_ID_MAX) issues.push({ path: 'external_id', message: `at most ${EXTERNAL_ID_MAX} characters` });
  return issues;
}

/** fastify's `frameworkErrors` option: authenticate first, then answer in the ingest API's error shape. */
export function createFrameworkErrorHandler(guard: Guard, logger: Logger) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      await guard(request, reply);
      if (reply.sent) return;
      const path = request.url.split('?')[0];
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
        const issues = tooLongParams(request.url);
        sendError(reply, 'INVALID_INPUT', `Invalid record reference in the URL; nothing was stored: ${describeIssues(issues)}`, { issues });
        return;
      }
      if (error.code === 'FST_ERR_BAD_URL') {
        const issues = [{ path: '(url)', message: 'malformed percent escape: write "%" itself as %25' }];
        sendError(reply, 'INVALID_INPUT', `The address ${JSON.stringify(path)} holds a malformed percent escape (a "%" not followed by two hex digits); nothing was stored.`, { issues });
        return;
      }
      sendError(reply, 'INVALID_INPUT', `The request could not be routed (${error.message}); nothing was stored.`);
    } catch (failure) {
      logger.error({ err: failure, url: request.url }, 'ingest request failed before routing');
      if (!reply.sent) sendError(reply, 'INTERNAL', 'The console failed to handle this request (details are in its log).');
    }
  };
}
