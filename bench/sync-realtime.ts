// Sync engine, real time: Kayse changes committed at a steady rate, each timed from its commit until the
// SmartAdvocate simulator (in this process) holds the new value, against the connector's `update` called directly at
// the same pace. The direct calls go through a connector of their own: the console's connector is paced by the
// sync's rate limiter (at its HTTP layer), which is part of what the engine's figure measures, not of the baseline.
import { Agent } from 'undici';
import { createSmartAdvocateConnector } from '../main/connectors';
import { startSmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';
import { systemClock } from '../main/kernel';
import { connectedCore } from './support/sync-core';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Real time: `changes` first-name changes of `cases` linked cases at `perSecond`, each timed from its commit (or the
 * direct `update` call) until the simulator holds the new value (checked every millisecond).
 */
export async function realTime(changes: number, perSecond: number, cases: number, rateLimit?: number) {
  const sim = await startSmartAdvocateSimulator({ records: 3 });
  const sync = rateLimit ? { rateLimits: { smartadvocate: rateLimit } } : {};
  const core = await connectedCore({ host: sim.host, username: sim.credentials.username, password: sim.credentials.password }, sync);
  try {
    const records = core.workspace.records;
    const clients = Array.from({ length: cases }, (_, i) =>
      records.upsertClient({ externalSource: 'bench', externalId: `c${i}`, firstName: `Rt${i}`, lastName: 'Bench', emails: [`rt${i}@bench.example`] }, { origin: 'ingest' }).client,
    );
    const kases = clients.map((c, i) => records.upsertCase({ externalSource: 'bench', externalId: `k${i}`, name: `Rt ${i}`, caseType: 'Auto Accident', status: 'New', clientIds: [c.id] }, { origin: 'ingest' }).case);
    for (let i = 0; i < 600 && kases.some((k) => !core.sync.push.store.link('smartadvocate', k.id)); i += 1) await sleep(50);
    const crmIds = kases.map((k) => core.sync.push.store.link('smartadvocate', k.id)!.crmRecordId);
    await core.sync.push.idle();
    const agent = new Agent({ connections: 4, keepAliveTimeout: 30_000 });
    const connector = createSmartAdvocateConnector({
      credentials: { endpoint: sim.host, username: sim.credentials.username, password: sim.credentials.password },
      baseUrl: `${sim.host}/CaseSyncAPI`,
      dispatcher: agent,
      timeoutMs: 60_000,
      clock: systemClock,
    });

    const run = async (change: (i: number, value: string) => void | Promise<unknown>) => {
      const waits: number[] = [];
      const pending = new Map<number, { id: string; value: string; at: number }>();
      // A change has arrived when the simulator holds its value or a later change's of the same case (changes
      // made while a case's update is on its way go as one update: the earlier value is never written).
      const watch = setInterval(() => {
        const held = new Map<string, number>();
        for (const [n, p] of pending) {
          if (!held.has(p.id)) held.set(p.id, Number(/^V(\d+)x/.exec(sim.caseState(p.id)!.contact.firstName)?.[1] ?? -1));
          if (held.get(p.id)! >= n) {
            waits.push(performance.now() - p.at);
            pending.delete(n);
          }
        }
      }, 1);
      const started = performance.now();
      for (let n = 0; n < changes; n += 1) {
        const due = started + (n * 1000) / perSecond;
        if (due > performance.now()) await sleep(due - performance.now());
        const i = n % cases;
        const value = `V${n}x${i}`;
        pending.set(n, { id: crmIds[i]!, value, at: performance.now() });
        void change(i, value);
      }
      for (let i = 0; i < 600 && pending.size > 0; i += 1) await sleep(50);
      clearInterval(watch);
      if (pending.size > 0) {
        // Said, not thrown: the row of missing changes is a figure of its own.
        const status = core.sync.pushStatus('smartadvocate');
        const kayseOf = (id: string) => {
          const i = crmIds.indexOf(id);
          const client = records.getClient(clients[i]!.id)!;
          const last = core.workspace.records.history('client', client.id, 1).changes[0];
          return `Kayse ${client.firstName} (last change by ${last?.origin})`;
        };
        const cases = [...new Set([...pending.values()].map((p) => p.id))].map((id) => `${id}: holds ${sim.caseState(id)!.contact.firstName}, ${kayseOf(id)}`);
        console.error(`${pending.size} changes not in the simulator 30 s after the last one (${cases.join('; ')}); push: pending ${status.pending}, errors ${JSON.stringify(status.errors)}, pusher ${JSON.stringify(core.sync.push.pusher('smartadvocate').state())}`);
      }
      return { waits, missing: pending.size };
    };
    const engine = await run((i, value) => {
      const c = clients[i]!;
      records.upsertClient({ externalSource: 'bench', externalId: `c${i}`, firstName: value, lastName: c.lastName, emails: c.emails }, { origin: 'ingest' });
    });
    const direct = await run((i, value) => connector.update(crmIds[i]!, { firstName: value }));
    await agent.close();
    return { engine: engine.waits, direct: direct.waits, missing: engine.missing, directMissing: direct.missing };
  } finally {
    await core.cleanup();
    await sim.close();
  }
}

