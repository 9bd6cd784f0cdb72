// Sends the generator's steps to the real ingest HTTP API with undici, over a small pool of keep-alive
// connections that `close()` tears down, so a stopped generator leaves no sockets or timers behind.
import { Agent, request } from 'undici';
import { DEMO_SOURCE } from './demo-catalog';
import type { DemoStep } from './event-factory';

/**
 * What one request came to: accepted (with the stored event id, for events, and whether the API changed anything:
 * a case already at the status sent is `unchanged` there), or refused with the API's reason.
 */
export type PostOutcome = { ok: true; eventId: string | null; changed: boolean } | { ok: false; message: string };

export interface IngestPoster {
  send(step: DemoStep, signal?: AbortSignal): Promise<PostOutcome>;
  /** Closes the connections; in-flight requests should be settled first. */
  close(): Promise<void>;
}

const REQUEST_TIMEOUT_MS = 15_000;

/** A poster for the ingest API at `baseUrl` (e.g. http://127.0.0.1:4781) using `apiKey`. */
export function createIngestPoster(baseUrl: string, apiKey: string, connections: number): IngestPoster {
  const dispatcher = new Agent({ connections, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
  return {
    async send(step, signal) {
      const [method, path, body] =
        step.kind === 'event'
          ? (['POST', '/v1/events', step.body] as const)
          : (['PUT', `/v1/cases/${DEMO_SOURCE}/${encodeURIComponent(step.case.externalId)}`, step.body] as const);
      try {
        const res = await request(`${baseUrl}${path}`, {
          method,
          dispatcher,
          signal,
          headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
          body: JSON.stringify(body),
        });
        const text = await res.body.text();
        const json = text ? (JSON.parse(text) as { id?: unknown; outcome?: unknown; error?: { code?: string; message?: string } }) : {};
        if (res.statusCode >= 200 && res.statusCode < 300) {
          if (step.kind === 'event') return { ok: true, eventId: typeof json.id === 'string' ? json.id : null, changed: true };
          return { ok: true, eventId: null, changed: json.outcome !== 'unchanged' };
        }
        return { ok: false, message: `${method} ${path} → ${res.statusCode} ${json.error?.code ?? ''}: ${json.error?.message ?? text.slice(0, 300)}` };
      } catch (error) {
        return { ok: false, message: `${method} ${path} failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    close: () => dispatcher.close(),
  };
}
