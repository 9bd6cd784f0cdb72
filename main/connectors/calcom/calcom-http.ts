// One HTTP call to Cal.com through the guarded agent (main/net: the firm's allowlist and extra CAs, checked on every
// dial), in the shape of ../crm/crm-http.ts but with scheduling's typed errors: 429 → rate_limited until the reset
// Cal.com names (it sends no Retry-After: X-RateLimit-Reset-Default, ASSUMED seconds from now), 5xx / timeout /
// refused / reset → unavailable, a booking write without an answer → unknown_outcome. Redirects are never followed
// (a 3xx is a bad response: the API key is not sent to wherever it points). While Cal.com's block lasts, calls
// fail at once without a request: Cal.com would refuse each one, and a live call can't spend a round trip on that.
import { errors as undiciErrors, type Dispatcher } from 'undici';
import type { Clock } from '../../kernel';
import { AnswerTooLarge, findBlockedAddressError, parseRetryAfter, requestCapped } from '../../net';
import { SchedulingError } from './scheduling-error';

export interface CalcomHttpDeps {
  dispatcher: Dispatcher;
  /** Time allowed for the whole request (connect, send, answer). */
  timeoutMs: number;
  clock: Clock;
}

export interface CalcomHttpRequest {
  operation: string;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** A booking write: without an answer its outcome is unknown. */
  write?: boolean;
  /** The caller's deadline (the booking API's time budget): aborts the request when it fires. */
  signal?: AbortSignal;
}

export interface CalcomHttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
/** Cal.com's throttler names its reset header after the throttler ("default"); the plain names are accepted too. */
const RESET_HEADERS = ['x-ratelimit-reset-default', 'x-ratelimit-reset', 'ratelimit-reset'];
/** Cal.com's documented block: 60 s after the 120th request in a minute. */
const DEFAULT_BLOCK_MS = 60_000;

/** The HTTP side of one client: remembers Cal.com's rate-limit block until its reset. */
export function createCalcomHttp(deps: CalcomHttpDeps) {
  let blockedUntil = 0;

  const rateLimited = (operation: string, waitMs: number, providerMessage?: string) =>
    new SchedulingError(
      { provider: 'calcom', kind: 'rate_limited', operation, status: 429, retryAfterMs: waitMs, ...(providerMessage ? { providerMessage } : {}) },
      `Cal.com is limiting requests for this API key (120 a minute) while trying to ${operation}: it accepts them again in ${Math.ceil(waitMs / 1000)} s.`,
    );

  async function send(req: CalcomHttpRequest): Promise<CalcomHttpAnswer> {
    const now = deps.clock.now().getTime();
    if (now < blockedUntil) throw rateLimited(req.operation, blockedUntil - now);
    let answer: CalcomHttpAnswer;
    try {
      answer = await requestCapped(req.url, { method: req.method, headers: req.headers, body: req.body, dispatcher: deps.dispatcher, timeoutMs: deps.timeoutMs, maxBytes: MAX_ANSWER_BYTES, signal: req.signal });
    } catch (error) {
      if (error instanceof AnswerTooLarge) {
        throw new SchedulingError({ provider: 'calcom', kind: 'bad_response', operation: req.operation, status: error.status, path: '(body)' }, `Cal.com answered ${req.operation} with more than 8 MB; that is not an answer the console understands.`);
      }
      throw transportError(req, error);
    }
    if (answer.status === 429) {
      const waitMs = resetIn(answer.headers, deps.clock.now()) ?? DEFAULT_BLOCK_MS;
      blockedUntil = deps.clock.now().getTime() + waitMs;
      throw rateLimited(req.operation, waitMs, short(answer.text));
    }
    if (answer.status >= 500) {
      throw new SchedulingError(
        { provider: 'calcom', kind: 'unavailable', operation: req.operation, status: answer.status, ...(short(answer.text) ? { providerMessage: short(answer.text) } : {}) },
        `Cal.com failed to ${req.operation} (HTTP ${answer.status}); try again shortly.`,
      );
    }
    if (answer.status >= 300 && answer.status < 400) {
      throw new SchedulingError(
        { provider: 'calcom', kind: 'bad_response', operation: req.operation, status: answer.status, path: '(redirect)' },
        `Cal.com answered ${req.operation} with a redirect (HTTP ${answer.status}) to ${String(answer.headers.location ?? 'elsewhere')}; the console does not follow redirects. Check the Cal.com address.`,
      );
    }
    return answer;
  }

  return { send, blockedForMs: () => Math.max(0, blockedUntil - deps.clock.now().getTime()) };
}
export type CalcomHttp = ReturnType<typeof createCalcomHttp>;

/** How long until Cal.com accepts requests again, from its reset header (seconds from now, or an epoch time), else Retry-After. */
function resetIn(headers: CalcomHttpAnswer['headers'], now: Date): number | null {
  const value = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  for (const name of RESET_HEADERS) {
    const v = Number(value(name));
    if (!Number.isFinite(v) || v <= 0) continue;
    if (v > 1e12) return Math.max(0, v - now.getTime()); // epoch milliseconds
    if (v > 1e9) return Math.max(0, v * 1000 - now.getTime()); // epoch seconds
    return v * 1000;
  }
  return parseRetryAfter(value('retry-after'), now);
}

function transportError(req: CalcomHttpRequest, error: unknown): SchedulingError {
  const blocked = findBlockedAddressError(error);
  const reason = blocked ? blocked.message : describeTransport(error);
  if (req.write && !blocked && !isBeforeSending(error)) {
    return new SchedulingError(
      { provider: 'calcom', kind: 'unknown_outcome', operation: req.operation, providerMessage: reason },
      `Cal.com did not answer ${req.operation} (${reason}); the booking may have been made. Look it up before booking again.`,
      error,
    );
  }
  return new SchedulingError({ provider: 'calcom', kind: 'unavailable', operation: req.operation, providerMessage: reason }, `Cal.com could not be reached to ${req.operation} (${reason}); try again shortly.`, error);
}

const codeOf = (error: unknown) => (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;

/** Failures before a byte of the request left: Cal.com can't have booked anything. */
function isBeforeSending(error: unknown): boolean {
  const code = codeOf(error);
  return error instanceof undiciErrors.ConnectTimeoutError || ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(code ?? '') || /CERT|SELF_SIGNED|TLS/.test(code ?? '');
}

function describeTransport(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { message?: string } };
  const code = codeOf(error);
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'no answer in time';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was closed before an answer';
  if (code && /CERT|SELF_SIGNED|TLS/.test(code)) return `its certificate is not trusted (${code}): add the firm's CA certificate`;
  return e.cause?.message ?? e.message ?? String(error);
}

const short = (text: string) => (text.length > 500 ? `${text.slice(0, 500)}…` : text) || undefined;
