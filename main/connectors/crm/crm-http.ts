// One HTTP call to a CRM through the guarded agent (the firm's allowlist and extra CAs, checked on every dial),
// with the failures every CRM shares turned into typed errors: 429 → rate_limited (Retry-After, or a reset
// header), 5xx / timeout / refused / reset → unavailable, and a write whose answer never came → unknown_outcome.
// Redirects are never followed (undici's request doesn't; a 3xx is a bad response, not a reason to send credentials
// elsewhere).
// What a 2xx or another 4xx means is the connector's to say.
// A pacer (the sync's rate limiter of the integration) is asked before every request and told of every 429, so
// the limit counts what the CRM counts: HTTP requests, including sign-ins and the several requests of one update.
import { errors as undiciErrors, type Dispatcher } from 'undici';
import { CONNECTOR_NAMES, type CrmConnectorId } from '../../../shared/domain/connectors';
import { AnswerTooLarge, findBlockedAddressError, parseRetryAfter, requestCapped } from '../../net';
import { CrmError } from './errors';

export interface CrmHttpDeps {
  crm: CrmConnectorId;
  /** The guarded agent (net/) the connector was built with. */
  dispatcher: Dispatcher;
  /** Time allowed for the whole request (connect, send, answer). */
  timeoutMs: number;
  now?: () => Date;
  /** Paces the requests (set by the sync through CrmConnector.usePacer); none: requests go at once. */
  pacer?: CrmRequestPacer | null;
}

/** What paces an integration's requests to its CRM. */
export interface CrmRequestPacer {
  /** Resolves when one more request may go. */
  beforeRequest(): Promise<void>;
  /** The CRM answered 429: no request before `retryAfterMs` is over. */
  rateLimited(retryAfterMs: number): void;
}

export interface CrmHttpRequest {
  /** What is being done, for messages: "sign in", "load fields", "create a lead". */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** A write: without an answer its outcome is unknown (the CRM may have applied it). */
  write?: boolean;
}

export interface CrmHttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** The longest answer read from a CRM; anything longer is a bad response, not a memory problem. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
const RATE_RESET_HEADERS = ['x-ratelimit-reset', 'x-rate-limit-reset', 'ratelimit-reset'];

/** Sends one request; resolves with any answer but 429 and 5xx, throws a CrmError for those and for transport failures. */
export async function crmHttp(deps: CrmHttpDeps, req: CrmHttpRequest): Promise<CrmHttpAnswer> {
  const now = deps.now ?? (() => new Date());
  let answer: CrmHttpAnswer;
  await deps.pacer?.beforeRequest();
  try {
    answer = await requestCapped(req.url, { method: req.method, headers: req.headers, body: req.body, dispatcher: deps.dispatcher, timeoutMs: deps.timeoutMs, maxBytes: MAX_ANSWER_BYTES });
  } catch (error) {
    if (error instanceof AnswerTooLarge) {
      throw new CrmError({ crm: deps.crm, kind: 'bad_response', operation: req.operation, status: error.status, path: '(body)' }, `${label(deps.crm)} answered ${req.operation} with more than 32 MB; that is not an answer the console understands.`);
    }
    throw transportError(deps.crm, req, error);
  }
  if (answer.status === 429) {
    const retryAfterMs = retryAfter(answer.headers, now()) ?? 60_000;
    deps.pacer?.rateLimited(retryAfterMs);
    throw new CrmError(
      { crm: deps.crm, kind: 'rate_limited', operation: req.operation, status: 429, retryAfterMs, crmMessage: short(answer.text) },
      `${label(deps.crm)} is limiting requests (429) while trying to ${req.operation}: waiting ${Math.ceil(retryAfterMs / 1000)} s before the next one.`,
    );
  }
  if (answer.status >= 500) {
    throw new CrmError(
      { crm: deps.crm, kind: 'unavailable', operation: req.operation, status: answer.status, crmMessage: short(answer.text) },
      `${label(deps.crm)} failed to ${req.operation} (HTTP ${answer.status}); it will be tried again later.`,
    );
  }
  if (answer.status >= 300 && answer.status < 400) {
    throw new CrmError(
      { crm: deps.crm, kind: 'bad_response', operation: req.operation, status: answer.status, path: '(redirect)' },
      `${label(deps.crm)} answered ${req.operation} with a redirect (HTTP ${answer.status}) to ${String(answer.headers.location ?? 'elsewhere')}; the console does not follow redirects. Check the address entered for it.`,
    );
  }
  return answer;
}

function retryAfter(headers: CrmHttpAnswer['headers'], now: Date): number | null {
  const value = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const fromRetryAfter = parseRetryAfter(value('retry-after'), now);
  if (fromRetryAfter !== null) return fromRetryAfter;
  for (const name of RATE_RESET_HEADERS) {
    const v = Number(value(name));
    if (!Number.isFinite(v) || v <= 0) continue;
    // Either seconds from now or an epoch time in seconds.
    return v > 1e9 ? Math.max(0, v * 1000 - now.getTime()) : v * 1000;
  }
  return null;
}

function transportError(crm: CrmConnectorId, req: CrmHttpRequest, error: unknown): CrmError {
  const blocked = findBlockedAddressError(error);
  const reason = blocked ? blocked.message : describeTransport(error);
  if (req.write && !blocked && !isBeforeSending(error)) {
    return new CrmError(
      { crm, kind: 'unknown_outcome', operation: req.operation, crmMessage: reason },
      `${label(crm)} did not answer ${req.operation} (${reason}); it may have been applied. It is looked up before being tried again.`,
      error,
    );
  }
  return new CrmError({ crm, kind: 'unavailable', operation: req.operation, crmMessage: reason }, `${label(crm)} could not be reached to ${req.operation} (${reason}).`, error);
}

/** Errors raised before a byte of the request left: the CRM can't have applied anything. */
function isBeforeSending(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return (
    error instanceof undiciErrors.ConnectTimeoutError ||
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'CERT_HAS_EXPIRED' ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN' ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'ERR_TLS_CERT_ALTNAME_INVALID'
  );
}

function describeTransport(error: unknown): string {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'no answer in time';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was closed before an answer';
  if (code && /CERT|SELF_SIGNED|TLS/.test(code)) return `its certificate is not trusted (${code}): add the firm's CA certificate`;
  return e.cause?.message ?? e.message ?? String(error);
}

const short = (text: string) => (text.length > 500 ? `${text.slice(0, 500)}…` : text) || undefined;
const label = (crm: CrmConnectorId) => CONNECTOR_NAMES[crm];
