import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { startTestHeadlessServer } from './test-headless-server';
import { SESSION_COOKIE } from './session-guard';

const cleanup = useCleanup();

async function start() {
  const { server } = await startTestHeadlessServer(cleanup);
  return server;
}

/** A GET with the path sent byte for byte (fetch would normalise `/./` and `//` away before sending). */
function rawGet(origin: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; location?: string }> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers: { host: url.host, ...headers } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, location: res.headers.location });
    });
    req.setTimeout(5000, () => req.destroy(new Error('no answer within 5 s')));
    req.on('error', reject);
    req.end();
  });
}

describe('headless session guard', () => {
  it('redirects only to a path on its own origin when trading the URL token for the cookie', async () => {
    const server = await start();
    const token = encodeURIComponent(server.token);
    for (const path of ['/.//evil.com/', '//evil.com/', '/\\evil.com/', '/./\\/evil.com', '/%2e//evil.com/']) {
      const answer = await rawGet(server.origin, `${path}?token=${token}`);
      expect(answer.status, path).toBe(303);
      const location = answer.location ?? '';
      // The browser resolves the location against the page it asked for: it must stay on this console.
      expect(new URL(location, server.origin).origin, `${path} → ${location}`).toBe(server.origin);
      expect(location, path).toMatch(/^\/(?![/\\])/);
    }
    // Ordinary paths and the rest of the query survive the trade.
    expect((await rawGet(server.origin, `/settings?tab=about&token=${token}`)).location).toBe('/settings?tab=about');
    expect((await rawGet(server.origin, `/?token=${token}`)).location).toBe('/');
  });

  it('lets a valid credential through whichever other one is stale', async () => {
    const server = await start();
    const staleCookie = { cookie: `${SESSION_COOKIE}=token-of-an-earlier-run` };
    const bearer = { authorization: `Bearer ${server.token}` };
    expect((await rawGet(server.origin, '/', { ...staleCookie, ...bearer })).status).toBe(200);
    expect((await rawGet(server.origin, '/', { cookie: `${SESSION_COOKIE}=${server.token}`, authorization: 'Bearer stale' })).status).toBe(200);
    // Neither valid: still refused.
    expect((await rawGet(server.origin, '/', { ...staleCookie, authorization: 'Bearer stale' })).status).toBe(401);
    expect((await rawGet(server.origin, '/', staleCookie)).status).toBe(401);
  });
});
