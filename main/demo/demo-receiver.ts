// Demo mode's webhook receiver: a plain-http server on 127.0.0.1 (a free port) that answers 200 to every POST and
// keeps the last few hundred requests in memory, so the demo webhook has real deliveries for the inspector to show
// on a machine without internet or a TLS receiver of its own. Production code (not the test kit's receiver).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Requests kept (oldest dropped first). */
export const DEMO_RECEIVER_KEEP = 300;
/** A request body larger than this is cut (the demo only needs to see that deliveries arrive). */
const BODY_CAP = 256 * 1024;

export interface DemoReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  at: string;
}

export interface DemoReceiver {
  /** http://127.0.0.1:<port>/demo-webhook */
  url: string;
  /** The kept requests, oldest first. */
  requests(): readonly DemoReceivedRequest[];
  /** Requests received since it started (kept or not). */
  received(): number;
  close(): Promise<void>;
}

export async function startDemoReceiver(): Promise<DemoReceiver> {
  const kept: DemoReceivedRequest[] = [];
  let received = 0;
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size < BODY_CAP) chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      received += 1;
      kept.push({ method: req.method ?? '', path: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8').slice(0, BODY_CAP), at: new Date().toISOString() });
      if (kept.length > DEMO_RECEIVER_KEEP) kept.splice(0, kept.length - DEMO_RECEIVER_KEEP);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, receiver: 'Kayse demo receiver', received }));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/demo-webhook`,
    requests: () => kept,
    received: () => received,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
