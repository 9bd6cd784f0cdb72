// What the headless host answers to requests it can't take: bodies that are not UTF-8 or hold prototype keys,
// addresses fastify can't route, unknown routes. Every answer in the Result shape, and only after the session check.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { startTestHeadlessServer } from './test-headless-server';

const cleanup = useCleanup();

async function start() {
  const { core, server } = await startTestHeadlessServer(cleanup);
  return { core, server, auth: { authorization: `Bearer ${server.token}` } };
}

/** A request sent as written (fetch would normalise the address), with its JSON answer. */
function rawRequest(origin: string, method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<{ status: number; json: unknown }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method, headers: { host: `${hostname}:${port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };

/** Writes `text` on a fresh TCP connection and resolves with everything the server sent back before closing. */
function rawExchange(origin: string, text: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('headless host refusals', () => {
  it('refuses an RPC body that is not UTF-8, naming the byte offset, and changes nothing', async () => {
    const { core, server, auth } = await start();
    const body = Buffer.concat([Buffer.from('{"name":"Acme '), Buffer.from([0xc3, 0x28]), Buffer.from('","timezone":"UTC"}')]);
    const res = await rawRequest(server.origin, 'POST', '/rpc/company.update', { ...json, ...auth }, body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('offset 14'), details: { byteOffset: 14 } } });
    expect((await core.handlers.company.get(undefined)).name).toBe('');
  });

  it('refuses __proto__ and constructor.prototype keys in an RPC body, naming each by its path', async () => {
    const { server, auth } = await start();
    const res = await rawRequest(server.origin, 'POST', '/rpc/clients.list', { ...json, ...auth }, '{"search":"a","__proto__":{"limit":1},"x":{"constructor":{"prototype":{}}}}');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringContaining('__proto__'),
        details: {
          issues: [
            { path: '__proto__', message: expect.stringContaining('prototype') },
            { path: 'x.constructor', message: expect.stringContaining('prototype') },
          ],
        },
      },
    });
  });

  it('answers a request that is not HTTP in the Result shape', async () => {
    const { server } = await start();
    const answer = await rawExchange(server.origin, 'HELLO THERE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('not valid HTTP') } });
  });

  it('answers unknown routes and unroutable addresses in the Result shape, and only to the token holder', async () => {
    const { server, auth } = await start();
    for (const path of ['/nothing-here', '/rpc', '/%zz', `/x/${'a'.repeat(500)}`]) {
      const anonymous = await rawRequest(server.origin, 'GET', path, {});
      expect(anonymous.status, path).toBe(401);
      expect(anonymous.json).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringContaining('token') } });
    }
    const unknown = await rawRequest(server.origin, 'GET', '/nothing-here', auth);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('/nothing-here') } });
    const badEscape = await rawRequest(server.origin, 'GET', '/assets/%zz', auth);
    expect(badEscape.status).toBe(400);
    expect(badEscape.json).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('percent escape') } });
    const wrongMethod = await rawRequest(server.origin, 'PUT', '/rpc/company.get', { ...json, ...auth }, 'null');
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
