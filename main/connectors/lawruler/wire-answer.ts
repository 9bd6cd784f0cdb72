// Reads one LawRuler answer into a typed value or a CrmError: the HTTP status (401 bad key, 403 not permitted, 404
// unknown portal, per external-apis.md), then the body as JSON, then a failure dressed as a 200 (`success`/`ok`
// false, a `status` of error/failed, a non-empty `error(s)`), then the schema. Nothing is guessed: an answer that
// fits none of these is `bad_response` with the path that broke.
import type { z } from 'zod';
import type { CrmHttpAnswer } from '../crm/crm-http';
import { CrmError, type CrmErrorKind } from '../crm/errors';

export interface AnswerContext {
  /** What was being done, for messages: "read lead 12", "create a lead". */
  operation: string;
  /** The token exchange: a 400 or 401 there means the credentials were refused. */
  signIn?: boolean;
}

/** A failure LawRuler reported in its body: its message, and the field it names where it names one (ASSUMED key). */
export interface WireFailure {
  message: string;
  field?: string;
}

const crmError = (ctx: AnswerContext, kind: CrmErrorKind, message: string, extra: { status?: number; crmMessage?: string; field?: string; path?: string } = {}) =>
  new CrmError({ crm: 'lawruler', kind, operation: ctx.operation, ...extra }, message);

/** The value of `key` in `obj`, its case ignored (the public client is lower-case; .NET often answers PascalCase). */
function pick(obj: Record<string, unknown>, key: string): unknown {
  const found = Object.keys(obj).find((k) => k.toLowerCase() === key);
  return found === undefined ? undefined : obj[found];
}

const nonEmpty = (v: unknown) =>
  v === true || (typeof v === 'string' && v.trim() !== '') || (Array.isArray(v) && v.length > 0) || (typeof v === 'object' && v !== null && Object.keys(v).length > 0);

function describe(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (Array.isArray(v)) return v.map((x) => describe(x) ?? JSON.stringify(x)).join('; ');
  if (typeof v === 'object' && v !== null) {
    const obj = v as Record<string, unknown>;
    return describe(pick(obj, 'message')) ?? JSON.stringify(v);
  }
  return null;
}

/** The failure a parsed body reports, or null when it reports none. */
export function failureIn(body: unknown): WireFailure | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const obj = body as Record<string, unknown>;
  const flag = (key: string) => {
    const v = pick(obj, key);
    return v === false || (typeof v === 'string' && v.toLowerCase() === 'false');
  };
  // `status` is read lower-case only: a lead's own `Status` (e.g. a firm's status named "Failed") is not a failure.
  const status = obj.status;
  const failed =
    flag('success') || flag('ok') || (typeof status === 'string' && /^(error|failed|failure)$/i.test(status)) || nonEmpty(pick(obj, 'error')) || nonEmpty(pick(obj, 'errors'));
  if (!failed) return null;
  const message =
    describe(pick(obj, 'error')) ?? describe(pick(obj, 'errors')) ?? describe(pick(obj, 'message')) ?? describe(pick(obj, 'error_description')) ?? 'no reason given';
  const field = pick(obj, 'field');
  return typeof field === 'string' && field !== '' ? { message, field } : { message };
}

const LEAD_NOT_FOUND = /\blead\b.*\b(not found|does not exist|doesn't exist)\b|\bno (such )?lead\b/i;
const KEY_REFUSED = /\b(invalid|wrong|bad|missing)\b.*\b(key|api key|credentials|password|token)\b|\bunauthori[sz]ed\b|\binvalid_(grant|client)\b/i;

/** The CrmError for a failure LawRuler reported: a missing lead, refused credentials, else a refused value. */
export function failureError(ctx: AnswerContext, failure: WireFailure, status?: number): CrmError {
  const extra = { status, crmMessage: failure.message, field: failure.field };
  if (!failure.field && LEAD_NOT_FOUND.test(failure.message)) return crmError(ctx, 'not_found', `LawRuler has no such lead (${ctx.operation}): "${failure.message}".`, extra);
  if (ctx.signIn || (!failure.field && KEY_REFUSED.test(failure.message))) {
    return crmError(ctx, 'auth', `LawRuler refused the credentials (${ctx.operation}): "${failure.message}". Check the Username, Password, Client Secret and Key.`, extra);
  }
  const on = failure.field ? ` ${failure.field}` : '';
  return crmError(ctx, 'rejected', `LawRuler refused${on} (${ctx.operation}): "${failure.message}".`, extra);
}

function parseJson(ctx: AnswerContext, answer: CrmHttpAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    const looksMarkup = answer.text.trimStart().startsWith('<');
    const what = looksMarkup ? 'XML or an HTML page' : 'text that is not JSON';
    return crmError(ctx, 'bad_response', `LawRuler answered ${ctx.operation} with ${what}, not the JSON asked for with ReturnJSON=True (a proxy's page, or a changed API).`, {
      status: answer.status,
      path: '(body)',
      crmMessage: answer.text.slice(0, 200) || undefined,
    });
  }
}

/** The status an answer carries, as a CrmError when it is a refusal; null for 2xx. */
function statusError(ctx: AnswerContext, answer: CrmHttpAnswer): CrmError | null {
  const { status } = answer;
  if (status >= 200 && status < 300) return null;
  let body: unknown = null;
  try {
    body = JSON.parse(answer.text);
  } catch {
    // A refusal without a JSON body still has its status.
  }
  const reported = failureIn(body);
  const crmMessage = reported?.message ?? (answer.text.slice(0, 200) || undefined);
  if (status === 401 || (ctx.signIn && status === 400)) {
    return crmError(ctx, 'auth', `LawRuler refused the credentials (HTTP ${status}) to ${ctx.operation}. Check the Username, Password, Client Secret and Key.`, { status, crmMessage });
  }
  if (status === 403) return crmError(ctx, 'auth', `LawRuler says the API user is not permitted to ${ctx.operation} (HTTP 403).`, { status, crmMessage });
  if (status === 404) {
    return crmError(ctx, 'not_found', `LawRuler answered 404 to ${ctx.operation}: portal not found (check Client Root).`, { status, crmMessage });
  }
  if (reported) return failureError(ctx, reported, status);
  return crmError(ctx, 'rejected', `LawRuler refused to ${ctx.operation} (HTTP ${status}).`, { status, crmMessage });
}

/** The answer's body as `schema` describes it, or the CrmError saying why not. */
export function readAnswer<T>(answer: CrmHttpAnswer, schema: z.ZodType<T>, ctx: AnswerContext): T {
  const refused = statusError(ctx, answer);
  if (refused) throw refused;
  const body = parseJson(ctx, answer);
  if (body instanceof CrmError) throw body;
  const failure = failureIn(body);
  if (failure) throw failureError(ctx, failure, answer.status);
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.') || '(root)';
  throw crmError(ctx, 'bad_response', `LawRuler answered ${ctx.operation} in a shape the console does not know: at ${path}, ${issue.message}.`, { status: answer.status, path });
}
