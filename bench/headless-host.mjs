// Cold start of the headless host (launch → first page served) and the round trip of a small RPC over HTTP,
// each beside a baseline measured in the same run: a bare node:http server doing the least possible work.
import { spawn } from 'node:child_process';
import { HEADLESS_NODE_FLAGS } from '../scripts/node-flags.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HEADLESS = fileURLToPath(new URL('../out/main/headless.js', import.meta.url));
const BASELINE_SERVER = `
  const http = require('node:http');
  const s = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => { res.setHeader('content-type', 'application/json'); res.end('{"ok":true,"value":' + (body || 'null') + '}'); });
  });
  s.listen(0, '127.0.0.1', () => console.log('  Open: http://127.0.0.1:' + s.address().port + '/?token=none'));
`;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Starts a server process and resolves once it answered its first page; bounded by a timeout. */
function launch(args, { timeoutMs = 20_000 } = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not serve a page within ${timeoutMs} ms`));
    }, timeoutMs);
    let out = '';
    child.stdout.on('data', async (chunk) => {
      out += chunk;
      const match = /Open: (http:\/\/\S+)/.exec(out);
      if (!match || child.served) return;
      child.served = true;
      const url = new URL(match[1]);
      const res = await fetch(url, { redirect: 'follow', headers: { authorization: `Bearer ${url.searchParams.get('token')}` } });
      await res.text();
      clearTimeout(timer);
      resolve({ child, coldStartMs: performance.now() - started, origin: url.origin, token: url.searchParams.get('token'), status: res.status });
    });
    child.on('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
}

async function stop(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function roundTrips(origin, token, path, count) {
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const t = performance.now();
    const res = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: 'null',
    });
    const body = await res.json();
    if (!body.ok) throw new Error(`RPC failed: ${JSON.stringify(body)}`);
    times.push(performance.now() - t);
  }
  return times;
}

export async function benchHeadlessHost({ starts = 5, rpcs = 2000 } = {}) {
  const host = { cold: [], rpc: [] };
  const base = { cold: [], rpc: [] };
  for (let i = 0; i < starts; i += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'kayse-bench-'));
    try {
      const h = await launch([...HEADLESS_NODE_FLAGS, HEADLESS, '--port', '0', '--data-dir', dataDir]);
      if (h.status !== 200) throw new Error(`first page answered ${h.status}`);
      host.cold.push(h.coldStartMs);
      if (i === 0) host.rpc = await roundTrips(h.origin, h.token, '/rpc/company.get', rpcs);
      await stop(h.child);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const b = await launch(['-e', BASELINE_SERVER]);
    base.cold.push(b.coldStartMs);
    if (i === 0) base.rpc = await roundTrips(b.origin, b.token, '/rpc/company.get', rpcs);
    await stop(b.child);
  }
  const rows = [
    ['cold start, launch → first page (p50 ms)', percentile(host.cold, 50), percentile(base.cold, 50)],
    ['RPC company.get round trip (p50 ms)', percentile(host.rpc, 50), percentile(base.rpc, 50)],
    ['RPC company.get round trip (p99 ms)', percentile(host.rpc, 99), percentile(base.rpc, 99)],
  ];
  return rows.map(([name, value, baseline]) => ({ name, value, baseline, ratio: value / baseline }));
}
