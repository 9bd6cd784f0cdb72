// What the simulator's routes share: the catalog, the cases, the users and tokens, the clock, counters; and the
// shape of a route and of its reply.
import type { SimCatalog } from './sim-catalog';
import type { SimCases } from './sim-cases';
import type { TokenIssuer } from './sim-tokens';
import type { WireLookups } from './sim-wire';

export interface SimUser {
  username: string;
  password: string;
  userID: number;
}

export interface SimContext {
  catalog: SimCatalog;
  /** Name look-ups of the current catalog. */
  lookups(): WireLookups;
  /** The catalog changed (a UDF renamed or deleted): look-ups are rebuilt. */
  catalogChanged(): void;
  cases: SimCases;
  users: SimUser[];
  tokens: TokenIssuer;
  nowMs(): number;
  /** Ids of cases created through the API, in order. */
  created: string[];
  nextCreatedSerial(): number;
  nextNoteId(): number;
}

export interface SimReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteRequest {
  /** The parsed JSON body (undefined when none). */
  body: unknown;
  /** A query parameter, by name regardless of case (as ASP.NET binds them). */
  query(name: string): string | null;
  /** The route pattern's captures (ids). */
  params: string[];
  /** The signed-in user (routes that need a token). */
  userID: number | null;
}

export interface SimRoute {
  method: string;
  /** Matched against the path below /CaseSyncAPI, ignoring case. */
  pattern: RegExp;
  operation: string;
  /** Needs a bearer token. */
  auth: boolean;
  /** Changes state: its answer can be dropped after it was applied. */
  write: boolean;
  /** The UDF listing: the one `catalog_fails` fails. */
  fieldListing?: boolean;
  handle(ctx: SimContext, req: RouteRequest): SimReply;
}

export const json = (body: unknown, status = 200): SimReply => ({ status, body });
export const noContent = (): SimReply => ({ status: 204 });
export const notFound = (message: string): SimReply => ({ status: 404, body: { message } });

/** ASP.NET Core's validation answer, naming the refused field. */
export const problem = (field: string, message: string): SimReply => ({
  status: 400,
  body: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1', title: 'One or more validation errors occurred.', status: 400, errors: { [field]: [message] } },
});

/** A property of a JSON object by name regardless of case (ASP.NET's model binding). */
export function prop(body: unknown, name: string): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (body as Record<string, unknown>)[key];
}

/** A date-time the way the API reads one: ISO, a time without a zone is UTC. NaN when not one. */
export function parseWireTime(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return NaN;
  return Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`);
}
