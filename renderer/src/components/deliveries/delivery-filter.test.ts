// The inspector's filters: address-bar values to the contract's filter (bad values ignored), the same filter applied
// to an imported bundle's rows, and how statuses and times read.
import { describe, expect, it } from 'vitest';
import type { DeliverySummary } from '../../../../shared/contract/webhooks';
import { matchesFilter, toDeliveryFilter } from './delivery-filter';
import { deliveryStatus, formatDueIn, formatDuration } from './delivery-status';

const NOW = Date.parse('2026-11-26T20:00:00Z');

const delivery = (patch: Partial<DeliverySummary>): DeliverySummary => ({
  id: 'dlv_01JD0000000000000000000001',
  webhookId: 'wh_1',
  webhookName: 'CRM',
  eventId: 'evt_01JD00000000000000000000AA',
  eventType: 'call_ended',
  caseId: 'case_123456',
  caseNumber: 'PI-1042',
  clientName: 'Jane Doe',
  isTest: false,
  state: 'succeeded',
  attempts: 1,
  createdAt: '2026-11-26T19:30:00.000Z',
  lastAttemptAt: '2026-11-26T19:30:00.000Z',
  lastStatus: 200,
  lastErrorClass: null,
  lastError: null,
  lastDurationMs: 120,
  nextAttemptAt: null,
  completedAt: '2026-11-26T19:30:00.100Z',
  ...patch,
});

describe('the filters in the address bar', () => {
  it('become the contract filter, a range counting back from when it was chosen', () => {
    expect(toDeliveryFilter({ webhookId: 'wh_1', type: 'call_ended', status: 'failed', http: '5xx', range: '24h', q: '  evt_01  ' }, NOW)).toEqual({
      webhookId: 'wh_1',
      eventType: 'call_ended',
      state: 'failed',
      httpStatus: '5xx',
      from: '2026-11-25T20:00:00.000Z',
      search: 'evt_01',
    });
    expect(toDeliveryFilter({ http: '404' } as never, NOW)).toEqual({ httpStatus: 404 });
  });

  it('ignore values that are not filters (an edited link) instead of failing the list', () => {
    expect(toDeliveryFilter({ status: 'exploded', http: '999', range: 'forever', q: '   ' } as never, NOW)).toEqual({});
  });
});

describe('filtering an imported bundle', () => {
  it('decides like the log: webhook, type, state, status class or code, no response, time and id search', () => {
    const ok = delivery({});
    const failed = delivery({ id: 'dlv_2', state: 'failed', lastStatus: 503, attempts: 9 });
    const timeout = delivery({ id: 'dlv_3', state: 'pending', lastStatus: null, attempts: 2, lastErrorClass: 'timeout' });
    const fresh = delivery({ id: 'dlv_4', state: 'pending', lastStatus: null, attempts: 0 });
    const all = [ok, failed, timeout, fresh];
    const pick = (filter: Parameters<typeof matchesFilter>[1]) => all.filter((d) => matchesFilter(d, filter)).map((d) => d.id);

    expect(pick({ httpStatus: '5xx' })).toEqual(['dlv_2']);
    expect(pick({ httpStatus: 200 })).toEqual([ok.id]);
    expect(pick({ httpStatus: 'none' })).toEqual(['dlv_3']); // no response yet is not "no response"
    expect(pick({ state: 'pending' })).toEqual(['dlv_3', 'dlv_4']);
    expect(pick({ state: 'retrying' })).toEqual(['dlv_3']);
    expect(pick({ webhookId: 'wh_2' })).toEqual([]);
    expect(pick({ from: '2026-11-26T19:45:00Z' })).toEqual([]);
    expect(pick({ to: '2026-11-26T19:45:00Z', eventType: 'call_ended' })).toHaveLength(4);
    expect(pick({ search: 'case_123456' })).toHaveLength(4);
    expect(pick({ search: 'evt_01JD' })).toHaveLength(4); // a prefix of at least 4 characters
    expect(pick({ search: 'dlv' })).toEqual([]); // shorter: exact only
    expect(pick({ search: 'dlv_3' })).toEqual(['dlv_3']);
  });
});

describe('how a delivery reads', () => {
  it('calls a pending delivery with a failed attempt retrying', () => {
    expect(deliveryStatus({ state: 'pending', attempts: 0 })).toBe('pending');
    expect(deliveryStatus({ state: 'pending', attempts: 2 })).toBe('retrying');
    expect(deliveryStatus({ state: 'in_flight', attempts: 1 })).toBe('sending');
    expect(deliveryStatus({ state: 'failed', attempts: 9 })).toBe('failed');
  });

  it('says when the next attempt is due and how long one took', () => {
    expect(formatDueIn('2026-11-26T20:00:25Z', NOW)).toBe('in 25 s');
    expect(formatDueIn('2026-11-26T20:10:00Z', NOW)).toBe('in 10 min');
    expect(formatDueIn('2026-11-27T02:00:00Z', NOW)).toBe('in 6 h');
    expect(formatDueIn('2026-11-26T19:59:00Z', NOW)).toBe('due now');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(15_000)).toBe('15.0 s');
  });
});
