// The SmartAdvocate connector: the CrmConnector of ../shared/spec/sync.md over SmartAdvocate's CaseSync API.
// A record is a case (id = caseID) with its primary plaintiff's contact; fields are UDFs; statuses are the main
// case status plus secondary statuses (substatuses). Requests go through the guarded agent it is given.
import type { Dispatcher } from 'undici';
import { AppError } from '../../../shared/result';
import type { Clock } from '../../kernel';
import type { CrmHttpDeps } from '../crm/crm-http';
import type { CrmCapabilities, CrmConnector, CrmRecord } from '../crm/types';
import { assumedEndpoints } from './assumed-endpoints';
import { loadCatalog } from './catalog';
import { testConnection } from './connection-checks';
import { documentedEndpoints } from './documented-endpoints';
import { normaliseSmartAdvocateBaseUrl, normaliseSmartAdvocateEndpoint } from './endpoint';
import { findExisting } from './find-existing';
import { listChanged } from './list-changed';
import { saError } from './read-answer';
import { createReferenceData, type SubstatusIndex } from './reference-data';
import { createSession } from './session';
import { lacksRefs, plainTextToHtml, toCrmRecord, type TranslationRefs } from './translate';
import { toUtcIso } from './wire-public';
import type { WireCaseRecord } from './wire-assumed';
import { applyPlan, isEmptyPlan, parseId, planWrites } from './write-plan';

export interface SmartAdvocateCredentials {
  /** The host the user entered ("Endpoint URL"); a path pasted after it is stripped. */
  endpoint: string;
  username: string;
  password: string;
}

export interface SmartAdvocateConnectorOptions {
  credentials: SmartAdvocateCredentials;
  /** "Advanced: API base URL" (a simulator, a self-hosted server): used instead of endpoint + /CaseSyncAPI. */
  baseUrl?: string;
  /** The guarded agent (net/), with the firm's extra CAs for a self-hosted server. */
  dispatcher: Dispatcher;
  /** Time allowed for each request. */
  timeoutMs: number;
  clock: Clock;
  /** How far before the cursor each listing reads again (default a minute). */
  listingOverlapMs?: number;
}

export const SMARTADVOCATE_CAPABILITIES: CrmCapabilities = { webhook: false, modifiedSinceListing: true, substatuses: true, notes: true };

const NO_SUBSTATUSES: SubstatusIndex = { typeOfStatus: new Map(), typeByName: new Map(), types: [] };

/** Where the connector's requests go; INVALID_INPUT naming the field when the address is not acceptable. */
export function smartAdvocateApiBase(options: Pick<SmartAdvocateConnectorOptions, 'credentials' | 'baseUrl'>): string {
  const override = options.baseUrl?.trim();
  const result = override ? normaliseSmartAdvocateBaseUrl(override) : normaliseSmartAdvocateEndpoint(options.credentials.endpoint);
  if (!result.ok) {
    const path = override ? 'baseUrl' : 'endpoint';
    throw new AppError('INVALID_INPUT', result.message, { issues: [{ path, message: result.message }] });
  }
  return result.apiBase;
}

export function createSmartAdvocateConnector(options: SmartAdvocateConnectorOptions): CrmConnector {
  const { clock } = options;
  const apiBase = smartAdvocateApiBase(options);
  const http: CrmHttpDeps = { crm: 'smartadvocate', dispatcher: options.dispatcher, timeoutMs: options.timeoutMs, now: () => clock.now() };
  const session = createSession({ http, apiBase, username: options.credentials.username, password: options.credentials.password, clock });
  const api = assumedEndpoints(session);
  const docs = documentedEndpoints(session);
  const refs = createReferenceData(api, clock);

  /** Loads the references the cases need (again, once, when one names something unknown), then translates. */
  const translate = async (cases: WireCaseRecord[], operation: string, where: (i: number) => string): Promise<CrmRecord[]> => {
    if (cases.length === 0) return [];
    const needUdfs = cases.some((c) => c.udfs.length > 0);
    const needStatuses = cases.some((c) => c.secondStatuses.length > 0);
    let known: TranslationRefs = { udfs: needUdfs ? await refs.udfs() : new Map(), substatuses: needStatuses ? await refs.substatuses() : NO_SUBSTATUSES };
    if (cases.some((c) => lacksRefs(c, known))) {
      known = { udfs: needUdfs ? await refs.udfsAfterMiss() : known.udfs, substatuses: needStatuses ? await refs.substatusesAfterMiss() : known.substatuses };
    }
    return cases.map((c, i) => toCrmRecord(c, known, where(i), operation));
  };
  const translateOne = async (wire: WireCaseRecord, operation: string) => (await translate([wire], operation, () => '(root)'))[0]!;

  const get = async (id: string): Promise<CrmRecord> => {
    const operation = `read case ${id}`;
    return translateOne(await api.caseById(parseCaseId(id, operation)), operation);
  };
  const catalog = () => loadCatalog(api, refs);

  return {
    id: 'smartadvocate',
    capabilities: SMARTADVOCATE_CAPABILITIES,
    testConnection: () => testConnection({ session, api, loadCatalog: catalog, clock, apiBase }),
    loadCatalog: catalog,
    listChanged: (cursor, pageSize) =>
      listChanged({ api, clock, translate, ...(options.listingOverlapMs === undefined ? {} : { overlapMs: options.listingOverlapMs }) }, cursor, pageSize),
    get,

    async create(input, marker) {
      const operation = 'create a case';
      const caseTypeID = parseId(input.caseTypeId, 'Case type', operation);
      // Checked before CreateCase, so a value SmartAdvocate can't take creates nothing.
      const plan = await planWrites(
        { ...(input.statusId === undefined ? {} : { statusId: input.statusId }), ...(input.substatuses ? { substatuses: input.substatuses } : {}), ...(input.fields ? { fields: input.fields } : {}) },
        refs,
        operation,
      );
      const created = await api.createCase({
        firstName: input.firstName,
        lastName: input.lastName,
        ...(input.phone ? { phone: input.phone } : {}),
        ...(input.email ? { email: input.email } : {}),
        ...(input.summary ? { summary: input.summary } : {}),
        CaseTypeID: caseTypeID,
        ExternalReference: marker,
      });
      // The contact was created with the case: what follows is status, substatuses and UDFs only.
      if (!isEmptyPlan(plan)) await applyPlan(api, created.caseID, plan, null);
      return get(String(created.caseID));
    },

    async update(id, changes) {
      const operation = `update case ${id}`;
      const caseID = parseCaseId(id, operation);
      const plan = await planWrites(changes, refs, operation);
      await applyPlan(api, caseID, plan, async () => {
        const wire = await api.caseById(caseID);
        const contactID = wire.primaryContact?.contactID ?? (wire.plaintiffs.find((p) => p.primary) ?? wire.plaintiffs[0])?.contactID;
        if (contactID === undefined) {
          throw saError({ kind: 'rejected', operation, field: 'Primary plaintiff', crmMessage: 'the case has no plaintiff' }, `SmartAdvocate case ${id} has no plaintiff whose name, phone or email could change.`);
        }
        return contactID;
      });
      return get(String(caseID));
    },

    async addNote(id, note) {
      const operation = `add a note to case ${id}`;
      const caseID = parseCaseId(id, operation);
      const noteDate = toUtcIso(note.at);
      if (noteDate === null) throw saError({ kind: 'rejected', operation, field: 'Note date', crmMessage: `"${note.at}" is not a date-time` }, `A note's date must be an ISO date-time, not "${note.at}".`);
      await api.addNote(caseID, { subject: note.subject, noteText: plainTextToHtml(note.text), noteDate });
    },

    findExisting: (record, marker) => findExisting({ api, docs, clock, translate: translateOne, get }, record, marker),
    // The agent belongs to whoever built it (it may serve other connectors); nothing else here holds a resource.
    usePacer: (pacer) => void (http.pacer = pacer),
    close: () => Promise.resolve(),
  };
}

/** A case id of ours (a number as text), or `not_found`: SmartAdvocate can't have a case with any other id. */
function parseCaseId(id: string, operation: string): number {
  if (!/^\d{1,15}$/.test(id.trim())) throw saError({ kind: 'not_found', operation }, `SmartAdvocate has no case ${id} (its case ids are numbers).`);
  return Number(id.trim());
}
