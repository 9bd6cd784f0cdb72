// The state word and the 24-hour numbers the Webhooks list and the edit page show.
import { describe, expect, it } from 'vitest';
import type { WebhookView } from '../../../../shared/contract/webhooks';
import { conditionOf, describeRate, formatRate } from './webhook-condition';

type Facts = Pick<WebhookView, 'active' | 'deactivatedReason' | 'health'>;
const base: Facts = {
  active: true,
  deactivatedReason: null,
  health: {
    attempts24h: 4,
    successRate24h: 1,
    p50LatencyMs: 20,
    p95LatencyMs: 40,
    failingSince: null,
    lastDeliveryAt: '2026-11-26T20:00:00.000Z',
    pending: 0,
    circuit: { state: 'closed', consecutiveFailures: 0, openedAt: null, retryAt: null },
  },
};
const withHealth = (health: Partial<Facts['health']>): Facts => ({ ...base, health: { ...base.health, ...health } });

describe('conditionOf', () => {
  it('puts a receiver’s 410 first, then an admin’s switch, the circuit, a run of failures', () => {
    expect(conditionOf({ ...base, active: false, deactivatedReason: 'The receiver answered 410 Gone' })).toBe('deactivated');
    expect(conditionOf({ ...withHealth({ failingSince: '2026-11-26T19:00:00.000Z' }), active: false })).toBe('inactive');
    const open = { state: 'open' as const, consecutiveFailures: 5, openedAt: '2026-11-26T19:00:00.000Z', retryAt: '2026-11-26T19:05:00.000Z' };
    expect(conditionOf(withHealth({ circuit: open, failingSince: '2026-11-26T19:00:00.000Z' }))).toBe('circuit_open');
    expect(conditionOf(withHealth({ failingSince: '2026-11-26T19:00:00.000Z' }))).toBe('failing');
    expect(conditionOf(base)).toBe('healthy');
    expect(conditionOf(withHealth({ lastDeliveryAt: null, attempts24h: 0, successRate24h: null }))).toBe('idle');
  });
});

describe('rates', () => {
  it('shows one decimal only when there is one, and a dash without attempts', () => {
    expect(formatRate(1)).toBe('100 %');
    expect(formatRate(0.985)).toBe('98.5 %');
    expect(formatRate(2 / 3)).toBe('66.7 %');
    expect(formatRate(null)).toBe('—');
    expect(describeRate({ attempts24h: 1200, successRate24h: 0.5 })).toBe('50 % of 1,200 attempts');
    expect(describeRate({ attempts24h: 1, successRate24h: 1 })).toBe('100 % of 1 attempt');
    expect(describeRate({ attempts24h: 0, successRate24h: null })).toBe('No attempts in 24 h');
  });
});
