// The LawRuler connector: the CrmConnector of sync.md over LawRuler's Classic API (public: read, create, update,
// notes, with the Key) and its Advanced API (ASSUMED, advanced-api.ts: sign-in, catalog, changed leads, look-ups).
// It keeps the catalog for a few minutes, because LawRuler's create and update take case types and statuses by
// name and its answers need the field types to read dates and yes/no values.
import type { Dispatcher } from 'undici';
import { AppError, describeIssues, type FieldIssue } from '../../../shared/result';
import type { Clock } from '../../kernel';
import type { CrmHttpDeps } from '../crm/crm-http';
import { CrmError } from '../crm/errors';
import type { CrmCapabilities, CrmCatalog, CrmConnector, CrmRecord, CrmRecordInput } from '../crm/types';
import { createAdvancedApi, type LeadLookup, type WireField } from './advanced-api';
import { createClassicApi } from './classic-api';
import { parseClientRoot, parseLawRulerBaseUrl, portalBase, type LawRulerCredentials } from './credentials';
import { DEFAULT_PAGE_SIZE, listChangedLeads } from './list-changed';
import { runConnectionChecks } from './connection-checks';
import { indexCatalog, toCatalog, type CatalogIndex } from './translate-catalog';
import { changesToForm, inputToForm, markerOf, markerTag, toCrmRecord, unknownIds } from './translate-record';
import type { WireLead } from './wire-schemas';

export interface LawRulerConnectorOptions {
  credentials: LawRulerCredentials;
  /** "Advanced: API base URL": replaces `https://{clientRoot}.lawruler.com` (HTTPS, or http on loopback). */
  baseUrl?: string;
  /** The guarded agent (net/); it belongs to the caller, who closes it. */
  dispatcher: Dispatcher;
  /** Time allowed for each request. */
  timeoutMs: number;
  clock: Clock;
}

/**
 * LawRuler calls us on status changes (its webhook, public). The modified-since listing behind `listChanged` is
 * ASSUMED (an Advanced API listing; no public operation lists leads): if a real portal has none, this becomes false
 * and the engine reads known leads and the webhook instead. LawRuler's SubStatus has no status types to map.
 */
export const LAWRULER_CAPABILITIES: CrmCapabilities = { webhook: true, modifiedSinceListing: true, substatuses: false, notes: true };

/** How long a loaded catalog is used for translating before it is loaded again. */
const CATALOG_TTL_MS = 10 * 60_000;

function checkOptions(options: LawRulerConnectorOptions): { clientRoot: string; base: string } {
  const issues: FieldIssue[] = [];
  const { credentials } = options;
  for (const name of ['username', 'password', 'clientSecret', 'key'] as const) {
    if (!credentials[name]?.trim()) issues.push({ path: `credentials.${name}`, message: 'required' });
  }
  const clientRoot = parseClientRoot(credentials.clientRoot ?? '');
  if (!clientRoot.ok) issues.push({ path: 'credentials.clientRoot', message: clientRoot.message });
  const base = options.baseUrl === undefined ? null : parseLawRulerBaseUrl(options.baseUrl);
  if (base && !base.ok) issues.push({ path: 'baseUrl', message: base.message });
  if (issues.length > 0 || !clientRoot.ok || (base && !base.ok)) throw new AppError('INVALID_INPUT', `Invalid LawRuler connection: ${describeIssues(issues)}`, { issues });
  return { clientRoot: clientRoot.value, base: portalBase(clientRoot.value, base?.value) };
}

/** Adds the catalog part that failed to a CrmError ("case types", "fields", "statuses"). */
async function part<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof CrmError)) throw error;
    throw new CrmError({ ...error.crmDetails, part: name }, `LawRuler's ${name} could not be loaded: ${error.message}`, error);
  }
}

const isLeadId = (id: string) => /^\d{1,18}$/.test(id);
const digits = (s: string) => s.replace(/\D/g, '');

/** A CrmConnector for one LawRuler portal. Throws INVALID_INPUT for a bad Client Root, base URL or a missing secret. */
export function createLawRulerConnector(options: LawRulerConnectorOptions): CrmConnector {
  const { clientRoot, base } = checkOptions(options);
  const credentials = { ...options.credentials, clientRoot };
  const http: CrmHttpDeps = { crm: 'lawruler', dispatcher: options.dispatcher, timeoutMs: options.timeoutMs, now: () => options.clock.now() };
  const classic = createClassicApi({ http, base, key: credentials.key });
  const advanced = createAdvancedApi({ http, base, credentials, clock: options.clock });
  const now = () => options.clock.now().getTime();

  let cached: { index: CatalogIndex; loadedAt: number } | null = null;
  let loading: Promise<CatalogIndex> | null = null;

  const fetchCatalog = async (): Promise<CrmCatalog> => {
    const caseTypes = await part('case types', () => advanced.caseTypes());
    const statuses = await part('statuses', () => advanced.statuses());
    const fields: [string, WireField[]][] = [];
    // One case type at a time: a firm with dozens of case types must not spend its rate limit in one burst.
    for (const caseType of caseTypes) fields.push([caseType.CaseTypeID, await part('fields', () => advanced.fields(caseType.CaseTypeID))]);
    return toCatalog(caseTypes, fields, statuses);
  };
  const reloadCatalog = (): Promise<CatalogIndex> => {
    loading ??= fetchCatalog()
      .then((catalog) => {
        cached = { index: indexCatalog(catalog), loadedAt: now() };
        return cached.index;
      })
      .finally(() => (loading = null));
    return loading;
  };
  const catalogIndex = () => (cached && now() - cached.loadedAt < CATALOG_TTL_MS ? Promise.resolve(cached.index) : reloadCatalog());
  /** The catalog, loaded again once when `what` names something it lacks (added in LawRuler since it loaded). */
  const indexFor = async (what: Parameters<typeof unknownIds>[1]) => {
    const index = await catalogIndex();
    return unknownIds(index, what) && cached?.index === index ? reloadCatalog() : index;
  };

  const toRecord = (index: CatalogIndex, operation: string) => (lead: WireLead) => toCrmRecord(lead, index, operation);

  const get = async (id: string): Promise<CrmRecord> => {
    const operation = `read lead ${id}`;
    if (!isLeadId(id)) throw new CrmError({ crm: 'lawruler', kind: 'not_found', operation }, `"${id}" is not a LawRuler lead id (lead ids are numbers).`);
    const lead = await classic.getStatus(id);
    if (lead.LeadID !== id) throw new CrmError({ crm: 'lawruler', kind: 'bad_response', operation, path: 'LeadID' }, `LawRuler answered ${operation} with lead ${lead.LeadID}.`);
    return toRecord(await catalogIndex(), operation)(lead);
  };

  /** The lead after a write that LawRuler confirmed; if it can't be read, the write happened but its result is unknown. */
  const readBack = async (id: string, operation: string): Promise<CrmRecord> => {
    try {
      return await get(id);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new CrmError({ crm: 'lawruler', kind: 'unknown_outcome', operation, crmMessage: why }, `LawRuler confirmed ${operation} (lead ${id}) but the lead could not be read back (${why}); it is looked up before anything is written again.`, error);
    }
  };

  /** Leads a look-up found that really match it: an ASSUMED search that ignored its filter must not pick a stranger. */
  const matches = (lookup: LeadLookup, marker: string | null) => (lead: WireLead) => {
    if (lookup.tag !== undefined) return markerOf(lead.Tags) === marker;
    if (lookup.email !== undefined) return lead.Email1?.toLowerCase() === lookup.email.toLowerCase();
    if (lookup.phone !== undefined) return lead.CellPhone !== null && digits(lookup.phone) !== '' && digits(lead.CellPhone) === digits(lookup.phone);
    return lead.CaseNumber === lookup.caseNumber;
  };

  return {
    id: 'lawruler',
    capabilities: LAWRULER_CAPABILITIES,

    testConnection: () =>
      runConnectionChecks({
        username: credentials.username,
        clientRoot,
        signIn: () => advanced.signIn(),
        someLeadId: async () => (await advanced.modifiedLeads(null, 1)).leads[0]?.LeadID ?? null,
        getStatus: (leadId) => classic.getStatus(leadId),
        loadCatalog: async () => (await reloadCatalog()).catalog,
      }),

    loadCatalog: async () => (await reloadCatalog()).catalog,

    async listChanged(cursor, pageSize = DEFAULT_PAGE_SIZE) {
      const index = await catalogIndex();
      return listChangedLeads(advanced, cursor, pageSize, toRecord(index, 'list changed leads'));
    },

    get,

    async create(record: CrmRecordInput, marker: string) {
      const operation = 'create a lead';
      const form = inputToForm(record, marker, await indexFor(record), operation);
      return readBack(await classic.createLead(form), operation);
    },

    async update(id, changes) {
      const operation = `update lead ${id}`;
      if (!isLeadId(id)) throw new CrmError({ crm: 'lawruler', kind: 'not_found', operation }, `"${id}" is not a LawRuler lead id (lead ids are numbers).`);
      const form = changesToForm(changes, await indexFor(changes), operation);
      if (form.length === 0) return get(id);
      await classic.updateLead(id, form);
      return readBack(id, operation);
    },

    async addNote(id, note) {
      const operation = `add a note to lead ${id}`;
      if (!isLeadId(id)) throw new CrmError({ crm: 'lawruler', kind: 'not_found', operation }, `"${id}" is not a LawRuler lead id (lead ids are numbers).`);
      // Conversation is one text (ASSUMED plain, not HTML): the subject and when lead it.
      const when = new Date(note.at).toISOString().slice(0, 16).replace('T', ' ');
      await classic.addConversation(id, `${note.subject} (${when} UTC)\n${note.text}`);
    },

    async findExisting(record, marker) {
      const lookups: LeadLookup[] = [];
      if (marker) lookups.push({ tag: markerTag(marker, 'look up leads') });
      if (record.email) lookups.push({ email: record.email });
      if (record.phone) lookups.push({ phone: record.phone });
      if (record.caseNumber) lookups.push({ caseNumber: record.caseNumber });
      for (const lookup of lookups) {
        const found = (await advanced.searchLeads(lookup)).filter(matches(lookup, marker));
        if (found.length === 0) continue;
        // The oldest match: the one created first is the one a lost answer created.
        const lead = found.reduce((a, b) => (Number(a.LeadID) <= Number(b.LeadID) ? a : b));
        return toRecord(await catalogIndex(), 'look up leads')(lead);
      }
      return null;
    },

    // The dispatcher is the caller's; the connector holds nothing else open.
    usePacer: (pacer) => void (http.pacer = pacer),
    close: async () => undefined,
  };
}
