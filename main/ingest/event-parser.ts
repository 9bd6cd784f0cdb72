// Turns a posted body (one event, or `{events: [...]}`) into validated events, or into every problem found,
// each named once by its path, so that a batch is refused whole with a list the sender can fix in one go. The
// case and client an event names are checked against the workspace even when the event is malformed otherwise.
import { z } from 'zod';
import { EVENT_TYPES, eventEnvelopeShape, ingestEventSchemas, isEventType, type IngestEvent } from '../../shared/domain/events';
import { AppError, describeIssues, type FieldIssue } from '../../shared/result';
import { fieldIssues, formatPath, type PathPart } from './field-issues';

export const MAX_BATCH = 500;

/** The records an event names, as far as they are well-formed. */
export type EventRefs = Partial<Pick<IngestEvent, 'case_id' | 'case_ref' | 'client_id' | 'client_ref'>>;

export interface ParsedItem {
  /** The event, when it is well-formed. */
  event?: IngestEvent;
  /** Its case and client references that are well-formed on their own. */
  refs: EventRefs;
  /** An unknown (or missing) event type: 422 when it is the only kind of problem. */
  typeIssue?: FieldIssue;
  /** Missing or malformed fields: 400. */
  issues: FieldIssue[];
}

export interface ParsedBody {
  /** True when the body was `{events: [...]}` (the answer then lists ids). */
  batch: boolean;
  items: ParsedItem[];
  /** Where item `i`'s fields are: `events[i]` in a batch, the top level otherwise. */
  prefix(i: number): string;
}

/** The envelope without its type-specific data: checked when the type itself is unknown. */
const envelopeOnly = z.strictObject({ ...eventEnvelopeShape, type: z.unknown().optional(), data: z.looseObject({}) });
const REF_FIELDS = ['case_id', 'case_ref', 'client_id', 'client_ref'] as const;

/** Each reference field that parses on its own. */
function refsOf(raw: Record<string, unknown>): EventRefs {
  const refs: Record<string, unknown> = {};
  for (const field of REF_FIELDS) {
    const parsed = eventEnvelopeShape[field].safeParse(raw[field]);
    if (parsed.success && parsed.data !== undefined && parsed.data !== null) refs[field] = parsed.data;
  }
  return refs as EventRefs;
}

/** Giving both the console's id and the external reference of the same record is ambiguous. */
function bothGiven(refs: EventRefs, prefix: PathPart[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (refs.case_id && refs.case_ref) issues.push({ path: formatPath([...prefix, 'case_ref']), message: 'give case_id or case_ref, not both' });
  if (refs.client_id && refs.client_ref) issues.push({ path: formatPath([...prefix, 'client_ref']), message: 'give client_id or client_ref, not both' });
  return issues;
}

function parseOne(raw: unknown, prefix: PathPart[]): ParsedItem {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { refs: {}, issues: [{ path: formatPath(prefix), message: 'expected an event object ({type, occurred_at, data, …})' }] };
  }
  const type = (raw as { type?: unknown }).type;
  if (isEventType(type)) {
    const parsed = ingestEventSchemas[type].safeParse(raw, { reportInput: true });
    if (parsed.success) {
      const event = parsed.data as IngestEvent;
      return { event, refs: event, issues: bothGiven(event, prefix) };
    }
    const refs = refsOf(raw as Record<string, unknown>);
    return { refs, issues: [...fieldIssues(parsed.error, prefix), ...bothGiven(refs, prefix)] };
  }
  const refs = refsOf(raw as Record<string, unknown>);
  const typeIssue = {
    path: formatPath([...prefix, 'type']),
    message: type === undefined ? `required; valid types: ${EVENT_TYPES.join(', ')}` : `unknown event type ${JSON.stringify(type)}; valid types: ${EVENT_TYPES.join(', ')}`,
  };
  const rest = envelopeOnly.safeParse(raw, { reportInput: true });
  const issues = [...(rest.success ? [] : fieldIssues(rest.error, prefix)), ...bothGiven(refs, prefix)];
  // A missing type is a malformed event (400); only a type the console doesn't know is a 422.
  return type === undefined ? { refs, issues: [typeIssue, ...issues] } : { refs, typeIssue, issues };
}

/**
 * Reads a posted body into one item per event, each with its own problems; throws only when the body is not an
 * event or a batch at all (400), or holds more than MAX_BATCH events (413).
 */
export function parseEventsBody(body: unknown): ParsedBody {
  const batch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'events' in body;
  let items: unknown[];
  if (batch) {
    const extra = Object.keys(body).filter((k) => k !== 'events');
    const list = (body as { events: unknown }).events;
    if (!Array.isArray(list) || extra.length > 0) {
      const issues = [
        ...(Array.isArray(list) ? [] : [{ path: 'events', message: 'expected a list of events' }]),
        ...extra.map((k) => ({ path: k, message: 'unknown field: a batch is {"events": [...]} only' })),
      ];
      throw new AppError('INVALID_INPUT', `Invalid batch: ${describeIssues(issues)}`, { issues });
    }
    if (list.length === 0) throw new AppError('INVALID_INPUT', 'The batch is empty: send 1 to 500 events.', { issues: [{ path: 'events', message: 'empty' }] });
    items = list;
  } else {
    items = [body];
  }
  if (items.length > MAX_BATCH) throw new BatchTooLargeError(items.length);
  const parts = (i: number): PathPart[] => (batch ? ['events', i] : []);

  const parsed = items.map((raw, i) => parseOne(raw, parts(i)));
  const seenIds = new Map<string, number>();
  parsed.forEach((item, i) => {
    const id = item.event?.id;
    if (id === undefined) return;
    const first = seenIds.get(id);
    if (first !== undefined) item.issues.push({ path: formatPath([...parts(i), 'id']), message: `same id as events[${first}]: each event in a batch needs its own id` });
    else seenIds.set(id, i);
  });
  return { batch, items: parsed, prefix: (i) => (batch ? formatPath(parts(i)) : '') };
}

/**
 * The events of a parsed body, or an AppError naming every problem of every event: malformed fields (400), or
 * only unknown event types and records the console doesn't have (422, with the valid types when one is unknown).
 * `refIssues[i]` are item i's references that match nothing.
 */
export function validEvents(parsed: ParsedBody, refIssues: readonly FieldIssue[][]): IngestEvent[] {
  const { batch, items } = parsed;
  const malformed = items.some((item) => item.issues.length > 0);
  const unknownTypes = items.filter((item) => item.typeIssue).length;
  const issues = items.flatMap((item, i) => [...(item.typeIssue ? [item.typeIssue] : []), ...item.issues, ...(refIssues[i] ?? [])]);
  if (issues.length === 0) return items.map((item) => item.event!);
  const invalid = batch
    ? `${new Set(issues.map((x) => x.path.replace(/^(events\[\d+\]).*/, '$1'))).size} of ${items.length} events are invalid; nothing was stored`
    : 'The event is invalid; nothing was stored';
  const what = malformed || unknownTypes > 0 ? invalid : `${batch ? 'The batch' : 'The event'} names records the console doesn't have; nothing was stored`;
  throw new AppError(malformed ? 'INVALID_INPUT' : 'UNPROCESSABLE', `${what}: ${describeIssues(issues)}`, {
    issues,
    ...(unknownTypes > 0 ? { valid: [...EVENT_TYPES] } : {}),
  });
}

/** More events in one batch than the API takes (413). */
export class BatchTooLargeError extends Error {
  constructor(readonly count: number) {
    super(`A batch holds at most ${MAX_BATCH} events; this one has ${count}. Split it into batches of ${MAX_BATCH} or fewer. Nothing was stored.`);
    this.name = 'BatchTooLargeError';
  }
}
