// One HTTP attempt: POST the signed body through the guarded agent, never follow a redirect, give up after the
// attempt timeout (connect + response), keep at most 64 KiB of the response body, and classify what happened.
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
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
  for (const [key, value] of Object.entries(headers)) if (value !== undefined) flat[key] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
};

/** Reads up to the cap and then drops the connection: a 10 MB answer costs 64 KiB of memory, not 10 MB. */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(error?: Error): unknown }): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of body) {
      const room = RESPONSE_BODY_CAP - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size += room;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } catch {
    // The status already arrived; a body cut short (timeout, reset) is kept as far as it got.
    truncated = true;
  } finally {
    if (truncated) body.destroy();
  }
  return { text: Buffer.concat(chunks, size).toString('utf8'), truncated };
}

export async function sendAttempt({ url, headers, body, agent, timeoutMs, stop }: SendInput): Promise<SendResult> {
  // A plain timer, held until the attempt ends: AbortSignal.timeout() combined with AbortSignal.any() can be
  // garbage-collected before it fires, which would leave a hung receiver holding its slot for ever.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no response within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  const onStop = () => controller.abort(stop?.reason);
  if (stop?.aborted) onStop();
  else stop?.addEventListener('abort', onStop, { once: true });
  try {
    return await post(url, headers, body, agent, controller.signal, () => stop?.aborted === true);
  } finally {
    clearTimeout(timer);
    stop?.removeEventListener('abort', onStop);
  }
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  agent: GuardedAgent,
  signal: AbortSignal,
  stopped: () => boolean,
): Promise<SendResult> {
  const startedAt = performance.now();
  const resolvedIp = () => {
    try {
      return agent.dialledAddress(url)?.address ?? null;
    } catch {
      return null;
    }
  };
  try {
    const response = await request(url, { method: 'POST', headers, body, dispatcher: agent, signal });
    const durationMs = performance.now() - startedAt;
    const { text, truncated } = await readCapped(response.body);
    return {
      outcome: classifyAttempt({ response: { statusCode: response.statusCode, headers: response.headers }, durationMs }),
      resolvedIp: resolvedIp(),
      responseHeaders: flatHeaders(response.headers),
      responseBody: text,
      responseTruncated: truncated,
      stopped: false,
    };
  } catch (error) {
    const durationMs = performance.now() - startedAt;
    return {
      outcome: classifyAttempt({ error, durationMs }),
      resolvedIp: resolvedIp(),
      responseHeaders: null,
      responseBody: null,
      responseTruncated: false,
      stopped: stopped(),
    };
  }
}
