// A simulated LawRuler portal on 127.0.0.1: the Classic endpoint and the (ASSUMED) Advanced API on the same paths
// and form-encoded bodies as the connector uses against LawRuler, with its own leads, catalog, notes and tokens, every
// CrmFault, a request log, and LawRuler's status-change webhook. Tests, demo mode and `npm run sim` start it.
import type { CrmSimulatorControl } from '../../crm/simulator-control';
import { startSimServer, type SimExchange } from '../../crm/simulator/sim-server';
import type { LawRulerCredentials } from '../credentials';
import { advancedRoute, handleAdvanced } from './sim-advanced';
import { createSimCatalog, type SimCatalog } from './sim-catalog';
import { CLASSIC_PATH, classicOperation, handleClassic } from './sim-classic';
import { createSimLeads, wireLead } from './sim-leads';
import type { SimPortal } from './sim-portal';
import { SEED_SPACING_MS, seededLead } from './sim-seed';
import { createWebhookSender, type SimWebhookDelivery, type SimWebhookTarget } from './sim-webhook';

export type { SimWebhookDelivery, SimWebhookTarget } from './sim-webhook';

/** The credentials the simulator accepts unless told others (shown by `npm run sim`). */
export const LAWRULER_SIM_CREDENTIALS: LawRulerCredentials = {
  username: 'api@demo-firm.example',
  password: 'sim-password',
  clientRoot: 'demofirm',
  clientSecret: 'sim-client-secret',
  key: 'SIM0KEY0123456789ABCDEF',
};

export interface LawRulerSimulatorOptions {
  port?: number;
  /** Leads seeded at start (0 by default; up to 100,000 for benchmarks). */
  records?: number;
  /** The seed of the generated leads (default 1). */
  seed?: number;
  credentials?: LawRulerCredentials;
  /** How long a token lasts (default 3600 s). */
  tokenTtlSeconds?: number;
  now?: () => Date;
  /** Where the status-change webhook goes (none by default). */
  webhook?: SimWebhookTarget;
}

export interface LawRulerSimulator extends CrmSimulatorControl {
  readonly credentials: LawRulerCredentials;
  readonly catalog: SimCatalog;
  /** The lead as the portal answers it (for tests that check stored text). */
  lead(id: string): Record<string, unknown> | null;
  /** A person changes a lead's status in LawRuler: the webhook fires. */
  changeStatus(id: string, statusId: string): void;
  setWebhook(target: SimWebhookTarget | null): void;
  webhookDeliveries(): SimWebhookDelivery[];
  /** Waits until every webhook sent so far was answered. */
  flushWebhooks(): Promise<void>;
}

const MAX_SEED = 100_000;

/** Starts a simulated portal on 127.0.0.1 (a free port unless `port`). */
export async function startLawRulerSimulator(options: LawRulerSimulatorOptions = {}): Promise<LawRulerSimulator> {
  const nowDate = options.now ?? (() => new Date());
  const now = () => nowDate().getTime();
  const seed = options.seed ?? 1;
  const catalog = createSimCatalog();
  const leads = createSimLeads();
  const webhook = createWebhookSender(options.webhook ?? null);
  let seeded = 0;

  const portal: SimPortal = {
    catalog,
    leads,
    notes: new Map(),
    created: [],
    credentials: options.credentials ?? LAWRULER_SIM_CREDENTIALS,
    tokens: new Map(),
    tokenTtlMs: (options.tokenTtlSeconds ?? 3600) * 1000,
    now,
    statusChanged: (lead) => webhook.statusChanged(lead, catalog),
  };

  const handle = (ex: SimExchange) => {
    const method = ex.req.method ?? 'GET';
    const path = ex.url.pathname;
    if (path.toLowerCase() === CLASSIC_PATH) {
      const form = new URLSearchParams(ex.body);
      ex.operation(classicOperation(form));
      return handleClassic(portal, ex, form);
    }
    const route = advancedRoute(method, path);
    if (!route) {
      ex.operation('(none)');
      return void ex.res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>The resource cannot be found.</body></html>');
    }
    ex.operation(route.name);
    handleAdvanced(portal, ex, route);
  };

  // Tokens issued so far stop working at once (`expire_tokens`).
  const expireTokens = () => portal.tokens.forEach((_, token) => portal.tokens.set(token, 0));
  const server = await startSimServer(handle, { port: options.port, now: nowDate, expireTokens });

  const seedLeads = (count: number) => {
    if (!Number.isInteger(count) || count < 0 || seeded + count > MAX_SEED) throw new Error(`seed: 0 to ${MAX_SEED - seeded} more leads`);
    // Modified times end an hour ago, evenly spaced, so every seeded lead is "in the past" of any edit.
    const end = now() - 3_600_000;
    for (let i = 0; i < count; i += 1) {
      leads.add(seededLead(seed, seeded + i, leads.nextId(), end - (count - 1 - i) * SEED_SPACING_MS, catalog));
    }
    seeded += count;
  };
  if (options.records) seedLeads(options.records);

  const leadOf = (id: string) => {
    const lead = /^\d+$/.test(id) ? leads.get(Number(id)) : undefined;
    if (!lead) throw new Error(`the simulator has no lead ${id}`);
    return lead;
  };

  return {
    url: server.url,
    credentials: portal.credentials,
    catalog,
    seed: seedLeads,
    setFault: (fault, opts) => server.setFault(fault, opts),
    requests: () => server.requests(),
    created: () => [...portal.created],
    editRecord(id, firstName) {
      leads.touch(leadOf(id), now(), (lead) => void (lead.firstName = firstName));
    },
    notesOf: (id) => (portal.notes.get(Number(id)) ?? []).map((text) => ({ subject: null, text })),
    lead: (id) => {
      const lead = /^\d+$/.test(id) ? leads.get(Number(id)) : undefined;
      return lead ? wireLead(lead, catalog) : null;
    },
    changeStatus(id, statusId) {
      const lead = leadOf(id);
      const status = catalog.statuses.find((s) => String(s.id) === statusId);
      if (!status) throw new Error(`the simulator has no status ${statusId}`);
      if (lead.statusId === status.id) return;
      const at = now();
      leads.touch(lead, at, (l) => {
        l.statusId = status.id;
        l.statusMs = at;
      });
      portal.statusChanged(lead);
    },
    setWebhook: (target) => webhook.setTarget(target),
    webhookDeliveries: () => webhook.deliveries(),
    flushWebhooks: () => webhook.flush(),
    async close() {
      await webhook.flush();
      await server.close();
    },
  };
}
