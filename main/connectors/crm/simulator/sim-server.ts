// What every CRM simulator shares: a real HTTP server on loopback, the request log, and the faults. Faults that look
// the same at any CRM (slow answers, 5xx, 429 with Retry-After) are played here on whatever request comes. The
// others (an error envelope in a 200, a dropped write answer, a failing catalog, a malformed body) only make sense
// on some requests, so the CRM's handler plays them with `exchange.play(kind)` on the requests they concern: a
// fault given `times` counts only the requests it was played on (signing in first doesn't use up "drop the next
// write's answer"). `expire_tokens` is an event, not a state: the simulator's tokens expire when it is set.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CrmFault, SimRequest } from '../simulator-control';

/** Faults played by the shared server on any request. */
export type GenericFaultKind = 'slow' | 'server_error' | 'rate_limit';
/** Faults only a CRM's handler knows where to play. */
export type HandlerFaultKind = Exclude<CrmFault['kind'], GenericFaultKind | 'expire_tokens'>;

const GENERIC = new Set<CrmFault['kind']>(['slow', 'server_error', 'rate_limit'] satisfies GenericFaultKind[]);

export interface SimExchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** The request body, read whole (at most 8 MB). */
  body: string;
  url: URL;
  /** Names the operation in the request log ("GetStatus", "authenticate", …); call once it is known. */
  operation(name: string): void;
  /**
   * True when a fault of `kind` is set: the handler plays it on this request, which counts as one of its `times`
   * and is marked with it in the request log. Ask only where the fault applies, right before playing it.
   */
  play(kind: HandlerFaultKind): boolean;
}

export interface SimServerOptions {
  port?: number;
  now?: () => Date;
  /** Makes every token issued so far expire now (the `expire_tokens` fault). */
  expireTokens?: () => void;
}

export interface SimServer {
  url: string;
  requests(): SimRequest[];
  /** Plays `fault` from now on, or on the next `times` requests it applies to; null clears it. */
  setFault(fault: CrmFault | null, options?: { times?: number }): void;
  close(): Promise<void>;
}

const MAX_BODY = 8 * 1024 * 1024;

/** Starts the server on 127.0.0.1 (a free port unless given); `handle` answers each request. */
export async function startSimServer(handle: (exchange: SimExchange) => void | Promise<void>, options: SimServerOptions = {}): Promise<SimServer> {
  const now = options.now ?? (() => new Date());
  const log: SimRequest[] = [];
  let current: { fault: CrmFault; left: number | null } | null = null;

  /** The set fault of `kind`, if any, spending one of its plays on `entry`'s request. */
  const take = (kinds: ReadonlySet<CrmFault['kind']> | CrmFault['kind'], entry: SimRequest): CrmFault | null => {
    const fault = current?.fault;
    if (!fault || (typeof kinds === 'string' ? fault.kind !== kinds : !kinds.has(fault.kind))) return null;
    if (current!.left !== null && --current!.left <= 0) current = null;
    entry.fault = fault.kind;
    return fault;
  };

  const server = createServer((req, res) => {
    const entry: SimRequest = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, operation: '(unknown)', status: 0, at: now().toISOString() };
    log.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const generic = take(GENERIC, entry);
      const exchange: SimExchange = {
        req,
        res,
        body: Buffer.concat(chunks).toString('utf8'),
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        operation: (name) => (entry.operation = name),
        play: (kind) => take(kind, entry) !== null,
      };
      const answer = () => {
        if (generic?.kind === 'server_error') return void res.writeHead(generic.status ?? 503, { 'content-type': 'text/html' }).end('<html><body>Service Unavailable</body></html>');
        if (generic?.kind === 'rate_limit') {
          return void res.writeHead(429, { 'retry-after': String(generic.retryAfterSeconds), 'content-type': 'application/json' }).end('{"message":"Too many requests"}');
        }
        Promise.resolve(handle(exchange)).catch((error: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(`simulator bug: ${String(error)}`);
        });
      };
      if (generic?.kind === 'slow') setTimeout(answer, generic.ms).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => [...log],
    setFault(next, opts) {
      current = null;
      if (next?.kind === 'expire_tokens') {
        if (!options.expireTokens) throw new Error('this simulator has no tokens to expire');
        return options.expireTokens();
      }
      if (next !== null) current = { fault: next, left: opts?.times ?? null };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Drops the connection without answering: the write was applied, its answer never arrives. */
export function dropAnswer(res: ServerResponse): void {
  res.socket?.destroy();
}
