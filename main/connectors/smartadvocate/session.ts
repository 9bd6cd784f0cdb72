// The signed-in session with SmartAdvocate: `POST /Users/authenticate` gives a JWT (about two hours), sent as a
// bearer token. A new one is asked for shortly before the old one expires, and once when a request is answered
// 401 (the token expired early, or was revoked); a second 401 right after signing in again is `auth`.
// Concurrent calls share one sign-in.
import { z } from 'zod';
import type { Clock } from '../../kernel';
import { crmHttp, type CrmHttpAnswer, type CrmHttpDeps } from '../crm/crm-http';
import { isCrmError } from '../crm/errors';
import { readAnswer, refusal, saError } from './read-answer';
import { authenticateAnswerSchema } from './wire-public';

export interface SessionOptions {
  http: CrmHttpDeps;
  apiBase: string;
  username: string;
  password: string;
  clock: Clock;
}

export interface ApiRequest {
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below the API base, query included: `/case/CaseInfo?Casenumber=9000002`. */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Default application/json (a JSON Patch says application/json-patch+json). */
  contentType?: string;
  /** A write: without an answer its outcome is unknown. */
  write?: boolean;
}

export interface SignedIn {
  username: string;
  userID: number;
}

export interface Session {
  /** Signs in now (Test connection's first check); throws `auth` for refused credentials. */
  signIn(): Promise<SignedIn>;
  /** Sends `req` with a valid token; the answer is any but 401 (and but 429 / 5xx, which crmHttp throws). */
  send(req: ApiRequest): Promise<CrmHttpAnswer>;
}

/** The documented lifetime, used when a token's own claims don't say. */
const DOCUMENTED_LIFETIME_MS = 2 * 60 * 60 * 1000;
const MAX_REFRESH_MARGIN_MS = 5 * 60 * 1000;

const jwtClaimsSchema = z.object({ exp: z.number().optional(), iat: z.number().optional(), nbf: z.number().optional() });

interface Token {
  value: string;
  who: SignedIn;
  /** When to sign in again rather than use it (our clock). */
  refreshAtMs: number;
}

export function createSession(options: SessionOptions): Session {
  const { clock, http } = options;
  let token: Token | null = null;
  let pending: Promise<Token> | null = null;

  const authenticate = async (): Promise<Token> => {
    const operation = 'sign in';
    const answer = await crmHttp(http, {
      operation,
      method: 'POST',
      url: `${options.apiBase}/Users/authenticate`,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ Username: options.username, Password: options.password }),
    });
    if (answer.status === 404) {
      throw saError(
        { kind: 'bad_response', operation, status: 404, path: '(address)' },
        `${options.apiBase} has no SmartAdvocate CaseSync API (its sign-in answered 404): check the SmartAdvocate address.`,
      );
    }
    if (answer.status === 400 || answer.status === 401 || answer.status === 403) throw refusedCredentials(refusal(answer, { operation }).crmDetails.crmMessage);
    let signedIn: z.output<typeof authenticateAnswerSchema>;
    try {
      signedIn = readAnswer(answer, authenticateAnswerSchema, { operation });
    } catch (error) {
      // A 200 carrying a failure is a refused sign-in, not a refused value.
      if (isCrmError(error, 'rejected')) throw refusedCredentials(error.crmDetails.crmMessage);
      throw error;
    }
    const receivedMs = clock.now().getTime();
    const lifetime = lifetimeMs(signedIn.token, receivedMs) ?? DOCUMENTED_LIFETIME_MS;
    const margin = Math.min(MAX_REFRESH_MARGIN_MS, lifetime / 10);
    return { value: signedIn.token, who: { username: signedIn.username, userID: signedIn.userID }, refreshAtMs: receivedMs + lifetime - margin };
  };

  const refusedCredentials = (crmMessage: string | undefined) =>
    saError(
      { kind: 'auth', operation: 'sign in', ...(crmMessage ? { crmMessage } : {}) },
      `SmartAdvocate refused the user name or password of "${options.username}"${crmMessage ? ` ("${crmMessage}")` : ''}.`,
    );

  /** A fresh token, unless another call already replaced `stale`. */
  const renew = (stale: Token | null): Promise<Token> => {
    if (token !== null && token !== stale && clock.now().getTime() < token.refreshAtMs) return Promise.resolve(token);
    pending ??= authenticate().then(
      (fresh) => {
        token = fresh;
        pending = null;
        return fresh;
      },
      (error: unknown) => {
        token = null;
        pending = null;
        throw error;
      },
    );
    return pending;
  };

  const current = (): Promise<Token> => (token !== null && clock.now().getTime() < token.refreshAtMs ? Promise.resolve(token) : renew(token));

  const sendWith = (req: ApiRequest, value: string) =>
    crmHttp(http, {
      operation: req.operation,
      method: req.method,
      url: `${options.apiBase}${req.path}`,
      headers: {
        authorization: `Bearer ${value}`,
        accept: 'application/json',
        ...(req.body === undefined ? {} : { 'content-type': req.contentType ?? 'application/json' }),
      },
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
      ...(req.write ? { write: true } : {}),
    });

  return {
    async signIn() {
      return (await renew(null)).who;
    },
    async send(req) {
      const used = await current();
      const answer = await sendWith(req, used.value);
      if (answer.status !== 401) return answer;
      // A 401 means the request was not applied, so sending it again is safe even for a write.
      const fresh = await renew(used);
      const again = await sendWith(req, fresh.value);
      if (again.status !== 401) return again;
      throw saError(
        { kind: 'auth', operation: req.operation, status: 401 },
        `SmartAdvocate refused the sign-in of "${options.username}" to ${req.operation}, even just after signing in again.`,
      );
    },
  };
}

/**
 * How long a JWT lasts, from its own claims: exp − iat (server times, so a skewed clock here doesn't matter),
 * else exp − now; null when it carries no readable exp.
 */
function lifetimeMs(token: string, nowMs: number): number | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  let claims: z.output<typeof jwtClaimsSchema>;
  try {
    const parsed = jwtClaimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    claims = parsed.data;
  } catch {
    return null;
  }
  if (claims.exp === undefined) return null;
  const start = claims.iat ?? claims.nbf;
  return start === undefined ? claims.exp * 1000 - nowMs : (claims.exp - start) * 1000;
}
