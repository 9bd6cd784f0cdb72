import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import type { DeliveryErrorClass } from '../../../shared/domain/webhooks';
import { splitAttemptMessage } from '../../../shared/domain/attempt-message';
import { classifyAttempt, type AttemptOutcome } from './attempt-outcome';

const withCode = (message: string, code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { code, ...extra });
/** A stand-in for the url guard's error (defined by another module): matched by name or code only. */
class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
}

const ERROR_TABLE: [string, unknown, DeliveryErrorClass][] = [
  ['undici connect timeout', new errors.ConnectTimeoutError(), 'timeout'],
  ['undici headers timeout', new errors.HeadersTimeoutError(), 'timeout'],
  ['undici body timeout', new errors.BodyTimeoutError(), 'timeout'],
  ['our own 15 s abort signal', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'timeout'],
  ['undici socket closed', new errors.SocketError('other side closed'), 'connect'],
  ['connection refused', withCode('connect ECONNREFUSED 203.0.113.5:443', 'ECONNREFUSED'), 'connect'],
  ['connection reset', withCode('read ECONNRESET', 'ECONNRESET'), 'connect'],
  ['unknown host', withCode('getaddrinfo ENOTFOUND hooks.example.invalid', 'ENOTFOUND'), 'dns'],
  ['DNS temporarily failing', withCode('getaddrinfo EAI_AGAIN hooks.example.com', 'EAI_AGAIN'), 'dns'],
  ['expired certificate', withCode('certificate has expired', 'CERT_HAS_EXPIRED'), 'tls'],
  ['wrong host name on certificate', withCode("Hostname/IP does not match certificate's altnames", 'ERR_TLS_CERT_ALTNAME_INVALID'), 'tls'],
  ['self-signed certificate', withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls'],
  ['blocked address, by name', new BlockedAddressError('10.0.0.5 is a private address'), 'blocked_address'],
  ['blocked address, by code', withCode('127.0.0.1 is a loopback address', 'KAYSE_BLOCKED_ADDRESS'), 'blocked_address'],
  ['fetch failed wrapping a DNS error', new TypeError('fetch failed', { cause: withCode('getaddrinfo ENOTFOUND x.invalid', 'ENOTFOUND') }), 'dns'],
  ['happy eyeballs trying two addresses', new AggregateError([withCode('connect ECONNREFUSED ::1:443', 'ECONNREFUSED')], ''), 'connect'],
  ['something nobody knows', new Error('the sky fell'), 'connect'],
  ['not even an error', 'boom', 'connect'],
];

describe('attempt outcome from errors', () => {
  it.each(ERROR_TABLE)('classifies %s', (_what, error, errorClass) => {
    const outcome = classifyAttempt({ error, durationMs: 12 });
    expect(outcome).toMatchObject({ ok: false, errorClass, status: null, retryAfter: null, durationMs: 12 });
  });

  it('prefers a blocked address anywhere in the chain and reports its message', () => {
    const error = new TypeError('fetch failed', { cause: new errors.SocketError('closed', undefined) });
    (error.cause as Error).cause = new BlockedAddressError('10.0.0.5 is a private address (10/8)');
    expect(classifyAttempt({ error, durationMs: 1 })).toMatchObject({ errorClass: 'blocked_address', message: '10.0.0.5 is a private address (10/8)' });
  });

  it('keeps the raw error, code included, as the technical detail after the plain words', () => {
    const outcome = classifyAttempt({ error: withCode('certificate has expired', 'CERT_HAS_EXPIRED'), durationMs: 1 });
    expect(splitAttemptMessage(outcome.ok ? '' : outcome.message)).toEqual({
      plain: 'The receiver’s TLS certificate has expired: it must be renewed on the receiver.',
      detail: 'certificate has expired (CERT_HAS_EXPIRED)',
    });
  });

  it('survives an error whose cause points back at itself', () => {
    const error: Error & { cause?: unknown } = new Error('loop');
    error.cause = error;
    const outcome = classifyAttempt({ error, durationMs: 1 });
    expect(outcome).toMatchObject({ errorClass: 'connect' });
    expect(splitAttemptMessage(outcome.ok ? '' : outcome.message).detail).toBe('loop');
  });
});

const RESPONSE_TABLE: [number, Record<string, string | string[]>, number, Partial<AttemptOutcome>][] = [
  [200, {}, 40, { ok: true, status: 200 }],
  [204, {}, 14_999, { ok: true, status: 204 }],
  [200, {}, 15_001, { ok: false, errorClass: 'timeout', status: 200 }],
  [302, { location: 'https://elsewhere.example.com/' }, 5, { ok: false, errorClass: 'redirect', status: 302, message: 'HTTP 302 Found to https://elsewhere.example.com/: redirects are never followed; update the webhook URL' }],
  [301, {}, 5, { ok: false, errorClass: 'redirect', status: 301 }],
  [404, {}, 5, { ok: false, errorClass: 'http_status', status: 404, message: 'HTTP 404 Not Found' }],
  [410, {}, 5, { ok: false, errorClass: 'http_status', status: 410, message: 'HTTP 410 Gone' }],
  [429, { 'retry-after': '120' }, 5, { ok: false, errorClass: 'http_status', status: 429, retryAfter: '120' }],
  [503, { 'Retry-After': ['30', '60'] }, 5, { ok: false, errorClass: 'http_status', status: 503, retryAfter: '30' }],
  [599, {}, 5, { ok: false, errorClass: 'http_status', status: 599, message: 'HTTP 599' }],
];

describe('attempt outcome from responses', () => {
  it.each(RESPONSE_TABLE)('classifies HTTP %i (%o, %i ms)', (statusCode, headers, durationMs, expected) => {
    expect(classifyAttempt({ response: { statusCode, headers }, durationMs })).toMatchObject({ durationMs, ...expected });
  });
});

describe('attempt outcome from real undici calls on loopback', () => {
  let server: Server | undefined;
  const cleanup = useCleanup();

  const listen = async (handler: RequestListener) => {
    const s = (server = createServer(handler));
    cleanup.add(async () => {
      s.closeAllConnections();
      if (s.listening) await new Promise((resolve) => s.close(resolve));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return (server.address() as AddressInfo).port;
  };

  /** Makes one POST the way the sender will, and classifies what comes back. */
  const attempt = async (url: string, options: { headersTimeout?: number } = {}) => {
    try {
      const response = await request(url, { method: 'POST', body: '{}', ...options });
      await response.body.dump();
      return classifyAttempt({ response, durationMs: 1 });
    } catch (error) {
      return classifyAttempt({ error, durationMs: 1 });
    }
  };

  it('reads a refused connection as connect, in plain words naming where it tried', async () => {
    const port = await listen(() => undefined);
    await new Promise((resolve) => server!.close(resolve));
    const outcome = await attempt(`http://127.0.0.1:${port}/`);
    expect(outcome).toMatchObject({ ok: false, errorClass: 'connect' });
    const { plain, detail } = splitAttemptMessage(outcome.ok ? '' : outcome.message);
    expect(plain).toBe(`The receiver refused the connection: nothing is listening at 127.0.0.1:${port}, or a firewall turned the request away. Check that the receiver is running and that the URL's port is right.`);
    expect(detail).toContain('ECONNREFUSED');
  });

  it('reads a receiver that never answers as timeout', async () => {
    const port = await listen(() => undefined);
    expect(await attempt(`http://127.0.0.1:${port}/`, { headersTimeout: 50 })).toMatchObject({ ok: false, errorClass: 'timeout' });
  });

  it('reads a redirect as redirect without following it', async () => {
    let hits = 0;
    const port = await listen((_req, res) => {
      hits++;
      res.writeHead(307, { location: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/other` }).end();
    });
    expect(await attempt(`http://127.0.0.1:${port}/`)).toMatchObject({ ok: false, errorClass: 'redirect', status: 307 });
    expect(hits).toBe(1);
  });

  it('reads a TLS handshake with a server that does not speak TLS as tls', async () => {
    const port = await listen((_req, res) => res.end('plain'));
    expect(await attempt(`https://127.0.0.1:${port}/`)).toMatchObject({ ok: false, errorClass: 'tls' });
  });
});
