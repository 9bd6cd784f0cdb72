// Turns a posted body (one event, or `{events: [...]}`) into validated events, or into every problem found,
// each named by its path, so that a batch is refused whole with a list the sender can fix in one go.
import { z } from 'zod';
import { EVENT_TYPES, eventEnvelopeShape, ingestEventSchemas, isEventType, type IngestEvent } from '../../shared/domain/events';
import { AppError, describeIssues, type FieldIssue } from '../../shared/result';
import { fieldIssues, formatPath, type PathPart } from './field-issues';

export const MAX_BATCH = 500;

export interface ParsedBody {
  /** True when the body was `{events: [...]}` (the answer then lists ids). */
  batch: boolean;
  events: IngestEvent[];
}

/** The envelope without its type-specific data: checked when the type itself is unknown. */
const envelopeOnly = z.strictObject({ ...eventEnvelopeShape, type: z.unknown(), data: z.looseObject({}) });

function parseOne(raw: unknown, prefix: PathPart[]): { event?: IngestEvent; issues: FieldIssue[]; unknownType: boolean } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { issues: [{ path: formatPath(prefix), message: 'expected an event object ({type, occurred_at, data, …})' }], unknownType: false };
  }
  const type = (raw as { type?: unknown }).type;
  if (!isEventType(type)) {
    const issues = [
      {
        path: formatPath([...prefix, 'type']),
        message:
          type === undefined
            ? `required; valid types: ${EVENT_TYPES.join(', ')}`
            : `unknown event type ${JSON.stringify(type)}; valid types: ${EVENT_TYPES.join(', ')}`,
      },
    ];
    const rest = envelopeOnly.safeParse(raw, { reportInput: true });
    if (!rest.success) issues.push(...fieldIssues(rest.error, prefix));
    return { issues, unknownType: type !== undefined };
  }
  const parsed = ingestEventSchemas[type].safeParse(raw, { reportInput: true });
  if (!parsed.success) return { issues: fieldIssues(parsed.error, prefix), unknownType: false };
  const event = parsed.data as IngestEvent;
  const issues: FieldIssue[] = [];
  if (event.case_id && event.case_ref) issues.push({ path: formatPath([...prefix, 'case_ref']), message: 'give case_id or case_ref, not both' });
  if (event.client_id && event.client_ref) issues.push({ path: formatPath([...prefix, 'client_ref']), message: 'give client_id or client_ref, not both' });
  return { event, issues, unknownType: false };
}

/** Validates a posted body; throws AppError naming every bad field (400), or 422 when only event types are unknown. */
export function parseEventsBody(body: unknown): ParsedBody {
  const batch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'events' in body;
  let items: unknown[];
  let prefix: (i: number) => PathPart[];
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
    prefix = (i) => ['events', i];
  } else {
    items = [body];
    prefix = () => [];
  }
  if (items.length > MAX_BATCH) throw new BatchTooLargeError(items.length);

  const events: IngestEvent[] = [];
  const issues: FieldIssue[] = [];
  let unknownTypes = 0;
  const seenIds = new Map<string, number>();
  items.forEach((raw, i) => {
    const one = parseOne(raw, prefix(i));
    issues.push(...one.issues);
    if (one.unknownType) unknownTypes += 1;
    if (!one.event) return;
    events.push(one.event);
    if (one.event.id !== undefined) {
      const first = seenIds.get(one.event.id);
      if (first !== undefined) issues.push({ path: formatPath([...prefix(i), 'id']), message: `same id as events[${first}]: each event in a batch needs its own id` });
      else seenIds.set(one.event.id, i);
    }
  });
  if (issues.length > 0) {
    const what = batch ? `${new Set(issues.map((x) => x.path.replace(/^(events\[\d+\]).*/, '$1'))).size} of ${items.length} events are invalid; nothing was stored` : 'The event is invalid; nothing was stored';
    const onlyUnknownTypes = unknownTypes > 0 && unknownTypes === issues.length;
    throw new AppError(onlyUnknownTypes ? 'UNPROCESSABLE' : 'INVALID_INPUT', `${what}: ${describeIssues(issues)}`, {
      issues,
      ...(unknownTypes > 0 ? { valid: [...EVENT_TYPES] } : {}),
    });
  }
  return { batch, events };
}

/** More events in one batch than the API takes (413). */
export class BatchTooLargeError extends Error {
  constructor(readonly count: number) {
    super(`A batch holds at most ${MAX_BATCH} events; this one has ${count}. Split it into batches of ${MAX_BATCH} or fewer. Nothing was stored.`);
    this.name = 'BatchTooLargeError';
  }
}
