// The words a support person reads for each kind of failed attempt: what happened first, the raw error after.
import { describe, expect, it } from 'vitest';
import { splitAttemptMessage } from '../../../shared/domain/attempt-message';
import { classifyAttempt } from './attempt-outcome';

const failure = (message: string, code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { code, ...extra });

/** The plain words and the technical detail of one failed attempt, and its stored error class. */
function read(error: unknown) {
  const outcome = classifyAttempt({ error, durationMs: 3 });
  if (outcome.ok) throw new Error('expected a failure');
  return { errorClass: outcome.errorClass, ...splitAttemptMessage(outcome.message) };
}

describe('plain words for failed attempts', () => {
  it('refused: says nothing is listening there, with the address, and keeps the Node error as detail', () => {
    const r = read(failure('connect ECONNREFUSED 127.0.0.1:8444', 'ECONNREFUSED', { address: '127.0.0.1', port: 8444 }));
    expect(r.errorClass).toBe('connect');
    expect(r.plain).toMatch(/^The receiver refused the connection: nothing is listening at 127\.0\.0\.1:8444/);
    expect(r.plain).not.toContain('ECONNREFUSED');
    expect(r.detail).toBe('connect ECONNREFUSED 127.0.0.1:8444');
  });

  it('DNS not found: points at the spelling, and names an unreachable DNS as the other cause', () => {
    const r = read(failure('getaddrinfo ENOTFOUND hooks.example.invalid', 'ENOTFOUND', { hostname: 'hooks.example.invalid' }));
    expect(r.errorClass).toBe('dns');
    expect(r.plain).toMatch(/^No address was found for hooks\.example\.invalid\. Check the host name's spelling/);
    expect(r.plain).toContain("this computer's DNS may be unreachable");
    expect(r.detail).toBe('getaddrinfo ENOTFOUND hooks.example.invalid');
  });

  it('DNS unreachable: does not blame the name', () => {
    const r = read(failure('getaddrinfo EAI_AGAIN hooks.example.com', 'EAI_AGAIN'));
    expect(r.errorClass).toBe('dns');
    expect(r.plain).toBe("The DNS server did not answer, so hooks.example.com could not be looked up. The host name may well be right: check this computer's network connection and DNS settings, then try again.");
    expect(r.plain).not.toContain('spelling');
  });

  it('timeout: a connection never accepted differs from an answer that never came', () => {
    const connect = read(failure('Connect Timeout Error', 'UND_ERR_CONNECT_TIMEOUT'));
    expect(connect).toMatchObject({ errorClass: 'timeout', plain: expect.stringMatching(/^The receiver did not accept the connection in time/) });
    const answer = read(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    expect(answer).toMatchObject({ errorClass: 'timeout', plain: expect.stringMatching(/^The receiver did not answer within 15 s\./) });
    expect(answer.detail).toBe('The operation was aborted due to timeout');
  });

  it('TLS: an untrusted certificate says where to add the firm’s CA; a wrong host and an expiry say so', () => {
    const untrusted = read(failure('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'));
    expect(untrusted).toMatchObject({ errorClass: 'tls', detail: 'self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)' });
    expect(untrusted.plain).toContain('Extra trusted CA certificates');
    expect(read(failure("Hostname/IP does not match certificate's altnames", 'ERR_TLS_CERT_ALTNAME_INVALID')).plain).toMatch(/certificate is for a different host name/);
    expect(read(failure('certificate has expired', 'CERT_HAS_EXPIRED')).plain).toMatch(/certificate has expired/);
    expect(read(failure('wrong version number', 'EPROTO')).plain).toMatch(/^The secure \(TLS\) connection to the receiver failed/);
  });

  it('a blocked address keeps its own message, which is already written for people', () => {
    const blocked = Object.assign(new Error('hooks.firm.test resolves to 10.0.0.5, a private address'), { name: 'BlockedAddressError' });
    expect(read(blocked)).toEqual({ errorClass: 'blocked_address', plain: 'hooks.firm.test resolves to 10.0.0.5, a private address', detail: null });
  });
});
