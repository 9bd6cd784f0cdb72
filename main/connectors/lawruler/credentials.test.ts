// What a firm enters: the Client Root (one subdomain label, a pasted portal address reduced to it) and the API base
// URL override (HTTPS, or http on loopback only); the connector refuses bad ones before any request.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { systemClock } from '../../kernel';
import { createGuardedAgent } from '../../net';
import { useCleanup } from '../../test-support/use-cleanup';
import { parseClientRoot, parseLawRulerBaseUrl } from './credentials';
import { createLawRulerConnector } from './lawruler-connector';
import { LAWRULER_SIM_CREDENTIALS } from './simulator/lawruler-simulator';

const cleanup = useCleanup();

describe('LawRuler Client Root', () => {
  it.each([
    ['smithlaw', 'smithlaw'],
    ['  SmithLaw ', 'smithlaw'],
    ['smith-law-2', 'smith-law-2'],
    ['https://smithlaw.lawruler.com/', 'smithlaw'],
    ['smithlaw.lawruler.com', 'smithlaw'],
    ['https://SmithLaw.LawRuler.com/Leads.aspx?x=1', 'smithlaw'],
  ])('%j is %j', (input, value) => expect(parseClientRoot(input)).toEqual({ ok: true, value }));

  it.each(['', 'smith law', 'smith.law', '-smith', 'smith-', 'a'.repeat(64), 'evil.com/x', 'smithlaw.lawruler.com.evil.com', 'user@smithlaw'])('%j is refused', (input) => {
    const checked = parseClientRoot(input);
    expect(checked.ok).toBe(false);
  });
});

describe('LawRuler API base URL', () => {
  it('takes HTTPS anywhere and http on loopback only, without a trailing slash', () => {
    expect(parseLawRulerBaseUrl('https://proxy.firm.example/lawruler/')).toEqual({ ok: true, value: 'https://proxy.firm.example/lawruler' });
    expect(parseLawRulerBaseUrl('http://127.0.0.1:8123')).toEqual({ ok: true, value: 'http://127.0.0.1:8123' });
    expect(parseLawRulerBaseUrl('http://[::1]:8123/')).toEqual({ ok: true, value: 'http://[::1]:8123' });
    expect(parseLawRulerBaseUrl('http://localhost:8123')).toEqual({ ok: true, value: 'http://localhost:8123' });
  });

  it.each(['http://smithlaw.lawruler.com', 'http://10.0.0.5', 'ftp://127.0.0.1', 'https://user:pw@host.example', 'https://host.example/?Key=1', 'not a url'])('%j is refused', (input) => {
    expect(parseLawRulerBaseUrl(input).ok).toBe(false);
  });
});

describe('createLawRulerConnector', () => {
  const agent = () => cleanup.use(createGuardedAgent({ connectTimeoutMs: 1_000 }));
  const make = (credentials: Partial<typeof LAWRULER_SIM_CREDENTIALS>, baseUrl?: string) => () =>
    createLawRulerConnector({ credentials: { ...LAWRULER_SIM_CREDENTIALS, ...credentials }, baseUrl, dispatcher: agent(), timeoutMs: 1_000, clock: systemClock });

  it('refuses a bad Client Root, an insecure base URL and a missing secret as INVALID_INPUT naming each', () => {
    let error: unknown;
    try {
      make({ clientRoot: 'bad root', key: ' ' }, 'http://portal.example')();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    const paths = ((error as AppError).details as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(['credentials.key', 'credentials.clientRoot', 'baseUrl']);
  });

  it('takes a pasted portal address as the Client Root', () => {
    expect(make({ clientRoot: 'https://smithlaw.lawruler.com' })().id).toBe('lawruler');
  });
});
