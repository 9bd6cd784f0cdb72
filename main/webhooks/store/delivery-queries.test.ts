// The delivery log as the inspector reads it: filters, search, cursor paging, one delivery, its attempts and one
// attempt in full, all over rows written the way the engine writes them.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { deliveryListInputSchema, type DeliverySummary } from '../../../shared/contract/webhooks';
import type { EventType } from '../../../shared/domain/events';
import { AppError } from '../../../shared/result';
import { buildEnvelope, serializeEnvelope } from '../policy/envelope';
import { openDeliveryLog, type DeliveryLog } from './delivery-log-fixture';
import { encodeCursor } from './delivery-list';

let log: DeliveryLog | undefined;
const cleanup = useCleanup();

const T0 = '2026-11-26T20:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
/** The list input as the contract parses it (limit defaults to 100). */
const input = (value: Record<string, unknown> = {}) => deliveryListInputSchema.parse(value);
const ids = (rows: DeliverySummary[]) => rows.map((r) => r.id);

/** Every delivery the filter lists, paging `limit` at a time; fails on a repeated row. */
function listAll(l: DeliveryLog, filter: Record<string, unknown>, limit: number): string[] {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages += 1) {
    const page = l.queries.list(input({ ...filter, limit, ...(cursor ? { cursor } : {}) }));
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    seen.push(...ids(page.rows));
    if (page.nextCursor === null) break;
    expect(page.rows).toHaveLength(limit);
    cursor = page.nextCursor;
  }
  expect(new Set(seen).size).toBe(seen.length);
  return seen;
}

function expectRefusal(run: () => unknown, code: string): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected ${code}`);
}

describe('the delivery list', () => {
  it('lists newest first with the webhook name (kept after the webhook is deleted) and the next attempt only while pending', () => {
    log = cleanup.use(openDeliveryLog());
    const crm = log.addWebhook('CRM sync');
    const old = log.addWebhook('Old receiver');
    const [call, form] = log.postEvents([{ type: 'call_ended', caseId: 'case_1' }, { type: 'form_submitted' }]);
    const [first] = log.fanOut([crm], [call!], at(0));
    const [second, third] = log.fanOut([crm, old], [form!], at(1));
    log.attempt(first!, { at: at(0), status: 200 });
    log.attempt(second!, { at: at(1), status: 503, state: 'pending', nextAttemptAt: Date.parse(at(3)) });
    log.webhooks.markDeleted(old, at(2));

    const { rows, nextCursor } = log.queries.list(input());
    expect(ids(rows)).toEqual([third, second, first]);
    expect(nextCursor).toBeNull();
    expect(rows[0]).toMatchObject({ webhookId: old, webhookName: 'Old receiver', eventType: 'form_submitted', state: 'pending', attempts: 0, nextAttemptAt: at(1) });
    expect(rows[1]).toMatchObject({ webhookName: 'CRM sync', state: 'pending', attempts: 1, lastStatus: 503, lastErrorClass: 'http_status', nextAttemptAt: at(3) });
    expect(rows[2]).toMatchObject({ eventId: call!.id, caseId: 'case_1', isTest: false, state: 'succeeded', lastStatus: 200, lastDurationMs: 50, nextAttemptAt: null, createdAt: at(0) });
    expect(rows[2]!.completedAt).not.toBeNull();
  });

  it("names each delivery's case by its number and primary client, and a case that is gone by nothing", () => {
    log = cleanup.use(openDeliveryLog());
    const crm = log.addWebhook('CRM sync');
    // The case and clients as the workspace stores them (its case type is not needed to read them back).
    log.sqlite.pragma('foreign_keys = OFF');
    log.sqlite.exec(`INSERT INTO cases (id, case_number, name, case_type_id, status_id, created_at, updated_at) VALUES ('case_1', 'PI-1042', 'Doe v. Acme', 'ct', 'st', '${T0}', '${T0}');
      INSERT INTO clients (id, first_name, last_name, created_at, updated_at) VALUES ('cl_b', 'Ben', 'Doe', '${T0}', '${T0}'), ('cl_j', 'Jane', 'Doe', '${T0}', '${T0}');
      INSERT INTO case_clients (case_id, client_id, is_primary) VALUES ('case_1', 'cl_b', 0), ('case_1', 'cl_j', 1);`);
    const events = log.postEvents([{ type: 'call_ended', caseId: 'case_1' }, { type: 'call_ended', caseId: 'case_gone' }, { type: 'form_submitted' }]);
    log.fanOut([crm], events, at(0));
    const byCase = new Map(log.queries.list(input()).rows.map((r) => [r.caseId, r]));
    expect(byCase.get('case_1')).toMatchObject({ caseNumber: 'PI-1042', clientName: 'Jane Doe' });
    expect(byCase.get('case_gone')).toMatchObject({ caseNumber: null, clientName: null });
    expect(byCase.get(null)).toMatchObject({ caseNumber: null, clientName: null });
  });

  it('filters by webhook, event type, state and HTTP status (exact, class, or no response at all)', () => {
    log = cleanup.use(openDeliveryLog());
    const [a, b] = [log.addWebhook('Receiver A'), log.addWebhook('Receiver B')];
    const events = log.postEvents((['call_ended', 'message_sent', 'call_ended', 'task_completed', 'call_ended'] as EventType[]).map((type) => ({ type })));
    const [ok, notFound, unavailable, timedOut, untried] = log.fanOut([a], events, at(0));
    const [onB] = log.fanOut([b], [events[0]!], at(0));
    log.attempt(ok!, { at: at(1), status: 200 });
    log.attempt(notFound!, { at: at(1), status: 404 });
    log.attempt(unavailable!, { at: at(1), status: 503, state: 'pending', nextAttemptAt: Date.parse(at(5)) });
    log.attempt(timedOut!, { at: at(1), status: null, errorClass: 'timeout', state: 'failed' });
    log.attempt(onB!, { at: at(1), status: 201 });
    const list = (filter: Record<string, unknown>) => ids(log!.queries.list(input(filter)).rows);

    expect(list({ webhookId: b })).toEqual([onB]);
    expect(list({ webhookId: 'wh_unknown' })).toEqual([]);
    expect(list({ eventType: 'call_ended' })).toEqual([onB, untried, unavailable, ok]);
    expect(list({ eventType: 'call_ended', webhookId: a })).toEqual([untried, unavailable, ok]);
    expect(list({ state: 'failed' })).toEqual([timedOut, notFound]);
    expect(list({ state: 'pending' })).toEqual([untried, unavailable]);
    // Retrying: pending after at least one attempt (the untried one is not).
    expect(list({ state: 'retrying' })).toEqual([unavailable]);
    expect(list({ httpStatus: 404 })).toEqual([notFound]);
    expect(list({ httpStatus: '2xx' })).toEqual([onB, ok]);
    expect(list({ httpStatus: '5xx' })).toEqual([unavailable]);
    expect(list({ httpStatus: '3xx' })).toEqual([]);
    // "No response": attempted, nothing came back; a delivery not yet attempted is not one.
    expect(list({ httpStatus: 'none' })).toEqual([timedOut]);
  });

  it('filters by creation time: from inclusive, to exclusive, in any time zone offset', () => {
    log = cleanup.use(openDeliveryLog());
    const hook = log.addWebhook('Receiver');
    const events = log.postEvents([{ type: 'call_started' }, { type: 'call_started' }, { type: 'call_started' }]);
    const [d0] = log.fanOut([hook], [events[0]!], at(0));
    const [d10] = log.fanOut([hook], [events[1]!], at(10));
    const [d20] = log.fanOut([hook], [events[2]!], at(20));
    const list = (filter: Record<string, unknown>) => ids(log!.queries.list(input(filter)).rows);

    expect(list({ from: at(10) })).toEqual([d20, d10]);
    expect(list({ to: at(10) })).toEqual([d0]);
    expect(list({ from: at(0), to: at(20) })).toEqual([d10, d0]);
    // 20:10 UTC written as 21:10 at +01:00.
    expect(list({ from: '2026-11-26T21:10:00+01:00' })).toEqual([d20, d10]);
    expect(list({ from: at(30) })).toEqual([]);
    expect(list({ from: at(20), to: at(10) })).toEqual([]);
  });

  it('searches event, case and delivery ids exactly, and by prefix from 4 characters on', () => {
    log = cleanup.use(openDeliveryLog());
    const [a, b] = [log.addWebhook('Receiver A'), log.addWebhook('Receiver B')];
    const [e1, e2] = log.postEvents([{ type: 'call_ended', caseId: 'case_garcia_1' }, { type: 'call_ended', caseId: 'case_garcia_2' }]);
    const [a1, a2, b1, b2] = log.fanOut([a, b], [e1!, e2!], at(0));
    const search = (search: string, filter: Record<string, unknown> = {}) => ids(log!.queries.list(input({ search, ...filter })).rows);

    expect(search(e1!.id)).toEqual([b1, a1]);
    expect(search('case_garcia_2')).toEqual([b2, a2]);
    expect(search(a2!)).toEqual([a2]);
    expect(search('case_garcia')).toEqual([b2, b1, a2, a1]);
    expect(search(`  ${e2!.id}  `)).toEqual([b2, a2]);
    expect(search(e1!.id, { webhookId: b })).toEqual([b1]);
    // Under 4 characters only an exact id matches.
    expect(search('cas')).toEqual([]);
    expect(search('case_nobody')).toEqual([]);
  });

  it('pages with a cursor without duplicates or gaps while new deliveries keep arriving', () => {
    log = cleanup.use(openDeliveryLog());
    const hook = log.addWebhook('Receiver');
    const before = log.fanOut([hook], log.postEvents(Array.from({ length: 23 }, () => ({ type: 'call_ended' as const }))), at(0));
    const seen: string[] = [];
    let cursor: string | undefined;
    let arrived: string[] = [];
    for (let page = 0; page < 10; page += 1) {
      const result = log.queries.list(input({ limit: 5, ...(cursor ? { cursor } : {}) }));
      seen.push(...ids(result.rows));
      // Two more deliveries arrive between pages.
      arrived = arrived.concat(log.fanOut([hook], log.postEvents([{ type: 'message_sent' }, { type: 'message_sent' }]), at(page + 1)));
      if (result.nextCursor === null) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual([...before].reverse());
    const fresh = log.queries.list(input({ limit: 3 }));
    expect(ids(fresh.rows)).toEqual(arrived.slice(-3).reverse());
  });

  it('agrees with a plain filter of every delivery for combined filters, time ranges, many search matches and every page', () => {
    log = cleanup.use(openDeliveryLog());
    const hooks = [log.addWebhook('Receiver A'), log.addWebhook('Receiver B'), log.addWebhook('Receiver C')];
    const types: EventType[] = ['call_ended', 'message_sent', 'form_submitted', 'transcript_updated'];
    // Creation times interleaved out of id order (days 3, 1, 2, 3, 1, …), so a time range can't be answered from ids alone.
    const days = ['2026-11-23T10:00:00.000Z', '2026-11-21T10:00:00.000Z', '2026-11-22T10:00:00.000Z'];
    const made: string[] = [];
    for (let chunk = 0; chunk < 18; chunk += 1) {
      const day = days[chunk % 3]!;
      const events = log.postEvents(Array.from({ length: 40 }, (_, i) => ({ type: types[(i + chunk) % types.length]!, caseId: `case_${i % 5}`, at: day })));
      made.push(...log.fanOut(hooks, events, day));
    }
    // 2,160 deliveries: more than the 2,000 search matches read directly, so a broad search walks the index.
    expect(made).toHaveLength(2160);
    const outcomes: Parameters<DeliveryLog['attempt']>[1][] = [
      { at: days[0]!, status: 200 },
      { at: days[0]!, status: 404 },
      { at: days[0]!, status: 503, state: 'pending', nextAttemptAt: Date.parse(days[0]!) + 60_000 },
      { at: days[0]!, status: null, errorClass: 'connect', state: 'failed' },
      { at: days[0]!, finished: false },
    ];
    made.forEach((id, i) => {
      if (i % 6 !== 5) log!.attempt(id, outcomes[i % 6]!);
    });

    const all = log.sqlite.prepare('SELECT id FROM webhook_deliveries ORDER BY id DESC').all() as { id: string }[];
    const rows = all.map((r) => log!.queries.get(r.id));
    const classes: Record<string, [number, number]> = { '2xx': [200, 300], '4xx': [400, 500], '5xx': [500, 600] };
    const expected = (f: Record<string, unknown>) =>
      rows
        .filter((r) => {
          const s = f.httpStatus;
          const search = f.search as string | undefined;
          const match = (v: string | null) => v !== null && search !== undefined && (search.length >= 4 ? v.startsWith(search) : v === search);
          return (
            (f.webhookId === undefined || r.webhookId === f.webhookId) &&
            (f.eventType === undefined || r.eventType === f.eventType) &&
            (f.state === undefined || r.state === f.state) &&
            (s === undefined ||
              (typeof s === 'number' ? r.lastStatus === s : s === 'none' ? r.lastStatus === null && r.attempts > 0 : r.lastStatus !== null && r.lastStatus >= classes[s as string]![0] && r.lastStatus < classes[s as string]![1])) &&
            (f.from === undefined || r.createdAt >= (f.from as string)) &&
            (f.to === undefined || r.createdAt < (f.to as string)) &&
            (search === undefined || match(r.eventId) || match(r.caseId) || match(r.id))
          );
        })
        .map((r) => r.id);

    const filters: Record<string, unknown>[] = [
      {},
      { webhookId: hooks[1] },
      { state: 'failed' },
      { state: 'pending', webhookId: hooks[2] },
      { eventType: 'form_submitted', httpStatus: '2xx' },
      { httpStatus: 'none' },
      { httpStatus: 404, webhookId: hooks[0] },
      { from: '2026-11-22T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' },
      { from: '2026-11-22T00:00:00.000Z', state: 'pending', webhookId: hooks[0] },
      { to: '2026-11-22T00:00:00.000Z', httpStatus: '5xx' },
      { search: 'evt_' },
      { search: 'dlv_', state: 'succeeded' },
      { search: 'case_', webhookId: hooks[2], eventType: 'call_ended' },
      { search: 'case_3' },
      { search: 'case_3', from: '2026-11-22T00:00:00.000Z', httpStatus: '4xx' },
      { search: all[700]!.id.slice(0, 20) },
    ];
    for (const filter of filters) {
      const want = expected(filter);
      expect(listAll(log, filter, 97), JSON.stringify(filter)).toEqual(want);
      expect(want.length, `${JSON.stringify(filter)} selects something`).toBeGreaterThan(0);
    }
  });

  it('refuses a cursor it did not give out, naming cursor and saying to start from the first page', () => {
    log = cleanup.use(openDeliveryLog());
    const hook = log.addWebhook('Receiver');
    const [id] = log.fanOut([hook], log.postEvents([{ type: 'call_ended' }]), at(0));
    for (const cursor of ['garbage', 'c1.!!!', `c1.${Buffer.from('evt_123').toString('base64url')}`, encodeCursor(id!).slice(0, -2)]) {
      const error = expectRefusal(() => log!.queries.list(input({ cursor })), 'INVALID_INPUT');
      expect(error.message).toMatch(/^cursor .*first page/);
      expect(error.details).toEqual({ issues: [{ path: 'cursor', message: expect.stringContaining('leave cursor out') }] });
    }
    expect(ids(log.queries.list(input({ cursor: encodeCursor(id!) })).rows)).toEqual([]);
  });
});

describe('one delivery and its attempts', () => {
  it('gets one delivery, or NOT_FOUND saying it may have been removed', () => {
    log = cleanup.use(openDeliveryLog());
    const hook = log.addWebhook('Receiver');
    const [id] = log.fanOut([hook], log.postEvents([{ type: 'call_ended' }]), at(0));
    expect(log.queries.get(id!)).toMatchObject({ id, webhookName: 'Receiver', state: 'pending' });
    expect(expectRefusal(() => log!.queries.get('dlv_gone'), 'NOT_FOUND').message).toMatch(/No delivery with id dlv_gone.*reload/);
  });

  it('lists every attempt of a delivery in order, with its outcome and the retry it scheduled', () => {
    log = cleanup.use(openDeliveryLog());
    const hook = log.addWebhook('Receiver');
    const [id] = log.fanOut([hook], log.postEvents([{ type: 'call_ended' }]), at(0));
    const retryAt = Date.parse(at(1));
    const first = log.attempt(id!, { at: at(0), status: 503, durationMs: 120, state: 'pending', nextAttemptAt: retryAt });
    const second = log.attempt(id!, { at: at(1), status: 200, durationMs: 80 });
    const attempts = log.queries.attempts(id!);
    expect(attempts.map((a) => [a.id, a.number])).toEqual([
      [first, 1],
      [second, 2],
    ]);
    expect(attempts[0]).toMatchObject({ deliveryId: id, webhookId: hook, trigger: 'scheduled', startedAt: at(0), responseStatus: 503, errorClass: 'http_status', durationMs: 120, nextAttemptAt: at(1) });
    expect(attempts[1]).toMatchObject({ responseStatus: 200, errorClass: null, nextAttemptAt: null, resolvedIp: '93.184.216.34' });
    expect(log.queries.attempts('dlv_none')).toEqual([]);
  });

  it('shows an attempt in full, with the exact body that was sent rebuilt from its event', () => {
    log = cleanup.use(openDeliveryLog());
    const hook = log.addWebhook('Receiver');
    const [event] = log.postEvents([{ type: 'call_analyzed', caseId: 'case_7' }]);
    const [id] = log.fanOut([hook], [event!], at(0));
    const attemptId = log.attempt(id!, { at: at(0), status: 500, responseBody: 'x'.repeat(100), responseTruncated: true });

    const detail = log.queries.attempt(attemptId);
    expect(detail.requestBody).toBe(serializeEnvelope(buildEnvelope(event!, { test: false })));
    expect(JSON.parse(detail.requestBody!)).toMatchObject({ id: event!.id, type: 'call_analyzed', test: false, data: { case_id: 'case_7' } });
    expect(detail).toMatchObject({
      id: attemptId,
      number: 1,
      requestHeaders: { 'X-Kayse-Attempt': '1' },
      responseStatus: 500,
      responseHeaders: { 'content-type': 'text/plain' },
      responseBody: 'x'.repeat(100),
      responseTruncated: true,
    });
    expect(expectRefusal(() => log!.queries.attempt(99_999), 'NOT_FOUND').message).toMatch(/No attempt with id 99999/);
  });

  it('shows a test delivery’s stored body, and no body once the event of a delivery is gone', () => {
    log = cleanup.use(openDeliveryLog());
    const hook = log.addWebhook('Receiver');
    const testBody = '{"id":"evt_test_1","type":"call_ended","test":true}';
    const testId = log.deliveries.insertTest(hook, 'evt_test_1', 'call_ended', testBody, at(0));
    const testAttempt = log.attempt(testId, { at: at(0), status: 200 });
    expect(log.queries.attempt(testAttempt).requestBody).toBe(testBody);
    expect(log.queries.get(testId)).toMatchObject({ isTest: true, eventId: 'evt_test_1' });

    const [event] = log.postEvents([{ type: 'message_sent' }]);
    const [id] = log.fanOut([hook], [event!], at(1));
    const attemptId = log.attempt(id!, { at: at(1), status: 200 });
    log.sqlite.prepare('DELETE FROM events WHERE id = ?').run(event!.id);
    expect(log.queries.attempt(attemptId)).toMatchObject({ requestBody: null, responseStatus: 200 });
  });
});
