// Test kit: an HTTPS receiver on loopback (certificate from a CA made at test time) that records every request
// and answers as the test says. Used by the unit tests (through test-webhooks.ts) and the e2e specs.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createTestCa, type TestCa } from '../test-support/test-ca';

export interface ReceivedRequest {
  n: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

/** What the receiver does with the n-th request (1-based); it may answer, hang, or destroy the socket. */
export type ReceiverBehaviour = (req: ReceivedRequest, res: ServerResponse, socket: Socket) => void;

export const answer =
  (status: number, body = '', headers: Record<string, string> = {}): ReceiverBehaviour =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
  };

export interface Receiver {
  /** https://localhost:<port>/hooks/kayse */
  url: string;
  /** The CA certificate (PEM) a client must trust to reach it. */
  ca: string;
  port: number;
  requests: ReceivedRequest[];
  /** Changes how later requests are answered. */
  behave(behaviour: ReceiverBehaviour): void;
  /** Resolves once `count` requests have arrived (bounded by `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

let sharedCa: TestCa | undefined;
/** One CA per test file (openssl takes a moment). */
export const testCa = (): TestCa => (sharedCa ??= createTestCa());

export async function startReceiver(behaviour: ReceiverBehaviour = answer(200, 'ok'), options: { port?: number } = {}): Promise<Receiver> {
  const ca = testCa();
  const requests: ReceivedRequest[] = [];
  let current = behaviour;
  let waiters: { count: number; resolve: () => void }[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer({ cert: ca.cert, key: ca.key }, (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const received = { n: requests.length + 1, method: req.method ?? '', path: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      requests.push(received);
      waiters = waiters.filter((w) => (requests.length >= w.count ? (w.resolve(), false) : true));
      current(received, res, req.socket);
    });
  });
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://localhost:${port}/hooks/kayse`,
    ca: ca.ca,
    port,
    requests,
    behave: (b) => void (current = b),
    waitFor(count, timeoutMs = 10_000) {
      if (requests.length >= count) return Promise.resolve(requests);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`receiver got ${requests.length} of ${count} requests in ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve(requests)) });
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
