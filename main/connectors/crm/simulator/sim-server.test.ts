// The shared simulator server's faults: generic ones (5xx, 429, slow) on whatever request comes; a CRM's own ones
// only on the requests its handler plays them on, so `times` counts those and nothing else.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../../test-support/use-cleanup';
import { startSimServer, type SimExchange } from './sim-server';

const cleanup = useCleanup();

/** A toy CRM: GET /read answers 200; POST /write answers 201, unless the dropped-answer fault is played on it. */
async function startToyCrm(expireTokens?: () => void) {
  const handle = (ex: SimExchange) => {
    ex.operation(ex.url.pathname.slice(1));
    if (ex.url.pathname === '/write' && ex.play('drop_write_answer')) return void ex.res.socket?.destroy();
    ex.res.writeHead(ex.url.pathname === '/write' ? 201 : 200).end('{}');
  };
  const server = await startSimServer(handle, expireTokens ? { expireTokens } : {});
  cleanup.add(() => server.close());
  const call = async (path: '/read' | '/write') => {
    try {
      return (await fetch(`${server.url}${path}`, { method: path === '/write' ? 'POST' : 'GET', signal: AbortSignal.timeout(2_000) })).status;
    } catch {
      return 'dropped';
    }
  };
  return { server, call };
}

describe('simulator server faults', () => {
  it('keeps a CRM fault with `times` for the requests that play it, however many others come first', async () => {
    const { server, call } = await startToyCrm();
    server.setFault({ kind: 'drop_write_answer' }, { times: 1 });
    expect([await call('/read'), await call('/read'), await call('/read')]).toEqual([200, 200, 200]);
    expect(await call('/write')).toBe('dropped');
    expect(await call('/write')).toBe(201);
    expect(server.requests().map((r) => [r.operation, r.fault ?? null])).toEqual([
      ['read', null],
      ['read', null],
      ['read', null],
      ['write', 'drop_write_answer'],
      ['write', null],
    ]);
  });

  it('plays a CRM fault without `times` on every request that concerns it until cleared', async () => {
    const { server, call } = await startToyCrm();
    server.setFault({ kind: 'drop_write_answer' });
    expect([await call('/write'), await call('/read'), await call('/write')]).toEqual(['dropped', 200, 'dropped']);
    server.setFault(null);
    expect(await call('/write')).toBe(201);
  });

  it('plays generic faults on any request, counting each', async () => {
    const { server, call } = await startToyCrm();
    server.setFault({ kind: 'server_error', status: 502 }, { times: 2 });
    expect([await call('/read'), await call('/write'), await call('/read')]).toEqual([502, 502, 200]);
    server.setFault({ kind: 'rate_limit', retryAfterSeconds: 3 }, { times: 1 });
    const limited = await fetch(`${server.url}/read`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    expect(server.requests().map((r) => r.fault ?? null)).toEqual(['server_error', 'server_error', null, 'rate_limit']);
  });

  it('expires tokens when `expire_tokens` is set, leaving no fault behind', async () => {
    let expired = 0;
    const { server, call } = await startToyCrm(() => (expired += 1));
    server.setFault({ kind: 'expire_tokens' }, { times: 1 });
    expect(expired).toBe(1);
    expect([await call('/write'), await call('/read')]).toEqual([201, 200]);
    expect(expired).toBe(1);
    const tokenless = await startToyCrm();
    expect(() => tokenless.server.setFault({ kind: 'expire_tokens' })).toThrow(/no tokens/);
  });
});
