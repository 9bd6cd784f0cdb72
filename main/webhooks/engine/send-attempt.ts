// One HTTP attempt: POST the signed body through the guarded agent, never follow a redirect, give up after the
// attempt timeout (connect + response), keep at most 64 KiB of the response body, and classify what happened.
// Written against undici's dispatcher handler rather than `request()`: a delivery needs no response stream,
// no AbortSignal wiring and no async iterator, and at thousands of attempts a second those were most of the cost.
import { performance } from 'node:perf_hooks';
import { util, type Dispatcher } from 'undici';
import { classifyAttempt, type AttemptOutcome } from '../policy/attempt-outcome';
import type { GuardedAgent } from '../url-guard/guarded-agent';

/** The delivery log keeps this much of a response body. */
export const RESPONSE_BODY_CAP = 64 * 1024;

export interface SendInput {
  url: string;
  headers: Record<string, string>;
  body: string;
  agent: GuardedAgent;
  timeoutMs: number;
  /** Aborts the attempt when the engine stops; the attempt is then resumed at the next start. */
  stop?: AbortSignal;
}

export interface SendResult {
  outcome: AttemptOutcome;
  resolvedIp: string | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  responseTruncated: boolean;
  /** True when the engine's stop signal ended it (nothing should be recorded). */
  stopped: boolean;
}

const flatHeaders = (headers: Record<string, string | string[] | undefined>): Record<string, string> => {
  const flat: Record<string, string> = {};
  for (const key in headers) {
    const value = headers[key];
    if (value !== undefined) flat[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
};

/** Webhook URLs repeat: each is parsed once (a small cache, cleared when full). */
const parsedUrls = new Map<string, URL>();
function parseUrl(url: string): URL {
  let parsed = parsedUrls.get(url);
  if (parsed === undefined) {
    if (parsedUrls.size >= 1_024) parsedUrls.clear();
    parsed = new URL(url);
    parsedUrls.set(url, parsed);
  }
  return parsed;
}

/** Why the attempt stopped reading once the cap was reached (never shown: the status already arrived). */
class BodyCapReached extends Error {
  override name = 'BodyCapReached';
}

export function sendAttempt({ url, headers, body, agent, timeoutMs, stop }: SendInput): Promise<SendResult> {
  return new Promise<SendResult>((resolve) => {
    const target = parseUrl(url);
    const startedAt = performance.now();
    let abortRequest: ((reason: Error) => void) | null = null;
    let abortedEarly: Error | null = null;
    let statusCode = 0;
    let responseHeaders: Record<string, string | string[] | undefined> = {};
    let durationMs = 0;
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    let settled = false;

    const abort = (reason: Error) => {
      if (abortRequest === null) abortedEarly = reason;
      else abortRequest(reason);
    };
    // A plain timer, held until the attempt ends (an AbortSignal.timeout() could be collected before it fires).
    const timer = setTimeout(() => abort(new DOMException(`no response within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    const onStop = () => abort(stop?.reason instanceof Error ? stop.reason : new DOMException('the engine stopped', 'AbortError'));
    if (stop?.aborted) onStop();
    else stop?.addEventListener('abort', onStop, { once: true });

    const resolvedIp = () => {
      try {
        return agent.dialledAddress(target)?.address ?? null;
      } catch {
        return null;
      }
    };
    const settle = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop?.removeEventListener('abort', onStop);
      resolve(result);
    };
    const answered = () =>
      settle({
        outcome: classifyAttempt({ response: { statusCode, headers: responseHeaders }, durationMs }),
        resolvedIp: resolvedIp(),
        responseHeaders: flatHeaders(responseHeaders),
        responseBody: Buffer.concat(chunks, size).toString('utf8'),
        responseTruncated: truncated,
        stopped: false,
      });

    const handler: Dispatcher.DispatchHandler = {
      onConnect(abortFn) {
        if (abortedEarly !== null) abortFn(abortedEarly);
        else abortRequest = abortFn;
      },
      onHeaders(status, rawHeaders) {
        statusCode = status;
        durationMs = performance.now() - startedAt;
        responseHeaders = util.parseHeaders(rawHeaders);
        return true;
      },
      onData(chunk) {
        const room = RESPONSE_BODY_CAP - size;
        if (chunk.length <= room) {
          chunks.push(chunk);
          size += chunk.length;
          return true;
        }
        // Keep up to the cap and drop the connection: a 10 MB answer costs 64 KiB of memory, not 10 MB.
        chunks.push(chunk.subarray(0, room));
        size += room;
        truncated = true;
        abort(new BodyCapReached('response body cap reached'));
        return false;
      },
      onComplete: answered,
      onError(error) {
        // The status already arrived: a body cut short (cap, timeout, reset) is kept as far as it got.
        if (statusCode !== 0) {
          truncated = true;
          return answered();
        }
        settle({
          outcome: classifyAttempt({ error, durationMs: performance.now() - startedAt }),
          resolvedIp: resolvedIp(),
          responseHeaders: null,
          responseBody: null,
          responseTruncated: false,
          stopped: stop?.aborted === true,
        });
      },
    };
    agent.dispatch({ origin: target.origin, path: target.pathname + target.search, method: 'POST', headers, body }, handler);
  });
}
