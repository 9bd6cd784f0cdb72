// Inputs the ingest API must refuse by name instead of mangling: bytes that are not UTF-8, keys that would change
// object prototypes, addresses fastify can't route; every answer in the documented shape, after the key check.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { sampleEvent } from './sample-events';
import { errorOf, startIngest, type IngestTest } from './test-ingest';

const cleanup = useCleanup();
async function start() {
  return cleanup.use(await startIngest());
}

/** A JSON text with raw bytes spliced in where `@@` stands. */
const withBytes = (json: string, raw: number[]) => {
  const [before, after] = json.split('@@') as [string, string];
  return Buffer.concat([Buffer.from(before), Buffer.from(raw), Buffer.from(after)]);
};
/** Sends raw bytes (the test kit's helpers send strings or objects as JSON). */
const sendBytes = (t: IngestTest, method: string, path: string, body: Buffer) =>
  fetch(`${t.url}${path}`, { method, headers: { 'content-type': 'application/json', 'x-api-key': t.apiKey }, body });
const countClients = (t: IngestTest) => t.core.database.sqlite.prepare('SELECT count(*) FROM clients').pluck().get();

describe('ingest bodies that are not UTF-8', () => {
  it('refuses an event with invalid UTF-8 inside a string with 400, naming the byte offset, and stores nothing', async () => {
    const t = await start();
    const json = JSON.stringify(sampleEvent('call_ended', { data: { ...(sampleEvent('call_ended').data as object), outcome: 'q@@d' } }));
    for (const raw of [[0xff, 0xfe], [0xc3, 0x28]]) {
      const body = withBytes(json, raw);
      const res = await sendBytes(t, 'POST', '/v1/events', body);
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('not valid UTF-8') });
      expect(error.message).toContain(`offset ${body.indexOf(raw[0]!)}`);
      expect(error.details).toMatchObject({ byteOffset: body.indexOf(raw[0]!) });
    }
    expect(t.countEvents()).toBe(0);
  });

  it('refuses a client PUT with invalid UTF-8 and stores nothing', async () => {
    const t = await start();
    const res = await sendBytes(t, 'PUT', '/v1/clients/kayse/cl-1', withBytes('{"first_name":"Jo@@sé"}', [0xe9]));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain('not valid UTF-8');
    expect(countClients(t)).toBe(0);
  });

  it('stores well-formed non-ASCII text exactly as sent', async () => {
    const t = await start();
    const name = 'José Ñúñez — 東京 🙂';
    const res = await sendBytes(t, 'PUT', '/v1/clients/kayse/cl-1', Buffer.from(JSON.stringify({ first_name: name })));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(t.core.workspace.records.getClient(id)!.firstName).toBe(name);
  });
});

describe('ingest bodies with keys that would change object prototypes', () => {
  it('refuses __proto__ and constructor.prototype keys with 400 naming each key by its path', async () => {
    const t = await start();
    const event = JSON.stringify(sampleEvent('form_submitted')).replace('"answers":{', '"answers":{"__proto__":{"admin":true},');
    const single = await t.post(event);
    expect(single.status).toBe(400);
    const error = await errorOf(single);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details!.issues).toEqual([{ path: 'data.answers.__proto__', message: expect.stringContaining('prototype') }]);
    expect(error.message).toContain('data.answers.__proto__');
    expect(error.message).not.toContain('not valid JSON');

    const batch = `{"events":[${JSON.stringify(sampleEvent('call_started'))},{"type":"call_started","constructor":{"prototype":{"polluted":1}}}]}`;
    const refused = await t.post(batch);
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).details!.issues).toEqual([{ path: 'events[1].constructor', message: expect.stringContaining('prototype') }]);

    const client = await t.put('/v1/clients/kayse/cl-1', '{"first_name":"Jo","__proto__":{"isDemo":true}}');
    expect(client.status).toBe(400);
    expect((await errorOf(client)).details!.issues).toEqual([{ path: '__proto__', message: expect.stringContaining('prototype') }]);
    expect(t.countEvents()).toBe(0);
    expect(countClients(t)).toBe(0);
  });
});

/** A request sent as written (fetch would normalise the address). */
function rawRequest(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; json: unknown }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes `text` on a fresh TCP connection and resolves with everything the server sent back before closing. */
function rawExchange(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('ingest addresses', () => {
  it('answers a request that is not HTTP in the documented shape', async () => {
    const t = await start();
    const answer = await rawExchange(t.url, 'HELLO THERE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('not valid HTTP') } });
    const huge = await rawExchange(t.url, `GET /v1/events HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });

  it('checks the API key before reading the address: no key, no hint about routes or escapes', async () => {
    const t = await start();
    for (const path of ['/v1/clients/kayse/%zz', `/v1/clients/kayse/${'a'.repeat(2000)}`, '/v1/nothing-here', '/%E0%A4%A']) {
      for (const method of ['GET', 'PUT']) {
        const res = await rawRequest(t.url, method, path, { 'content-type': 'application/json' }, '{}');
        expect(res.status, `${method} ${path.slice(0, 40)}`).toBe(401);
        expect(res.json).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.stringContaining('X-API-KEY') } });
      }
    }
  });

  it('refuses a malformed percent escape with 400 in the documented shape', async () => {
    const t = await start();
    const res = await rawRequest(t.url, 'PUT', '/v1/clients/kayse/cl-%zz', { 'content-type': 'application/json', 'x-api-key': t.apiKey }, '{"first_name":"Jo"}');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('percent escape'), details: { issues: [{ path: '(url)', message: expect.stringContaining('%25') }] } },
    });
    expect(countClients(t)).toBe(0);
  });

  it('takes ids up to the documented 128 characters and refuses longer ones naming the field and the limit', async () => {
    const t = await start();
    const ok = await t.put(`/v1/clients/kayse/${'a'.repeat(128)}`, { first_name: 'Jo' });
    expect(ok.status).toBe(201);
    for (const length of [129, 150, 5000]) {
      const res = await t.put(`/v1/clients/kayse/${'b'.repeat(length)}`, { first_name: 'Jo' });
      expect(res.status, `${length} characters`).toBe(400);
      expect(await errorOf(res)).toEqual({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('external_id: at most 128 characters'),
        details: { issues: [{ path: 'external_id', message: 'at most 128 characters' }] },
      });
    }
    const source = await t.put(`/v1/cases/${'s'.repeat(65)}/case-1`, { name: 'X', case_type: 'X', status: 'X' });
    expect(source.status).toBe(400);
    expect((await errorOf(source)).details!.issues).toContainEqual({ path: 'external_source', message: 'at most 64 characters' });
    expect(countClients(t)).toBe(1);
  });

  it('answers an unknown route with 404 in the documented shape', async () => {
    const t = await start();
    const res = await rawRequest(t.url, 'GET', '/v1/events/evt_1', { 'x-api-key': t.apiKey });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('POST /v1/events') } });
  });
});

describe('phone numbers', () => {
  const call = sampleEvent('call_started').data as Record<string, unknown>;
  const transfer = sampleEvent('transfer_started').data as Record<string, unknown>;
  const sms = sampleEvent('message_sent').data as Record<string, unknown>;

  it('takes E.164 numbers and SIP URIs wherever the API takes a phone number', async () => {
    const t = await start();
    const events = [
      sampleEvent('call_started', { data: { ...call, from_number: '+442071838750', to_number: 'sip:intake@pbx.example.com' } }),
      sampleEvent('call_started', { data: { ...call, from_number: 'sips:+15551230001;user=phone@gw.example.com:5061', to_number: 'SIP:[2001:db8::1]' } }),
      sampleEvent('transfer_started', { data: { ...transfer, destination: 'sip:sales@10.0.0.5;transport=tcp' } }),
      sampleEvent('message_sent', { data: { ...sms, recipient: '+15551230001' } }),
    ];
    expect((await t.post({ events })).status).toBe(202);
    expect((await t.put('/v1/clients/kayse/cl-1', { first_name: 'Jo', phones: ['+15551230001', 'sip:jo@example.com'] })).status).toBe(201);
  });

  it('refuses anything else in every phone field, saying which form is expected', async () => {
    const t = await start();
    const res = await t.post({
      events: [
        sampleEvent('call_started', { data: { ...call, from_number: 'abc', to_number: '555-123-4567' } }),
        sampleEvent('transfer_started', { data: { ...transfer, destination: 'the front desk' } }),
        sampleEvent('message_sent', { data: { ...sms, recipient: '(555) 123 4567' } }),
      ],
    });
    expect(res.status).toBe(400);
    const expected = expect.stringMatching(/E\.164 \(\+15551230001\) or a SIP URI/);
    expect((await errorOf(res)).details!.issues).toEqual([
      { path: 'events[0].data.from_number', message: expected },
      { path: 'events[0].data.to_number', message: expected },
      { path: 'events[1].data.destination', message: expected },
      { path: 'events[2].data.recipient', message: expected },
    ]);
    const client = await t.put('/v1/clients/kayse/cl-1', { first_name: 'Jo', phones: ['+15551230001', '+0123', 'call me'] });
    expect(client.status).toBe(400);
    expect((await errorOf(client)).details!.issues).toEqual([
      { path: 'phones[1]', message: expected },
      { path: 'phones[2]', message: expected },
    ]);
    expect(t.countEvents()).toBe(0);
    expect(countClients(t)).toBe(0);
  });

  it('checks an sms recipient even when another field of the event is wrong too', async () => {
    const t = await start();
    const res = await t.post(sampleEvent('message_sent', { data: { ...sms, recipient: 'nobody', sent_at: 'yesterday' } }));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details!.issues!.map((i) => i.path).sort()).toEqual(['data.recipient', 'data.sent_at']);
  });
});
