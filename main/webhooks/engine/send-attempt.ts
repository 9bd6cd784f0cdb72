// One HTTP attempt: POST the signed body through the guarded agent, never follow a redirect, give up after the
// attempt timeout (connect + response), keep at most 64 KiB of the response body, and classify what happened.
// Written against undici's dispatcher handler rather than `request()`: a delivery needs no response stream,
// no AbortSignal wiring and no async iterator, and at thousands of attempts a second those were most of the cost.
import { performance } from 'node:perf_hooks';
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { classifyAttempt, type AttemptOutcome } from '../policy/attempt-outcome';
import type { GuardedAgent } from '../../net';

/** The delivery log keeps this much of a response body. */
export const RESPONSE_BODY_CAP = 64 * 1024;

export interface SendInput {
  url: string;
  headers: Record<string, string>;
  /** The exact bytes signed (a string is sent as UTF-8). */
  body: string | Buffer;
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

/** Why an attempt stops with the engine: the signal's own reason when it is an error. */
const stopReason = (stop: AbortSignal): Error => (stop.reason instanceof Error ? stop.reason : new DOMException('the engine stopped', 'AbortError'));

/**
 * Attempts in flight per stop signal: one listener per signal aborts them all, rather than a listener added and
 * removed by every attempt.
 */
const inFlightBySignal = new WeakMap<AbortSignal, Set<AttemptRequest>>();
function watch(stop: AbortSignal, attempt: AttemptRequest): void {
  let attempts = inFlightBySignal.get(stop);
  if (attempts === undefined) {
    const set = (attempts = new Set());
    inFlightBySignal.set(stop, set);
    stop.addEventListener('abort', () => {
      const reason = stopReason(stop);
      for (const a of set) a.abort(reason);
    }, { once: true });
  }
  attempts.add(attempt);
}

/** One attempt as undici's dispatcher handler; a class, so that nothing is allocated per attempt but itself. */
class AttemptRequest implements Dispatcher.DispatchHandler {
  private readonly startedAt = performance.now();
  private controller: Dispatcher.DispatchController | null = null;
  private abortedEarly: Error | null = null;
  private statusCode = 0;
  private responseHeaders: IncomingHttpHeaders = {};
  private durationMs = 0;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private truncated = false;
  private settled = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly target: URL,
    private readonly agent: GuardedAgent,
    timeoutMs: number,
    private readonly stop: AbortSignal | undefined,
    private readonly resolve: (result: SendResult) => void,
  ) {
    // A plain timer, held until the attempt ends (an AbortSignal.timeout() could be collected before it fires).
    this.timer = setTimeout(() => this.abort(new DOMException(`no response within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    if (stop?.aborted) this.abort(stopReason(stop));
    else if (stop) watch(stop, this);
  }

  abort(reason: Error): void {
    if (this.controller === null) this.abortedEarly = reason;
    else this.controller.abort(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.abortedEarly !== null) controller.abort(this.abortedEarly);
    else this.controller = controller;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    this.statusCode = statusCode;
    this.durationMs = performance.now() - this.startedAt;
    this.responseHeaders = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.truncated) return;
    const room = RESPONSE_BODY_CAP - this.size;
    if (chunk.length <= room) {
      this.chunks.push(chunk);
      this.size += chunk.length;
      return;
    }
    // Keep up to the cap and drop the connection: a 10 MB answer costs 64 KiB of memory, not 10 MB.
    this.chunks.push(chunk.subarray(0, room));
    this.size += room;
    this.truncated = true;
    this.abort(new BodyCapReached('response body cap reached'));
  }

  onResponseEnd(): void {
    this.answered();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    // The status already arrived: a body cut short (cap, timeout, reset) is kept as far as it got.
    if (this.statusCode !== 0) {
      this.truncated = true;
      return this.answered();
    }
    this.settle({
      outcome: classifyAttempt({ error, durationMs: performance.now() - this.startedAt }),
      resolvedIp: this.resolvedIp(),
      responseHeaders: null,
      responseBody: null,
      responseTruncated: false,
      stopped: this.stop?.aborted === true,
    });
  }

  private answered(): void {
    this.settle({
      outcome: classifyAttempt({ response: { statusCode: this.statusCode, headers: this.responseHeaders }, durationMs: this.durationMs }),
      resolvedIp: this.resolvedIp(),
      responseHeaders: flatHeaders(this.responseHeaders),
      responseBody: Buffer.concat(this.chunks, this.size).toString('utf8'),
      responseTruncated: this.truncated,
      stopped: false,
    });
  }

  private resolvedIp(): string | null {
    try {
      return this.agent.dialledAddress(this.target)?.address ?? null;
    } catch {
      return null;
    }
  }

  private settle(result: SendResult): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (this.stop) inFlightBySignal.get(this.stop)?.delete(this);
    this.resolve(result);
  }
}

export function sendAttempt({ url, headers, body, agent, timeoutMs, stop }: SendInput): Promise<SendResult> {
  return new Promise<SendResult>((resolve) => {
    const target = parseUrl(url);
    const handler = new AttemptRequest(target, agent, timeoutMs, stop, resolve);
    agent.dispatch({ origin: target.origin, path: target.pathname + target.search, method: 'POST', headers, body }, handler);
  });
}
