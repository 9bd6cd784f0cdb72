// The Cal.com clients of the company connection: one guarded agent (main/net) per API root, rebuilt when the root
// changes, checked on every dial. Which addresses it may reach, and why:
// - Public addresses always (api.cal.com, api.cal.eu, a self-hosted instance on the internet).
// - Loopback only when the API root entered is itself on this computer (the simulator); otherwise a DNS answer
//   pointing at 127.0.0.1 would hand the key to whatever listens there.
// - Private ranges only for a self-hosted root (not Cal.com's cloud): firms host it on their own network.
import type { Clock } from '../kernel';
import { CALCOM_CLOUD_BASE_URL, CALCOM_EU_BASE_URL, createCalcomClient, isLoopbackHost, type CalcomClient } from '../connectors';
import { createGuardedAgent, type GuardedAgent, type Lookup } from '../net';

const LOOPBACK_RANGES = ['127.0.0.0/8', '::1/128'];
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fd00::/8'];

export interface CalcomNetOptions {
  /** Time allowed for each Cal.com request, start to end (default 10 s; the booking service keeps its own budget). */
  timeoutMs?: number;
  /** DNS + TCP + TLS (default 5 s). */
  connectTimeoutMs?: number;
  /** The resolver (tests give names their own answers); default the system's. */
  lookup?: Lookup;
}

/** The ranges beyond public addresses that `baseUrl` (already parsed) may reach. */
export function calcomAllowedRanges(baseUrl: string): string[] {
  const host = new URL(baseUrl).hostname;
  if (isLoopbackHost(host)) return LOOPBACK_RANGES;
  const cloud = [CALCOM_CLOUD_BASE_URL, CALCOM_EU_BASE_URL].some((root) => new URL(root).hostname === host);
  return cloud ? [] : PRIVATE_RANGES;
}

export interface CalcomNet {
  /** A client for `apiKey` at `baseUrl` (already parsed by parseCalcomBaseUrl). */
  client(apiKey: string, baseUrl: string): CalcomClient;
  close(): Promise<void>;
}

export function createCalcomNet(clock: Clock, options: CalcomNetOptions = {}): CalcomNet {
  const agents = new Map<string, GuardedAgent>();
  const agentFor = (baseUrl: string) => {
    let agent = agents.get(baseUrl);
    if (!agent) {
      agent = createGuardedAgent({ allowlist: calcomAllowedRanges(baseUrl), ...(options.lookup ? { lookup: options.lookup } : {}), connectTimeoutMs: options.connectTimeoutMs ?? 5_000, agent: { connections: 8, keepAliveTimeout: 30_000 } });
      agents.set(baseUrl, agent);
    }
    return agent;
  };
  return {
    client: (apiKey, baseUrl) => createCalcomClient({ apiKey, baseUrl, dispatcher: agentFor(baseUrl), timeoutMs: options.timeoutMs ?? 10_000, clock }),
    async close() {
      const all = [...agents.values()];
      agents.clear();
      await Promise.all(all.map((a) => a.close().catch(() => undefined)));
    },
  };
}
