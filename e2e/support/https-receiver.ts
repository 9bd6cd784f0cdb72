// An HTTPS webhook receiver for e2e tests, with a throwaway CA made by openssl at test time.
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createTestCa } from '../../main/webhooks/url-guard/test-ca';

export interface ReceivedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Answers one request: status, body and headers (default 200 "ok"). */
export type ReceiverBehaviour = (req: ReceivedRequest) => { status: number; body?: string; headers?: Record<string, string> };

export interface Receiver {
  /** https://localhost:<port>/hooks/kayse */
  url: string;
  /** The CA certificate (PEM) the console must trust. */
  ca: string;
  requests: ReceivedRequest[];
  behave(behaviour: ReceiverBehaviour): void;
  close(): Promise<void>;
}

export async function createReceiver(behaviour: ReceiverBehaviour = () => ({ status: 200, body: 'ok' })): Promise<Receiver> {
  const tls = createTestCa(['localhost', '127.0.0.1']);
  const requests: ReceivedRequest[] = [];
  let current = behaviour;
  const sockets = new Set<Socket>();
  const server = createServer({ cert: tls.cert, key: tls.key }, (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const received = { path: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(received);
      const answer = current(received);
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      res.end(answer.body ?? '');
    });
  });
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}/hooks/kayse`,
    ca: tls.ca,
    requests,
    behave: (b) => void (current = b),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
