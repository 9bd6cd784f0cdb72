// Test kit: a real core on a temp dir with its ingest API on a free loopback port, an API key, and helpers
// that POST/PUT over real HTTP. Only tests import this.
import type { CoreOptions } from '../core';
import { startTestCore } from '../test-support/test-core';

export interface IngestTestOptions extends Partial<CoreOptions> {
  /** False: the real keychain instead of the encrypted-file store (the default here). */
  fileSecrets?: boolean;
  /** The API key's name (another core on the same data dir needs another one). */
  keyName?: string;
  rateLimitPerMinute?: number;
  bodyLimit?: number;
}

/** Starts a core with its ingest API listening on 127.0.0.1:0 and one API key. */
export async function startIngest(options: IngestTestOptions = {}) {
  const { rateLimitPerMinute, bodyLimit, keyName = 'platform', ...coreOptions } = options;
  const core = startTestCore({ fileSecrets: true, ...coreOptions });
  const status = await core.ingest.listen({ host: '127.0.0.1', port: 0, bodyLimit });
  const { key, apiKey } = core.ingest.keys.create({ name: keyName, rateLimitPerMinute });
  const url = status.url!;
  const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    core,
    url,
    key,
    apiKey,
    post: (body: unknown, headers?: Record<string, string>) => send('POST', '/v1/events', body, headers),
    put: (path: string, body: unknown, headers?: Record<string, string>) => send('PUT', path, body, headers),
    send,
    countEvents: () => (core.database.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n,
    cleanup: () => core.cleanup(),
  };
}

export type IngestTest = Awaited<ReturnType<typeof startIngest>>;

/** The `{error}` body of a refused request. */
export async function errorOf(res: Response): Promise<{ code: string; message: string; details?: { issues?: { path: string; message: string }[]; valid?: string[] } }> {
  const body = (await res.json()) as { error: { code: string; message: string; details?: { issues?: { path: string; message: string }[]; valid?: string[] } } };
  return body.error;
}
