// An undici Agent that re-checks the URL rules on every connection, on the address actually dialled,
// so a name that resolved to a public address at save time cannot be rebound to an internal one later.
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import { toAllowlist, type Allowlist } from './allowlist';
import { BlockedAddressError } from './blocked-address-error';
import { classifyAddress } from './classify-address';
import { bareHost, systemLookup, type Lookup, type ResolvedAddress } from './lookup';

/** One connection made by the agent: the host asked for and the address the socket really reached. */
export interface Dial {
  host: string;
  port: number;
  address: string;
  family: 4 | 6;
}

export interface GuardedAgentOptions {
  /** Internal-receiver ranges; raw entries are validated (INVALID_INPUT naming each bad one). */
  allowlist?: Allowlist | readonly string[];
  lookup?: Lookup;
  /** Extra trusted CA certificates (PEM), trusted in addition to the bundled public roots. */
  ca?: string | readonly string[];
  /** Time allowed for DNS + TCP + TLS before the attempt fails with undici's ConnectTimeoutError. */
  connectTimeoutMs: number;
  /** Called for every connection that passed the guard. */
  onDial?: (dial: Dial) => void;
  /** Pool settings (connections per origin, keep-alive, header/body timeouts). */
  agent?: Omit<Agent.Options, 'connect' | 'factory'>;
}

export type GuardedAgent = Agent & {
  /** The address the most recent connection to this URL's origin reached (for the delivery log's "resolved IP"). */
  dialledAddress(url: string | URL): Dial | undefined;
};

const originKey = (host: string, port: number) => `${host.toLowerCase()}:${port}`;
const defaultPort = (protocol: string) => (protocol === 'https:' ? 443 : 80);

/** Checks every answer before the socket dials any of them; one refused address refuses the host, as at save time. */
function guardedLookup(lookup: Lookup, allowlist: Allowlist): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname).then(
      (answers) => {
        const wanted = options.family === 4 || options.family === 6 ? answers.filter((a) => a.family === options.family) : answers;
        for (const { address } of wanted) {
          const verdict = classifyAddress(address, allowlist);
          if (!verdict.allowed) return callback(new BlockedAddressError(hostname, address, verdict.rule, verdict.description), '');
        }
        const first: ResolvedAddress | undefined = wanted[0];
        if (!first) {
          const err: NodeJS.ErrnoException & { hostname?: string } = new Error(`${hostname} has no usable addresses`);
          err.code = 'ENOTFOUND';
          err.hostname = hostname;
          return callback(err, '');
        }
        if (options.all) return callback(null, wanted.map((a) => ({ address: a.address, family: a.family })));
        return callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}

/** Builds the webhook HTTP agent: every connection is refused unless the dialled address passes the URL rules. */
export function createGuardedAgent(options: GuardedAgentOptions): GuardedAgent {
  const allowlist = toAllowlist(options.allowlist);
  const extraCa = options.ca === undefined ? [] : typeof options.ca === 'string' ? [options.ca] : [...options.ca];
  const base = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: guardedLookup(options.lookup ?? systemLookup, allowlist),
    // Node's `ca` replaces the default trust store, so the public roots are listed again beside the extra ones.
    // Built once: a context with ~150 CAs costs tens of milliseconds, far too much to pay per connection.
    ...(extraCa.length > 0 ? { secureContext: createSecureContext({ ca: [...rootCertificates, ...extraCa] }) } : {}),
  });
  const dials = new Map<string, Dial>();

  const connect: buildConnector.connector = (target, callback) => {
    const host = bareHost(target.hostname);
    const port = Number(target.port) || defaultPort(target.protocol);
    // An IP literal never goes through the lookup: classify it before dialling.
    if (isIP(host) !== 0) {
      const verdict = classifyAddress(host, allowlist);
      if (!verdict.allowed) return callback(new BlockedAddressError(host, host, verdict.rule, verdict.description), null);
    }
    base(target, (err, socket) => {
      if (err !== null) return callback(err, null);
      // Belt and braces: the peer the socket actually reached must pass too.
      const address = (socket as Socket).remoteAddress ?? '';
      const verdict = classifyAddress(address, allowlist);
      if (!verdict.allowed) {
        socket.destroy();
        return callback(new BlockedAddressError(host, address, verdict.rule, verdict.description), null);
      }
      const dial: Dial = { host, port, address, family: isIP(address) === 6 ? 6 : 4 };
      dials.set(originKey(host, port), dial);
      options.onDial?.(dial);
      callback(null, socket);
    });
  };

  const agent = new Agent({ ...options.agent, connect });
  return Object.assign(agent, {
    dialledAddress(url: string | URL): Dial | undefined {
      const parsed = typeof url === 'string' ? new URL(url) : url;
      return dials.get(originKey(bareHost(parsed.hostname), Number(parsed.port) || defaultPort(parsed.protocol)));
    },
  });
}
