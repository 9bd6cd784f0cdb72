// A SmartAdvocate CaseSync API on loopback (HTTP, or HTTPS with a given certificate) that behaves like the real
// one as far as we know it: the same paths, shapes, paging and error envelopes, its own firm (catalog, cases,
// users), tokens that expire, every CrmFault, and the log of what it served. Tests, `npm run sim` and demo mode
// start it with `startSmartAdvocateSimulator`.
import { startSimServer } from '../../crm/simulator/sim-server';
import type { CrmFault, CrmSimulatorControl, SimRequest } from '../../crm/simulator-control';
import { defaultCatalog } from './sim-catalog';
import { SimCases, type SimValue } from './sim-cases';
import type { SimContext, SimUser } from './sim-context';
import { API_PREFIX, dispatch } from './sim-dispatch';
import { seededCase } from './sim-seed';
import { createTokenIssuer } from './sim-tokens';
import { htmlToText, lookupsOf, type WireLookups } from './sim-wire';
import { startTlsFront } from './tls-front';

export interface SmartAdvocateSimulatorOptions {
  port?: number;
  /** The simulator's time (tokens' expiry, modified times). Default the system clock. */
  clock?: { now(): Date };
  /** How long a token lasts; SmartAdvocate's last about two hours. */
  tokenLifetimeMs?: number;
  /** The integration user it accepts. */
  username?: string;
  password?: string;
  /** Cases to seed at start. */
  records?: number;
  /** Serve HTTPS with this certificate (e.g. one signed by a test CA: a self-hosted server). */
  tls?: { cert: string; key: string };
}

/** A case as the simulator holds it, for tests to check what a write did. */
export interface SimCaseView {
  caseID: string;
  caseNumber: string;
  caseTypeId: string;
  statusId: string | null;
  /** Secondary status type id → status id. */
  substatuses: Record<string, string>;
  contact: { firstName: string; lastName: string; phone: string | null; email: string | null };
  /** UDF id → stored value. */
  udfs: Record<string, SimValue>;
  externalReference: string | null;
  modifiedAt: string;
}

export interface SmartAdvocateSimulator extends CrmSimulatorControl {
  /** What a user types as "Endpoint URL" (the API is at `${host}/CaseSyncAPI`, which is `url`). */
  readonly host: string;
  readonly credentials: { username: string; password: string };
  /** Ids in the seeded catalog, for inputs that must be valid. */
  readonly ids: { caseTypeId: string; statusId: string; otherStatusId: string };
  /** The integration user's password changes (the old one is refused from now on). */
  setPassword(password: string): void;
  /** A UDF renamed in SmartAdvocate's setup (the next catalog shows it). */
  renameUdf(udfId: string, name: string, shortName?: string | null): void;
  /** A UDF deleted from SmartAdvocate's setup (its values go with it). */
  deleteUdf(udfId: string): void;
  /** Operations (the request log's names, e.g. "CasesByDatePaged") the integration user may not do: 403. */
  deny(operations: string[]): void;
  caseState(id: string): SimCaseView | null;
  /** Notes as stored: SmartAdvocate's HTML noteText. */
  rawNotesOf(id: string): string[];
  tokensIssued(): number;
  /** Tokens issued from now on last `ms`. */
  setTokenLifetime(ms: number): void;
}

export async function startSmartAdvocateSimulator(options: SmartAdvocateSimulatorOptions = {}): Promise<SmartAdvocateSimulator> {
  const clock = options.clock ?? { now: () => new Date() };
  const nowMs = () => clock.now().getTime();
  const user: SimUser = { username: options.username ?? 'kayse-sync', password: options.password ?? 'sim-password', userID: 677 };
  let tokenLifetimeMs = options.tokenLifetimeMs ?? 2 * 60 * 60 * 1000;
  const catalog = defaultCatalog();
  let lookups: WireLookups | null = null;
  let createdSerial = 0;
  let noteId = 2_764_000;
  // Seeded cases are placed before an hour ago, whenever they are seeded.
  const anchorMs = Math.floor(nowMs() / 60_000) * 60_000 - 3_600_000;
  let seeded = 0;

  const ctx: SimContext = {
    catalog,
    lookups: () => (lookups ??= lookupsOf(catalog)),
    catalogChanged: () => void (lookups = null),
    cases: new SimCases(),
    users: [user],
    tokens: createTokenIssuer(nowMs, () => tokenLifetimeMs),
    nowMs,
    created: [],
    nextCreatedSerial: () => (createdSerial += 1),
    nextNoteId: () => (noteId += 1),
  };
  const denied = new Set<string>();
  const server = await startSimServer((exchange) => dispatch({ ctx, denied }, exchange), {
    ...(options.tls ? {} : options.port === undefined ? {} : { port: options.port }),
    now: () => clock.now(),
    expireTokens: () => ctx.tokens.expireAll(),
  });
  const front = options.tls ? await startTlsFront(Number(new URL(server.url).port), options.tls, options.port) : null;
  const host = front ? `https://127.0.0.1:${front.port}` : server.url;

  const seed = (count: number) => {
    const batch = [];
    for (let i = 0; i < count; i += 1) batch.push(seededCase(seeded + i, catalog, anchorMs));
    seeded += count;
    ctx.cases.addMany(batch);
  };
  if (options.records) seed(options.records);

  const caseOf = (id: string) => ctx.cases.get(Number(id));
  const udfOf = (udfId: string) => {
    const udf = catalog.udfs.find((u) => u.udfID === Number(udfId));
    if (!udf) throw new Error(`simulator: no UDF ${udfId}`);
    return udf;
  };

  return {
    url: `${host}${API_PREFIX}`,
    host,
    credentials: { username: user.username, password: user.password },
    ids: { caseTypeId: '1249', statusId: '801', otherStatusId: '802' },
    seed,
    setFault: (fault: CrmFault | null, opts?: { times?: number }) => server.setFault(fault, opts),
    requests: (): SimRequest[] => server.requests(),
    created: () => [...ctx.created],
    editRecord(id, firstName) {
      const c = caseOf(id);
      if (!c) throw new Error(`simulator: no case ${id}`);
      c.contact = { ...c.contact, firstName };
      ctx.cases.touch(c, nowMs());
    },
    notesOf: (id) => (caseOf(id)?.notes ?? []).map((n) => ({ subject: n.subject, text: htmlToText(n.noteText) })),
    rawNotesOf: (id) => (caseOf(id)?.notes ?? []).map((n) => n.noteText),
    setPassword(password) {
      user.password = password;
    },
    renameUdf(udfId, name, shortName) {
      const udf = udfOf(udfId);
      udf.udfName = name;
      if (shortName !== undefined) udf.shortName = shortName;
      ctx.catalogChanged();
    },
    deleteUdf(udfId) {
      const udf = udfOf(udfId);
      catalog.udfs.splice(catalog.udfs.indexOf(udf), 1);
      for (const c of ctx.cases.all()) c.udfs.delete(udf.udfID);
      ctx.catalogChanged();
    },
    deny(operations) {
      denied.clear();
      for (const op of operations) denied.add(op);
    },
    caseState(id) {
      const c = caseOf(id);
      if (!c) return null;
      return {
        caseID: String(c.caseID),
        caseNumber: c.caseNumber,
        caseTypeId: String(c.caseTypeID),
        statusId: c.statusID === null ? null : String(c.statusID),
        substatuses: Object.fromEntries(c.secondStatuses.map((s) => [String(s.statusTypeID), String(s.statusID)])),
        contact: { firstName: c.contact.firstName, lastName: c.contact.lastName, phone: c.contact.phone, email: c.contact.email },
        udfs: Object.fromEntries([...c.udfs].map(([k, v]) => [String(k), v])),
        externalReference: c.externalReference,
        modifiedAt: new Date(c.modifiedMs).toISOString(),
      };
    },
    tokensIssued: () => ctx.tokens.issued(),
    setTokenLifetime(ms) {
      tokenLifetimeMs = ms;
    },
    async close() {
      await front?.close();
      await server.close();
    },
  };
}
