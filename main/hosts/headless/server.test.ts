import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { startTestHeadlessServer } from './test-headless-server';

const cleanup = useCleanup();

async function start() {
  const { core, server } = await startTestHeadlessServer(cleanup);
  const rpc = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/rpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const auth = { authorization: `Bearer ${server.token}` };
  return { core, server, rpc, auth };
}

/** Sends a request with a Host header of our choosing (fetch won't let us set it). */
function rawGet(origin: string, path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('headless host', () => {
  it('refuses a request without the token before it reaches the core', async () => {
    const { core, server, rpc, auth } = await start();
    const res = await rpc('company.update', { name: 'Intruder LLC', timezone: 'UTC' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringContaining('token') } });
    expect((await rpc('company.update', { name: 'Intruder LLC', timezone: 'UTC' }, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await fetch(`${server.origin}/`)).status).toBe(401);
    expect((await fetch(`${server.origin}/events`)).status).toBe(401);
    const company = (await (await rpc('company.get', null, auth)).json()) as { value: { name: string } };
    expect(company.value.name).toBe('');
    expect((await core.handlers.company.get(undefined)).name).toBe('');
  });

  it('trades the URL token for an HttpOnly SameSite cookie and serves the app with a strict CSP', async () => {
    const { server } = await start();
    const first = await fetch(server.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/kayse_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const page = await fetch(`${server.origin}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('checks Host and Origin even with a valid token', async () => {
    const { server, rpc, auth } = await start();
    const port = new URL(server.origin).port;
    expect(await rawGet(server.origin, '/', { host: `evil.example:${port}`, ...auth })).toBe(403);
    expect(await rawGet(server.origin, '/', { host: `127.0.0.1:${port}`, ...auth })).toBe(200);
    expect(await rawGet(server.origin, '/', { host: `localhost:${port}`, ...auth })).toBe(200);
    const foreign = await rpc('company.update', { name: 'CSRF', timezone: 'UTC' }, { ...auth, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const same = await rpc('company.update', { name: 'Same origin', timezone: 'UTC' }, { ...auth, origin: server.origin });
    expect(same.status).toBe(200);
  });

  it('serves every contract procedure with typed results and HTTP statuses', async () => {
    const { rpc, auth } = await start();
    const ok = await rpc('company.update', { name: 'Acme Law', timezone: 'Europe/London' }, auth);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { name: 'Acme Law', timezone: 'Europe/London' } });
    const bad = await rpc('company.update', { name: 'Acme Law', timezone: 'Europe/Atlantis' }, auth);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'timezone' }] } } });
    const unknown = await rpc('company.drop', null, auth);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    const cards = (await (await rpc('integrations.list', null, auth)).json()) as { value: { id: string; status: string }[] };
    expect(cards.value.map((c) => `${c.id}:${c.status}`)).toEqual([
      'lawruler:not_connected',
      'smartadvocate:not_connected',
      'scheduling:not_connected',
      'webhooks:not_connected',
    ]);
    const notFound = await rpc('integrations.get', { id: 'clio' }, auth);
    expect(notFound.status).toBe(400);
  });

  it('accepts whole files only where a procedure takes them, refusing other large bodies in the Result shape', async () => {
    const { rpc, auth } = await start();
    const big = 'x'.repeat(2 * 1024 * 1024);
    const refused = await rpc('company.update', { name: big, timezone: 'UTC' }, auth);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('too large') } });
    const csv = `external id,first name\n${'c-1,Ann\n'.repeat(300_000)}`;
    const inspected = await rpc('imports.inspect', { kind: 'clients', fileName: 'big.csv', csv }, auth);
    expect(inspected.status).toBe(200);
    expect(await inspected.json()).toMatchObject({ ok: true, value: { rowCount: 300_000 } });
  });

  it('answers a malformed JSON body with a typed failure', async () => {
    const { server, auth } = await start();
    const malformed = await fetch(`${server.origin}/rpc/company.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: '{not json',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('could not be read') } });
  });

  it('streams contract events over server-sent events', async () => {
    const { server, rpc, auth } = await start();
    const controller = new AbortController();
    const stream = await fetch(`${server.origin}/events`, { headers: auth, signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    await reader.read(); // the ": connected" comment: the subscription is in place
    await rpc('company.update', { name: 'Evented Law', timezone: 'UTC' }, auth);
    const deadline = Date.now() + 5000;
    while (!received.includes('\n\n') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    controller.abort();
    expect(received).toContain('event: tables.changed');
    expect(received).toContain('data: {"tables":["company"]}');
  });
});
