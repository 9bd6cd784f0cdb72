// Turns what one webhook attempt produced (an undici response or error) into the delivery log's outcome and error class.
import { STATUS_CODES } from 'node:http';
import { composeAttemptMessage } from '../../../shared/domain/attempt-message';
import type { DeliveryErrorClass } from '../../../shared/domain/webhooks';
import { attemptErrorWords, type ErrorFacts } from './attempt-error-words';

/** A 2xx counts as success only if it came within this long (connect + response). */
export const ATTEMPT_TIMEOUT_MS = 15_000;

/** The parts of an undici response the classification reads (`request()` gives exactly this shape). */
export interface AttemptResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
}

/** What one attempt produced: a response, or the error thrown instead. */
export type AttemptResult = { response: AttemptResponse; durationMs: number } | { error: unknown; durationMs: number };

/** One attempt's outcome as the delivery log records it and the retry policy reads it. */
export type AttemptOutcome =
  | { ok: true; status: number; durationMs: number }
  | {
      ok: false;
      errorClass: DeliveryErrorClass;
      /** The HTTP status when a response came back, else null. */
      status: number | null;
      message: string;
      /** The raw Retry-After header, when the response had one. */
      retryAfter: string | null;
      durationMs: number;
    };

const header = (headers: AttemptResponse['headers'], name: string): string | null => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? (value[0] ?? null) : value;
  }
  return null;
};

const statusText = (status: number) => `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;

function classifyResponse(response: AttemptResponse, durationMs: number): AttemptOutcome {
  const status = response.statusCode;
  const retryAfter = header(response.headers, 'retry-after');
  const failed = (errorClass: DeliveryErrorClass, message: string): AttemptOutcome => ({ ok: false, errorClass, status, message, retryAfter, durationMs });
  if (status >= 200 && status < 300) {
    if (durationMs <= ATTEMPT_TIMEOUT_MS) return { ok: true, status, durationMs };
    return failed('timeout', `${statusText(status)} came after ${Math.round(durationMs)} ms, past the ${ATTEMPT_TIMEOUT_MS / 1000} s limit`);
  }
  if (status >= 300 && status < 400) {
    const location = header(response.headers, 'location');
    return failed('redirect', `${statusText(status)}${location ? ` to ${location}` : ''}: redirects are never followed; update the webhook URL`);
  }
  return failed('http_status', statusText(status));
}

const CODE_CLASSES: Record<string, DeliveryErrorClass> = {
  KAYSE_BLOCKED_ADDRESS: 'blocked_address',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_ABORTED: 'timeout',
  UND_ERR_ABORT: 'timeout',
  ETIMEDOUT: 'timeout',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  ENODATA: 'dns',
  ESERVFAIL: 'dns',
  UND_ERR_SOCKET: 'connect',
  ECONNREFUSED: 'connect',
  ECONNRESET: 'connect',
  ECONNABORTED: 'connect',
  EHOSTUNREACH: 'connect',
  ENETUNREACH: 'connect',
  EPIPE: 'connect',
  EPROTO: 'tls',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
  UNABLE_TO_GET_ISSUER_CERT: 'tls',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls',
  HOSTNAME_MISMATCH: 'tls',
};

const NAME_CLASSES: Record<string, DeliveryErrorClass> = {
  BlockedAddressError: 'blocked_address',
  TimeoutError: 'timeout',
  AbortError: 'timeout',
};

/** The error class one error in the chain stands for, or null when it says nothing specific. */
function classOf(error: { name?: unknown; code?: unknown }): DeliveryErrorClass | null {
  if (error.name === 'BlockedAddressError') return 'blocked_address';
  if (typeof error.code === 'string') {
    const code = error.code;
    if (Object.hasOwn(CODE_CLASSES, code)) return CODE_CLASSES[code]!;
    if (code.startsWith('CERT_') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) return 'tls';
  }
  if (typeof error.name === 'string' && Object.hasOwn(NAME_CLASSES, error.name)) return NAME_CLASSES[error.name]!;
  return null;
}

interface ErrorLike extends ErrorFacts {
  cause?: unknown;
  errors?: unknown;
}
const isErrorLike = (value: unknown): value is ErrorLike => typeof value === 'object' && value !== null;

/** The error and everything it wraps (`cause`, AggregateError `errors`), breadth first, at most 32 of them. */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 32) {
    const next = queue.shift();
    if (!isErrorLike(next) || chain.includes(next)) continue;
    chain.push(next);
    queue.push(next.cause);
    if (Array.isArray(next.errors)) queue.push(...next.errors);
  }
  return chain;
}

const messageOf = (error: ErrorLike): string => {
  const text = typeof error.message === 'string' && error.message.trim() !== '' ? error.message.trim() : String(error.name ?? 'error');
  return typeof error.code === 'string' && !text.includes(error.code) ? `${text} (${error.code})` : text;
};

function classifyError(error: unknown, durationMs: number): AttemptOutcome {
  const chain = errorChain(error);
  const found = chain.map((e) => ({ e, errorClass: classOf(e) })).filter((x) => x.errorClass !== null);
  // A refused address is the most telling reason of all, wherever it sits in the chain.
  const best = found.find((x) => x.errorClass === 'blocked_address') ?? found[0];
  const errorClass = best?.errorClass ?? 'connect';
  const source = best?.e ?? chain[0];
  const detail = source ? messageOf(source) : `attempt failed: ${String(error)}`;
  const plain = attemptErrorWords(errorClass, source ?? {}, ATTEMPT_TIMEOUT_MS / 1000);
  const message = plain === null ? detail : composeAttemptMessage(plain, detail);
  return { ok: false, errorClass, status: null, message, retryAfter: null, durationMs };
}

/**
 * The delivery-log outcome of one attempt. A failure without a response reads as plain words, then the technical
 * detail (composeAttemptMessage); errors nothing specific is known about count as `connect` failures.
 */
export function classifyAttempt(result: AttemptResult): AttemptOutcome {
  return 'response' in result ? classifyResponse(result.response, result.durationMs) : classifyError(result.error, result.durationMs);
}
