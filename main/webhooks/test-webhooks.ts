// Test kit: an HTTPS receiver on loopback (certificate from a CA made at test time) that records every request
// and answers as the test says, and a core whose webhook engine trusts that CA and may reach loopback.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { contract } from '../../shared/contract';
import type { WebhookInput } from '../../shared/domain/webhooks';
import type { Result } from '../../shared/result';
import { buildApi } from '../../shared/rpc';
import { startIngest, type IngestTestOptions } from '../events/test-ingest';
import { sampleEvent } from '../events/sample-events';
import { createTestCa, type TestCa } from './url-guard/test-ca';

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
  url: string;
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

/** The value of a successful call; a failed one throws its code and message. */
export async function must<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A core with its ingest API up, whose webhooks may reach loopback and trust the test CA. */
export async function startWebhookCore(options: IngestTestOptions & { allowLoopback?: boolean } = {}) {
  const { allowLoopback = true, ...rest } = options;
  const ingest = await startIngest(rest);
  const { core } = ingest;
  const api = buildApi(contract, core.dispatch);
  core.webhooks.updateSettings({ allowlist: allowLoopback ? ['127.0.0.1/32', '::1/128'] : [], extraCa: [testCa().ca] });
  const createWebhook = async (input: Partial<WebhookInput> & { url: string }) => must(api.webhooks.create({ name: 'Test receiver', ...input }));
  /** Posts one sample event of `type` through the real ingest API; returns the stored event id. */
  const postEvent = async (type: Parameters<typeof sampleEvent>[0] = 'call_ended', overrides: Record<string, unknown> = {}) => {
    const res = await ingest.post(sampleEvent(type, overrides));
    if (res.status !== 202) throw new Error(`event refused: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { id: string };
    return body.id;
  };
  const deliveryRows = () =>
    core.database.sqlite.prepare('SELECT * FROM webhook_deliveries ORDER BY id').all() as { id: string; state: string; attempts: number; event_id: string; webhook_id: string; next_attempt_at: number | null; last_error: string | null }[];
  const attemptRows = () =>
    core.database.sqlite.prepare('SELECT * FROM webhook_attempts ORDER BY id').all() as {
      id: number;
      delivery_id: string;
      number: number;
      trigger: string;
      started_at: string;
      finished_at: string | null;
      error_class: string | null;
      error_message: string | null;
      response_status: number | null;
      response_body: string | null;
      response_truncated: number;
      request_headers: string;
      resolved_ip: string | null;
      next_attempt_at: number | null;
    }[];
  return { ...ingest, api, createWebhook, postEvent, deliveryRows, attemptRows };
}
