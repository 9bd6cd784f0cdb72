// What every CRM simulator shares: a real HTTP server on loopback, the request log, and the faults that look the
// same at any CRM (slow answers, 5xx, 429 with Retry-After). The CRM's own handler answers everything else and
// asks `fault()` for the faults only it can play (an error envelope in a 200, a dropped write answer, a failing
// catalog, a malformed body, expired tokens).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CrmFault, SimRequest } from '../simulator-control';

export interface SimExchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** The request body, read whole (at most 8 MB). */
  body: string;
  url: URL;
  /** Names the operation in the request log ("GetStatus", "authenticate", …); call once it is known. */
  operation(name: string): void;
}

export interface SimServer {
  url: string;
  requests(): SimRequest[];
  /** The fault being played now, if any (a fault limited to some requests counts down as requests arrive). */
  fault(): CrmFault | null;
  setFault(fault: CrmFault | null, options?: { times?: number }): void;
  close(): Promise<void>;
}

const MAX_BODY = 8 * 1024 * 1024;

/** Starts the server on 127.0.0.1 (a free port unless given); `handle` answers each request. */
export async function startSimServer(handle: (exchange: SimExchange) => void | Promise<void>, options: { port?: number; now?: () => Date } = {}): Promise<SimServer> {
  const now = options.now ?? (() => new Date());
  const log: SimRequest[] = [];
  let current: { fault: CrmFault; left: number | null } | null = null;

  const fault = (): CrmFault | null => current?.fault ?? null;
  /** One request used the fault up: a fault limited to `times` requests ends after that many. */
  const spend = () => {
    if (current?.left == null) return;
    current.left -= 1;
    if (current.left <= 0) current = null;
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
      const playing = fault();
      if (playing) spend();
      const exchange: SimExchange = {
        req,
        res,
        body: Buffer.concat(chunks).toString('utf8'),
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        operation: (name) => (entry.operation = name),
      };
      const answer = () => {
        if (playing?.kind === 'server_error') return void res.writeHead(playing.status ?? 503, { 'content-type': 'text/html' }).end('<html><body>Service Unavailable</body></html>');
        if (playing?.kind === 'rate_limit') {
          return void res.writeHead(429, { 'retry-after': String(playing.retryAfterSeconds), 'content-type': 'application/json' }).end('{"message":"Too many requests"}');
        }
        Promise.resolve(handle(exchange)).catch((error: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(`simulator bug: ${String(error)}`);
        });
      };
      if (playing?.kind === 'slow') setTimeout(answer, playing.ms).unref();
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
    fault,
    setFault(next, opts) {
      current = next === null ? null : { fault: next, left: opts?.times ?? null };
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
