// Reads one Cal.com answer into a typed value or a SchedulingError: the status and the error envelope first
// (`{"status":"error","error":{"code","message"}}`), then JSON, then the schema. Booking failures all come as 400
// with a message (external-apis.md: there is no 409), so the message decides between slot taken, outside the
// booking window and in the past; the patterns are the ASSUMED part (README.md, "ASSUMED" 2).
import type { z } from 'zod';
import type { CalcomHttpAnswer } from './calcom-http';
import { SchedulingError, type SchedulingErrorKind } from './scheduling-error';
import { errorEnvelopeSchema } from './wire-schemas';

export interface AnswerContext {
  /** What was being done, for messages: "book", "load event type 501". */
  operation: string;
  /** What a 404 means here, for the message: "event type 501", "booking abc". */
  subject?: string;
}

const SLOT_TAKEN = /already has booking|not available|no_available_users|no available users|slot.*(taken|unavailable)/i;
const IN_THE_PAST = /\bin the past\b/i;
const OUTSIDE_WINDOW = /out_of_bounds|out of bounds|booking window|outside.*window|minimum (booking )?notice|too (soon|far)/i;
const EXPIRED = /expired/i;

const fail = (ctx: AnswerContext, kind: SchedulingErrorKind, message: string, extra: { status?: number; providerMessage?: string; path?: string; expired?: boolean } = {}) =>
  new SchedulingError({ provider: 'calcom', kind, operation: ctx.operation, ...extra }, message);

/** Cal.com's message in an error answer: the envelope's, else the body itself (shortened). */
function messageOf(text: string): string | undefined {
  try {
    const envelope = errorEnvelopeSchema.safeParse(JSON.parse(text));
    if (envelope.success) return envelope.data.error.message ?? envelope.data.error.code;
  } catch {
    // not JSON: a proxy's page, or nothing
  }
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed.slice(0, 300);
}

/** The SchedulingError for a 4xx answer. */
export function errorFor(ctx: AnswerContext, answer: CalcomHttpAnswer): SchedulingError {
  const said = messageOf(answer.text);
  const extra = { status: answer.status, ...(said ? { providerMessage: said } : {}) };
  const quoted = said ? `: "${said}"` : '';
  if (answer.status === 401) {
    const expired = said !== undefined && EXPIRED.test(said);
    return fail(
      ctx,
      'invalid_key',
      expired
        ? `Cal.com refused the API key: it has expired${quoted}. Create a new key in Cal.com (Settings → Developer → API keys) and enter it here.`
        : `Cal.com refused the API key${quoted}. Check that it was copied whole (it starts with cal_), or create a new one in Cal.com (Settings → Developer → API keys).`,
      { ...extra, expired },
    );
  }
  if (answer.status === 404) {
    return fail(ctx, 'not_found', `Cal.com has no ${ctx.subject ?? 'such item'} for this API key (${ctx.operation})${quoted}.`, extra);
  }
  if (answer.status === 400 && said) {
    if (IN_THE_PAST.test(said)) return fail(ctx, 'in_the_past', `Cal.com refused to ${ctx.operation}: the time is in the past${quoted}. Pick a later slot.`, extra);
    if (OUTSIDE_WINDOW.test(said)) return fail(ctx, 'outside_window', `Cal.com refused to ${ctx.operation}: the time is too soon or too far ahead for this event type's booking window${quoted}. Pick another slot.`, extra);
    if (SLOT_TAKEN.test(said)) return fail(ctx, 'slot_taken', `Cal.com refused to ${ctx.operation}: that time is no longer free${quoted}. Offer the next free slots.`, extra);
  }
  return fail(ctx, 'rejected', `Cal.com refused to ${ctx.operation} (HTTP ${answer.status})${quoted}.`, extra);
}

/** The answer read with `schema`, or the SchedulingError it amounts to. */
export function readAnswer<S extends z.ZodType>(ctx: AnswerContext, answer: CalcomHttpAnswer, schema: S): z.output<S> {
  if (answer.status >= 400) throw errorFor(ctx, answer);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw fail(ctx, 'bad_response', `Cal.com answered ${ctx.operation} with something that is not JSON (HTTP ${answer.status}): "${answer.text.slice(0, 120)}". Check the Cal.com address: it should be the API's (e.g. https://api.cal.com).`, {
      status: answer.status,
      path: '(body)',
    });
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.length === 0 ? '(body)' : issue.path.map(String).join('.');
  throw fail(ctx, 'bad_response', `Cal.com answered ${ctx.operation} in a shape the console doesn't know: at ${path}, ${issue.message}.`, { status: answer.status, path });
}
