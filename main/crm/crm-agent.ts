// Builds a ready connector for one CRM connection: its own guarded agent (net/) with the connection's extra CAs,
// connect and request timeouts, no redirects (undici's request never follows one; crmHttp reports a 3xx), and the
// address policy below, checked on every dial (a name that resolved to an allowed address when connecting cannot
// be rebound to another later).
//
// Which addresses a connection may reach, and why:
// - Public addresses always: LawRuler is a cloud service at {clientRoot}.lawruler.com; SmartAdvocate's cloud too.
// - Loopback (127.0.0.0/8, ::1) only when the address entered (API base URL or Endpoint URL) is itself on this
//   machine, i.e. a simulator. Otherwise a DNS answer pointing at 127.0.0.1 would let the credentials reach
//   whatever local service listens there.
// - SmartAdvocate only: the private ranges (10/8, 172.16/12, 192.168/16, IPv6 unique local fd00::/8). Firms often
//   host SmartAdvocate on their own network, reached by a name that resolves to a private address; refusing those
//   would make the self-hosted case impossible. The address is the firm's own entry, and the credentials sent
//   there are the firm's own. LawRuler has no self-hosted form, so a private answer for it is refused.
// - Never link-local (169.254/16, where cloud metadata services live), CGNAT, multicast or reserved ranges.
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { Clock } from '../kernel';
import { createLawRulerConnector, createSmartAdvocateConnector, isLoopbackHost, type CrmConnector } from '../connectors';
import { createGuardedAgent, type GuardedAgent } from '../net';
import type { CrmSettings, SecretValues } from './crm-fields';

export const LOOPBACK_RANGES = ['127.0.0.0/8', '::1/128'] as const;
export const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fd00::/8'] as const;

export interface CrmNetOptions {
  /** Time allowed for each request, start to end (default 30 s). */
  timeoutMs?: number;
  /** Time allowed for DNS + TCP + TLS (default 10 s). */
  connectTimeoutMs?: number;
}

export interface BuiltConnector {
  connector: CrmConnector;
  /** Ends the connector's connections (waiting for requests in flight). */
  close(): Promise<void>;
}

/** Where the connection's requests go: the API base URL when set, else the CRM's own address. */
export function targetAddress(crm: CrmConnectorId, settings: CrmSettings): string {
  if (settings.apiBaseUrl) return settings.apiBaseUrl;
  return crm === 'lawruler' ? `https://${settings.clientRoot ?? ''}.lawruler.com` : (settings.endpointUrl ?? '');
}

/** The ranges beyond public addresses that `crm`'s connection may reach (see the top of this file). */
export function allowedRanges(crm: CrmConnectorId, settings: CrmSettings): string[] {
  const ranges: string[] = crm === 'smartadvocate' ? [...PRIVATE_RANGES] : [];
  let host = '';
  try {
    host = new URL(targetAddress(crm, settings)).hostname;
  } catch {
    // An address that doesn't parse reaches nothing; the connector refuses it with a message.
  }
  if (host !== '' && isLoopbackHost(host)) ranges.push(...LOOPBACK_RANGES);
  return ranges;
}

/** A connector for the connection, on a fresh agent; INVALID_INPUT (from the connector) for unusable settings. */
export function buildConnector(crm: CrmConnectorId, settings: CrmSettings, secrets: SecretValues, clock: Clock, options: CrmNetOptions = {}): BuiltConnector {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const agent: GuardedAgent = createGuardedAgent({
    allowlist: allowedRanges(crm, settings),
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    ...(settings.extraCaPem ? { ca: settings.extraCaPem } : {}),
    agent: { connections: 4, keepAliveTimeout: 30_000 },
  });
  const baseUrl = settings.apiBaseUrl ? { baseUrl: settings.apiBaseUrl } : {};
  try {
    const connector =
      crm === 'lawruler'
        ? createLawRulerConnector({
            credentials: {
              username: settings.username,
              clientRoot: settings.clientRoot ?? '',
              password: secrets.password ?? '',
              clientSecret: secrets.clientSecret ?? '',
              key: secrets.key ?? '',
            },
            ...baseUrl,
            dispatcher: agent,
            timeoutMs,
            clock,
          })
        : createSmartAdvocateConnector({
            credentials: { endpoint: settings.endpointUrl ?? '', username: settings.username, password: secrets.password ?? '' },
            ...baseUrl,
            dispatcher: agent,
            timeoutMs,
            clock,
          });
    return {
      connector,
      async close() {
        await connector.close().catch(() => undefined);
        await agent.close().catch(() => undefined);
      },
    };
  } catch (error) {
    void agent.close().catch(() => undefined);
    throw error;
  }
}
