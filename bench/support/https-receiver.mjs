// A webhook receiver for the benchmarks, in its own process so that it never competes with the engine for the
// event loop: HTTPS on 127.0.0.1, answers 200 at once (or after `slowMs` on /slow), records each request's event
// id and arrival time, and can go down and come back on the same port. Driven over IPC by the parent.
import { createServer } from 'node:https';

const { cert, key } = JSON.parse(process.env.RECEIVER_TLS);
const slowMs = Number(process.env.RECEIVER_SLOW_MS ?? 14_000);
let server;
let port = 0;
const sockets = new Set();
let count = 0;
const byPath = new Map();
const seen = new Set();
let duplicates = 0;
/** Arrival time (epoch ms, sub-ms precision) per event id, only while `track` is on (latency runs). */
let track = false;
const arrivals = new Map();
const now = () => performance.timeOrigin + performance.now();

function handle(req, res) {
  const at = now();
  req.resume();
  req.on('end', () => {
    count += 1;
    const path = req.url ?? '';
    byPath.set(path, (byPath.get(path) ?? 0) + 1);
    const id = req.headers['x-kayse-event-id'];
    const key = `${path} ${id}`;
    if (seen.has(key)) duplicates += 1;
    else seen.add(key);
    if (track && typeof id === 'string' && !arrivals.has(id)) arrivals.set(id, at);
    const reply = () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    };
    if (path.startsWith('/slow')) setTimeout(reply, slowMs);
    else reply();
  });
}

function listen() {
  return new Promise((resolve) => {
    server = createServer({ cert, key, keepAliveTimeout: 60_000 }, handle);
    server.on('secureConnection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    server.listen(port, '127.0.0.1', () => {
      port = server.address().port;
      resolve(port);
    });
  });
}

function down() {
  return new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
}

process.on('message', async (msg) => {
  const reply = (value) => process.send({ id: msg.id, value });
  switch (msg.cmd) {
    case 'up':
      return reply(await listen());
    case 'down':
      await down();
      return reply(true);
    case 'stats':
      return reply({ count, unique: seen.size, duplicates, byPath: Object.fromEntries(byPath) });
    case 'reset':
      count = 0;
      duplicates = 0;
      byPath.clear();
      seen.clear();
      arrivals.clear();
      return reply(true);
    case 'track':
      track = msg.on;
      return reply(true);
    case 'arrivals':
      return reply(Object.fromEntries(arrivals));
    case 'uniqueIds':
      return reply([...seen].map((k) => k.slice(k.indexOf(' ') + 1)));
    default:
      return reply(null);
  }
});
process.send({ ready: true });
