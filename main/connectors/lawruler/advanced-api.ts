// LawRuler's "Advanced API", which Kayse uses for what the Classic API can't do: the field catalog, statuses, leads
// changed since a time, and lookups. Its wire is NOT public (external-apis.md); everything in this file is ASSUMED
// (README.md, "ASSUMED") and kept in this one file so that a capture from a real portal replaces it here:
// - POST /api/v1/token, form: grant_type=password, username, password, client_id (Client Root), client_secret, key
//   → { access_token, token_type: "Bearer", expires_in (seconds) }; refused credentials → 400/401.
// - Bearer token on: GET /api/v1/case-types, GET /api/v1/case-types/{id}/fields, GET /api/v1/statuses,
//   GET /api/v1/leads/modified?since&afterId&limit (oldest first by modified time then id; with afterId, strictly
//   after (since, afterId); without, modified at or after since), POST /api/v1/leads/search (form: tag, email,
//   phone or caseNumber; a form body keeps contact details out of URLs and proxy logs).
// A token is renewed a minute before it expires (a tenth of its life when that is shorter), and once more when a call answers 401 (then 401 is `auth`).
import type { z } from 'zod';
import type { Clock } from '../../kernel';
import { crmHttp, type CrmHttpAnswer, type CrmHttpDeps } from '../crm/crm-http';
import type { LawRulerCredentials } from './credentials';
import { readAnswer } from './wire-answer';
import { caseTypesAnswer, fieldsAnswer, modifiedLeadsAnswer, searchLeadsAnswer, statusesAnswer, tokenAnswer, type WireLead } from './wire-schemas';

export type WireCaseType = z.infer<typeof caseTypesAnswer>['CaseTypes'][number];
export type WireField = z.infer<typeof fieldsAnswer>['Fields'][number];
export type WireStatus = z.infer<typeof statusesAnswer>['Statuses'][number];

/** Where a modified-since read starts: at `since` (inclusive), or strictly after (`since`, `afterId`). */
export interface ModifiedFrom {
  since: string;
  afterId?: string;
}

export interface LeadLookup {
  tag?: string;
  email?: string;
  phone?: string;
  caseNumber?: string;
}

export interface AdvancedApi {
  /** Makes sure a token is held (signing in if needed); resolves with when it expires. */
  signIn(): Promise<Date>;
  caseTypes(): Promise<WireCaseType[]>;
  fields(caseTypeId: string): Promise<WireField[]>;
  statuses(): Promise<WireStatus[]>;
  /** Leads modified from `from` (null: from the first), at most `limit`, oldest first. */
  modifiedLeads(from: ModifiedFrom | null, limit: number): Promise<{ leads: WireLead[]; hasMore: boolean }>;
  /** Leads matching one lookup key. */
  searchLeads(lookup: LeadLookup): Promise<WireLead[]>;
}

export interface AdvancedApiDeps {
  http: CrmHttpDeps;
  base: string;
  credentials: LawRulerCredentials;
  clock: Clock;
}

interface Token {
  value: string;
  expiresAt: number;
  /** When to sign in again: a minute (or a tenth of a short lifetime) early, so it never runs out mid-call. */
  renewAt: number;
}

const RENEW_BEFORE_MS = 60_000;
const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

/** The Advanced API of one portal, with its token. */
export function createAdvancedApi(deps: AdvancedApiDeps): AdvancedApi {
  const { base, credentials, clock, http } = deps;
  let token: Token | null = null;
  let exchanging: Promise<Token> | null = null;

  const exchange = async (): Promise<Token> => {
    const operation = 'sign in';
    const body = new URLSearchParams({
      grant_type: 'password',
      username: credentials.username,
      password: credentials.password,
      client_id: credentials.clientRoot,
      client_secret: credentials.clientSecret,
      key: credentials.key,
    });
    const answer = await crmHttp(http, { operation, method: 'POST', url: `${base}/api/v1/token`, headers: { 'content-type': FORM, accept: 'application/json' }, body: body.toString() });
    const read = readAnswer(answer, tokenAnswer, { operation, signIn: true });
    const lifetime = read.expires_in * 1000;
    const expiresAt = clock.now().getTime() + lifetime;
    return { value: read.access_token, expiresAt, renewAt: expiresAt - Math.min(RENEW_BEFORE_MS, lifetime / 10) };
  };

  /** A token not due for renewal; one exchange at a time, shared by concurrent calls. */
  const current = async (): Promise<Token> => {
    if (token && clock.now().getTime() < token.renewAt) return token;
    exchanging ??= exchange().finally(() => (exchanging = null));
    token = await exchanging;
    return token;
  };

  /** Sends with a token; on 401 drops that token and tries once more with a new one. */
  const authorized = async (send: (bearer: string) => Promise<CrmHttpAnswer>): Promise<CrmHttpAnswer> => {
    const used = await current();
    const answer = await send(used.value);
    if (answer.status !== 401) return answer;
    if (token === used) token = null;
    return send((await current()).value);
  };

  const get = async <T>(operation: string, path: string, schema: z.ZodType<T>, query?: URLSearchParams): Promise<T> => {
    const url = `${base}${path}${query ? `?${query.toString()}` : ''}`;
    const answer = await authorized((bearer) => crmHttp(http, { operation, method: 'GET', url, headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } }));
    return readAnswer(answer, schema, { operation });
  };

  return {
    async signIn() {
      return new Date((await current()).expiresAt);
    },
    caseTypes: async () => (await get('load case types', '/api/v1/case-types', caseTypesAnswer)).CaseTypes,
    fields: async (caseTypeId) => (await get(`load the fields of case type ${caseTypeId}`, `/api/v1/case-types/${encodeURIComponent(caseTypeId)}/fields`, fieldsAnswer)).Fields,
    statuses: async () => (await get('load statuses', '/api/v1/statuses', statusesAnswer)).Statuses,

    async modifiedLeads(from, limit) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (from) query.set('since', from.since);
      if (from?.afterId) query.set('afterId', from.afterId);
      const read = await get('list changed leads', '/api/v1/leads/modified', modifiedLeadsAnswer, query);
      return { leads: read.Leads, hasMore: read.HasMore };
    },

    async searchLeads(lookup) {
      const operation = 'look up leads';
      const body = new URLSearchParams(Object.entries(lookup).filter((e): e is [string, string] => typeof e[1] === 'string'));
      const url = `${base}/api/v1/leads/search`;
      const answer = await authorized((bearer) =>
        crmHttp(http, { operation, method: 'POST', url, headers: { authorization: `Bearer ${bearer}`, 'content-type': FORM, accept: 'application/json' }, body: body.toString() }),
      );
      return readAnswer(answer, searchLeadsAnswer, { operation }).Leads;
    },
  };
}
