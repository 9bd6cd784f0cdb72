import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, ingestEventSchema } from '../../shared/domain/events';
import { DEMO_CASE_TYPES } from './demo-catalog';
import type { DemoCaseRef, DemoWorld } from './demo-world';
import { createScenarioFactory, nextStatus, type DemoStep } from './event-factory';
import { createRng } from './prng';

const NOW = new Date('2026-11-26T20:00:00.000Z');

/** A small world with cases of every demo case type, some without email, one client without a phone. */
function world(): DemoWorld {
  const cases: DemoCaseRef[] = [];
  DEMO_CASE_TYPES.forEach((type, t) => {
    for (let i = 0; i < 5; i++) {
      cases.push({
        id: `case-${t}-${i}`,
        externalId: `case-${t * 10 + i}`,
        name: `Doe ${i} v. Insurer`,
        caseType: type.name,
        statuses: type.input.statuses,
        status: type.input.statuses[i % type.input.statuses.length]!,
        campaignId: `camp-${t}`,
        clientId: `client-${t}-${i}`,
        firstName: 'Jane',
        lastName: `Doe${i}`,
        phone: i === 4 ? null : `+1786555010${i}`,
        email: i % 2 === 0 ? `jane.doe${i}@example.com` : null,
      });
    }
  });
  const agents = [
    { id: 'agent-0', name: 'Ava - Auto Accident Intake', campaignId: 'camp-0', eventTypeId: 3685354 },
    { id: 'agent-1', name: 'Sofia - Roundup Screener', campaignId: 'camp-1', eventTypeId: null },
    { id: 'agent-9', name: 'Leo - After-hours Overflow', campaignId: null, eventTypeId: null },
  ];
  return { cases, agents };
}

/** `scenarios` scenarios' steps, each list in the order the generator posts them. */
function run(seed: number, scenarios: number): DemoStep[][] {
  const factory = createScenarioFactory(createRng(seed), 'test');
  const w = world();
  return Array.from({ length: scenarios }, (_, i) => factory.next(w, new Date(NOW.getTime() + i * 60_000)));
}

describe('demo event factory', () => {
  it('makes events that the ingest API accepts, of all 12 types, tied to a demo case, client and campaign', () => {
    const scenarios = run(7, 1500);
    const events = scenarios.flat().filter((s): s is Extract<DemoStep, { kind: 'event' }> => s.kind === 'event');
    expect(events.length).toBeGreaterThan(3000);
    const bad: string[] = [];
    for (const step of events) {
      const parsed = ingestEventSchema.safeParse(step.body);
      if (!parsed.success) bad.push(`${step.type}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
    const ids = events.map((e) => e.body.id);
    expect(new Set(ids).size).toBe(ids.length);
    const caseIds = new Set(world().cases.map((c) => c.id));
    expect(events.every((e) => caseIds.has(e.body.case_id as string))).toBe(true);
  });

  it('orders each scenario in time, ending now: a call starts, may be transcribed and transferred, ends, then is analysed', () => {
    for (const [i, steps] of run(11, 400).entries()) {
      const times = steps.filter((s) => s.kind === 'event').map((s) => (s as Extract<DemoStep, { kind: 'event' }>).body.occurred_at as string);
      expect([...times].sort()).toEqual(times);
      if (times.length > 0) expect(times[times.length - 1]! <= new Date(NOW.getTime() + i * 60_000).toISOString()).toBe(true);
      const types = steps.map((s) => (s.kind === 'event' ? s.type : 'case-status'));
      if (types[0] === 'call_started') {
        expect(types.indexOf('call_ended')).toBeGreaterThan(0);
        expect(types.indexOf('call_analyzed')).toBeGreaterThan(types.indexOf('call_ended'));
        if (types.includes('transfer_started')) {
          expect(types.indexOf('transfer_ended')).toBeGreaterThan(types.indexOf('transfer_started'));
          expect(types.includes('transfer_bridged') !== types.includes('transfer_cancelled')).toBe(true);
        }
      }
      if (types.includes('message_sent')) expect(types.indexOf('message_delivered')).toBeGreaterThan(types.indexOf('message_sent'));
    }
  });

  it('moves cases on to the next status of their own pipeline, never into a side branch', () => {
    const moves = run(3, 800)
      .flat()
      .filter((s): s is Extract<DemoStep, { kind: 'case-status' }> => s.kind === 'case-status');
    expect(moves.length).toBeGreaterThan(20);
    for (const move of moves) {
      expect(move.case.statuses).toContain(move.status);
      expect(move.case.statuses.indexOf(move.status)).toBeGreaterThan(move.case.statuses.indexOf(move.case.status));
      expect(move.body).toEqual({ name: move.case.name, case_type: move.case.caseType, status: move.status });
      expect(['Disqualified', 'Appeal Pending']).not.toContain(move.status);
    }
    const pi = world().cases[0]!;
    expect(nextStatus({ ...pi, status: 'Settled' })).toBe('Closed');
    expect(nextStatus({ ...pi, status: 'Closed' })).toBeNull();
    const comp = world().cases.find((c) => c.caseType === "Workers' Compensation")!;
    expect(nextStatus({ ...comp, status: 'Benefits Approved' })).toBe('Settled');
  });

  it('is deterministic for a seed, and different for another seed', () => {
    const a = JSON.stringify(run(42, 50));
    expect(JSON.stringify(run(42, 50))).toBe(a);
    expect(JSON.stringify(run(43, 50))).not.toBe(a);
  });

  it('has nothing to say about an empty world', () => {
    expect(createScenarioFactory(createRng(1), 'x').next({ cases: [], agents: [] }, NOW)).toEqual([]);
  });
});
