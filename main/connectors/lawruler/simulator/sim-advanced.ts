// The simulated Advanced API, exactly as ../advanced-api.ts ASSUMES it: a password-grant token endpoint taking all
// five secrets (an unknown Client Root is an unknown portal: 404), bearer tokens that expire, the catalog per case
// type, statuses, the (modified time, id) listing, and look-ups.
import { randomBytes } from 'node:crypto';
import type { SimExchange } from '../../crm/simulator/sim-server';
import { formValue } from './sim-form';
import { wireLead } from './sim-leads';
import { ERROR_IN_200, MALFORMED, sendJson, type SimPortal } from './sim-portal';

export type AdvancedRoute =
  | { name: 'token' }
  | { name: 'caseTypes' }
  | { name: 'fields'; caseTypeId: string }
  | { name: 'statuses' }
  | { name: 'listModified' }
  | { name: 'search' };

/** The route of an Advanced API path, or null. */
export function advancedRoute(method: string, path: string): AdvancedRoute | null {
  if (method === 'POST' && path === '/api/v1/token') return { name: 'token' };
  if (method === 'GET' && path === '/api/v1/case-types') return { name: 'caseTypes' };
  const fields = /^\/api\/v1\/case-types\/([^/]+)\/fields$/.exec(path);
  if (method === 'GET' && fields) return { name: 'fields', caseTypeId: decodeURIComponent(fields[1]!) };
  if (method === 'GET' && path === '/api/v1/statuses') return { name: 'statuses' };
  if (method === 'GET' && path === '/api/v1/leads/modified') return { name: 'listModified' };
  if (method === 'POST' && path === '/api/v1/leads/search') return { name: 'search' };
  return null;
}

const CATALOG_ROUTES = new Set(['caseTypes', 'fields', 'statuses']);
const MAX_LIMIT = 500;

function signIn(portal: SimPortal, ex: SimExchange): void {
  const form = new URLSearchParams(ex.body);
  const c = portal.credentials;
  if (formValue(form, 'client_id')?.toLowerCase() !== c.clientRoot.toLowerCase()) return sendJson(ex.res, 404, { error: 'portal not found' });
  const good =
    formValue(form, 'grant_type') === 'password' &&
    formValue(form, 'username') === c.username &&
    formValue(form, 'password') === c.password &&
    formValue(form, 'client_secret') === c.clientSecret &&
    formValue(form, 'key') === c.key;
  if (!good) return sendJson(ex.res, 400, { error: 'invalid_grant', error_description: 'The user name, password, client secret or key is incorrect.' });
  const token = `sim-${randomBytes(16).toString('hex')}`;
  portal.tokens.set(token, portal.now() + portal.tokenTtlMs);
  sendJson(ex.res, 200, { access_token: token, token_type: 'bearer', expires_in: Math.round(portal.tokenTtlMs / 1000) });
}

function bearerValid(portal: SimPortal, ex: SimExchange): boolean {
  const token = /^Bearer (.+)$/i.exec(ex.req.headers.authorization ?? '')?.[1];
  const expires = token === undefined ? undefined : portal.tokens.get(token);
  return expires !== undefined && portal.now() < expires;
}

export function handleAdvanced(portal: SimPortal, ex: SimExchange, route: AdvancedRoute): void {
  // Faults of the API's answers are played on its signed-in calls, not on signing in (as at SmartAdvocate's).
  if (route.name === 'token') return signIn(portal, ex);
  if (!bearerValid(portal, ex)) return sendJson(ex.res, 401, { error: 'invalid_token', message: 'The access token is missing, invalid or expired.' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
  if (ex.play('error_in_200')) return sendJson(ex.res, 200, ERROR_IN_200);
  if (ex.play('malformed')) return sendJson(ex.res, 200, MALFORMED);
  if (CATALOG_ROUTES.has(route.name) && ex.play('catalog_fails')) return sendJson(ex.res, 500, { success: false, error: 'Form builder unavailable.' });
  const { catalog, leads } = portal;

  switch (route.name) {
    case 'caseTypes':
      return sendJson(ex.res, 200, { success: true, CaseTypes: catalog.caseTypes.map((t) => ({ CaseTypeID: t.id, Name: t.name })) });
    case 'statuses':
      return sendJson(ex.res, 200, { success: true, Statuses: catalog.statuses.map((s) => ({ StatusID: s.id, Name: s.name })) });
    case 'fields': {
      const caseTypeId = Number(route.caseTypeId);
      if (!catalog.caseTypes.some((t) => t.id === caseTypeId)) return sendJson(ex.res, 200, { success: false, error: `Case type ${route.caseTypeId} not found.` });
      const fields = catalog.fields.filter((f) => f.caseTypeIds.includes(caseTypeId));
      return sendJson(ex.res, 200, { success: true, Fields: fields.map((f) => ({ FieldID: f.id, Name: f.name, Type: f.type, Options: f.options })) });
    }
    case 'listModified': {
      const q = ex.url.searchParams;
      const limit = Number(q.get('limit') ?? '100');
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return sendJson(ex.res, 400, { success: false, error: `limit must be 1 to ${MAX_LIMIT}.`, field: 'limit' });
      const since = q.get('since');
      const sinceMs = since === null ? null : Date.parse(since);
      if (sinceMs !== null && Number.isNaN(sinceMs)) return sendJson(ex.res, 400, { success: false, error: 'since must be an ISO date-time.', field: 'since' });
      const afterId = q.get('afterId');
      const page = leads.modifiedFrom(sinceMs, afterId === null ? null : Number(afterId), limit);
      return sendJson(ex.res, 200, { success: true, Leads: page.leads.map((l) => wireLead(l, catalog)), HasMore: page.hasMore });
    }
    case 'search': {
      const form = new URLSearchParams(ex.body);
      const by = {
        tag: formValue(form, 'tag') ?? undefined,
        email: formValue(form, 'email') ?? undefined,
        phone: formValue(form, 'phone') ?? undefined,
        caseNumber: formValue(form, 'caseNumber') ?? undefined,
      };
      if (Object.values(by).every((v) => v === undefined)) return sendJson(ex.res, 400, { success: false, error: 'Give tag, email, phone or caseNumber.' });
      return sendJson(ex.res, 200, { success: true, Leads: leads.search(by).map((l) => wireLead(l, catalog)) });
    }
  }
}
