// Sync engine, rate limit: Kayse changes queued while the integration is off (Enable off), then drained through a
// SmartAdvocate simulator that allows `limit` requests per second (a loopback proxy in front of it answers 429 with
// Retry-After: 1 past that), the engine's limiter set to the same rate (`configured`, the CRM's known limit) or left
// at SmartAdvocate's default (`configured: false`: an unknown limit the limiter has to learn from the 429s). Figures:
// the requests per second the drain achieved against the allowed rate, the share of requests answered 429, and the
// changes lost (the final value of every case must reach the simulator).
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';
import { startTestCore } from '../main/test-support/test-core';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A proxy to `target` that lets `perSecond` requests through in each second (a fixed window) and answers 429 past that. */
async function limitedProxy(target: URL, perSecond: number) {
  let windowStart = Date.now();
  let inWindow = 0;
  let limiting = true;
  const counts = { passed: 0, limited: 0, firstAt: 0, lastAt: 0 };
  const server: Server = createServer((req, res) => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now - ((now - windowStart) % 1000);
      inWindow = 0;
    }
    if (limiting && inWindow >= perSecond) {
      counts.limited += 1;
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"message":"Too many requests"}');
      return;
    }
    inWindow += 1;
    counts.passed += 1;
    counts.firstAt ||= now;
    counts.lastAt = now;
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    reset() {
      Object.assign(counts, { passed: 0, limited: 0, firstAt: 0, lastAt: 0 });
    },
    /** Off: everything passes (the setup), so the drain meets the limit cold. */
    limit(on: boolean) {
      limiting = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `limitSetup: false`: the proxy limits only the drain, so an unknown limit is learnt during it, not while linking. */
export async function benchSyncDrain({ changes = 10_000, cases = 100, limit = 20, configured = true, limitSetup = true } = {}) {
  const sim = await startSmartAdvocateSimulator({ records: 3 });
  const proxy = await limitedProxy(new URL(sim.host), limit);
  proxy.limit(limitSetup);
  const core = startTestCore({ fileSecrets: true, crm: { timeoutMs: 60_000, connectTimeoutMs: 5_000 }, sync: configured ? { rateLimits: { smartadvocate: limit } } : {} });
  try {
    await core.api.caseTypes.create({ name: 'Auto Accident', statuses: ['New'], fields: [] });
    const connected = await core.api.crm.connect({ crm: 'smartadvocate', endpointUrl: proxy.url, username: sim.credentials.username, password: sim.credentials.password, apiBaseUrl: `${proxy.url}/CaseSyncAPI` });
    if (!connected.ok) throw new Error(`the simulator refused to connect: ${JSON.stringify(connected)}`);
    await core.api.sync.saveFieldMappings({ crm: 'smartadvocate', crmCaseTypeId: null, mappings: [{ kayseField: 'client.first_name', crmFieldId: 'standard.first_name', direction: 'both' }] });
    const records = core.workspace.records;
    const store = core.sync.push.store;
    const clients = Array.from({ length: cases }, (_, i) =>
      records.upsertClient({ externalSource: 'drain', externalId: `c${i}`, firstName: `D${i}`, lastName: 'Bench', emails: [`d${i}@bench.example`] }, { origin: 'ingest' }).client,
    );
    const kases = clients.map((c, i) => records.upsertCase({ externalSource: 'drain', externalId: `k${i}`, name: `D ${i}`, caseType: 'Auto Accident', status: 'New', clientIds: [c.id] }, { origin: 'ingest' }).case);
    for (let i = 0; i < 6_000 && kases.some((k) => !store.link('smartadvocate', k.id)); i += 1) await sleep(50);
    await core.sync.push.idle();
    const crmIds = kases.map((k) => store.link('smartadvocate', k.id)!.crmRecordId);

    // Queued while off: every case's client renamed changes / cases times; only its last name must arrive.
    await core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false } });
    const last: string[] = [];
    records.batch(() => {
      for (let n = 0; n < changes; n += 1) {
        const i = n % cases;
        last[i] = `Q${n}`;
        records.upsertClient({ externalSource: 'drain', externalId: `c${i}`, firstName: last[i], lastName: 'Bench', emails: clients[i]!.emails }, { origin: 'ingest' });
      }
    });
    await sleep(2_000);
    proxy.reset();
    proxy.limit(true);
    const started = Date.now();
    await core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: true } });
    const arrived = () => crmIds.filter((id, i) => sim.caseState(id)!.contact.firstName === last[i]).length;
    for (let i = 0; i < 12_000 && arrived() < cases; i += 1) await sleep(50);
    const seconds = (Date.now() - started) / 1000;
    const { passed, limited, firstAt, lastAt } = proxy.counts;
    const activeSeconds = Math.max(1, lastAt - firstAt) / 1000;
    return { seconds, requestRate: passed / activeSeconds, limitedShare: limited / Math.max(1, passed + limited), lost: cases - arrived(), passed, limited };
  } finally {
    await core.cleanup();
    await proxy.close();
    await sim.close();
  }
}
