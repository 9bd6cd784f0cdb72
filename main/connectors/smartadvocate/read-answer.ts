// What a SmartAdvocate answer means: a 2xx is read with its zod schema (a mismatch is `bad_response` naming the
// path), and checked first for the failure envelope SmartAdvocate may send with a 200 (ASSUMED:
// `{"success": false, "message"}`); 400 / 409 / 422 are `rejected` (ASP.NET's validation problem names the field),
// 403 is a permission the integration user lacks, 404 `not_found`. 429, 5xx and transport failures were typed by
// crmHttp already; 401 by the session.
import { z } from 'zod';
import type { CrmHttpAnswer } from '../crm/crm-http';
import { CrmError, type CrmErrorDetails } from '../crm/errors';

export interface AnswerContext {
  /** What was being done: "read case 123", "update the status of case 123". */
  operation: string;
  /** For a refusal whose answer names no field: the CRM's name for what was sent. */
  field?: string;
}

type SaDetails = Omit<CrmErrorDetails, 'crm'>;

/** A CrmError of SmartAdvocate's. */
export const saError = (details: SaDetails, message: string, cause?: unknown): CrmError =>
  new CrmError({ crm: 'smartadvocate', ...details }, message, cause);

const failureEnvelopeSchema = z.object({ success: z.literal(false), message: z.string().nullish() });
const messageSchema = z.object({ message: z.string() });
/** ASP.NET Core's ProblemDetails, as its model validation answers. */
const problemSchema = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});

/** Reads a 2xx answer with `schema`; throws a CrmError for any other answer or a body of another shape. */
export function readAnswer<S extends z.ZodType>(answer: CrmHttpAnswer, schema: S, ctx: AnswerContext): z.output<S> {
  const body = readOk(answer, ctx);
  if (body === undefined) throw badShape(ctx, answer.status, '(body)', 'the answer was empty');
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badShape(ctx, answer.status, issue.path.map(String).join('.') || '(root)', issue.message);
  }
  return parsed.data;
}

/** Checks an answer that carries nothing we need (a write's 200 / 204); throws like readAnswer. */
export function readNoContent(answer: CrmHttpAnswer, ctx: AnswerContext): void {
  readOk(answer, ctx);
}

/** The parsed JSON body of a 2xx answer (undefined when empty), after the failure-envelope check. */
function readOk(answer: CrmHttpAnswer, ctx: AnswerContext): unknown {
  if (answer.status < 200 || answer.status >= 300) throw refusal(answer, ctx);
  if (answer.text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw saError(
      { kind: 'bad_response', operation: ctx.operation, status: answer.status, path: '(body)', crmMessage: answer.text.slice(0, 120) },
      `SmartAdvocate answered ${ctx.operation} with something that is not JSON (is the address that of its CaseSync API?).`,
    );
  }
  // Checked by hand first: a page of a thousand cases is not a failure, and needn't go through a schema to say so.
  const failure = isObject(body) && body.success === false ? failureEnvelopeSchema.safeParse(body) : null;
  if (failure?.success) {
    const crmMessage = failure.data.message ?? 'no message';
    throw saError(
      { kind: 'rejected', operation: ctx.operation, status: answer.status, crmMessage, ...(ctx.field ? { field: ctx.field } : {}) },
      `SmartAdvocate did not ${ctx.operation}: "${crmMessage}" (it answered 200, with a failure).`,
    );
  }
  return body;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The CrmError of a non-2xx answer that crmHttp left to us. */
export function refusal(answer: CrmHttpAnswer, ctx: AnswerContext): CrmError {
  const { message, field } = describeBody(answer.text);
  const status = answer.status;
  const said = message ? `: "${message}"` : '';
  if (status === 401) {
    return saError({ kind: 'auth', operation: ctx.operation, status, ...(message ? { crmMessage: message } : {}) }, `SmartAdvocate refused the sign-in to ${ctx.operation}${said}.`);
  }
  if (status === 403) {
    return saError(
      { kind: 'rejected', operation: ctx.operation, status, crmMessage: message ?? 'forbidden', ...(ctx.field ? { field: ctx.field } : {}) },
      `The SmartAdvocate user may not ${ctx.operation}${said}: a SmartAdvocate administrator can grant the integration user that permission.`,
    );
  }
  if (status === 404) {
    return saError({ kind: 'not_found', operation: ctx.operation, status, ...(message ? { crmMessage: message } : {}) }, `SmartAdvocate has nothing to ${ctx.operation}${said}.`);
  }
  if (status === 400 || status === 409 || status === 422) {
    const refused = field ?? ctx.field;
    return saError(
      { kind: 'rejected', operation: ctx.operation, status, crmMessage: message ?? `HTTP ${status}`, ...(refused ? { field: refused } : {}) },
      `SmartAdvocate refused to ${ctx.operation}${refused ? ` (${refused})` : ''}${said}.`,
    );
  }
  return saError(
    { kind: 'bad_response', operation: ctx.operation, status, path: '(status)', ...(message ? { crmMessage: message } : {}) },
    `SmartAdvocate answered ${ctx.operation} with HTTP ${status}${said}, which the console does not expect.`,
  );
}

/** The CRM's own words in an error body: a ProblemDetails' first field and messages, `{message}`, or short text. */
function describeBody(text: string): { message?: string; field?: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const trimmed = text.trim();
    return trimmed === '' || trimmed.startsWith('<') ? {} : { message: trimmed.slice(0, 300) };
  }
  const problem = problemSchema.safeParse(body);
  if (problem.success && problem.data.errors) {
    const [field, messages] = Object.entries(problem.data.errors)[0] ?? [];
    if (field !== undefined) return { field, message: (messages ?? []).join(' ') || problem.data.title };
  }
  const plain = messageSchema.safeParse(body);
  if (plain.success) return { message: plain.data.message };
  if (problem.success) return { message: problem.data.detail ?? problem.data.title };
  return {};
}

function badShape(ctx: AnswerContext, status: number, path: string, issue: string): CrmError {
  return saError(
    { kind: 'bad_response', operation: ctx.operation, status, path },
    `SmartAdvocate answered ${ctx.operation} in a shape the console does not know (at ${path}: ${issue}); its API may have changed.`,
  );
}
