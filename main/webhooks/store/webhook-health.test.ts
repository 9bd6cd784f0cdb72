// A webhook's health, from attempts logged the way the engine logs them (the inspector's chart of deliveries per
// hour is tested in inspector/hourly.test.ts).
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { openDeliveryLog, type DeliveryLog } from './delivery-log-fixture';
import { nearestRank } from './webhook-health';

let log: DeliveryLog | undefined;
const cleanup = useCleanup();

const NOW = Date.parse('2026-11-26T20:00:00.000Z');
/** `minutes` before NOW, ISO. */
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

/** A webhook with `n` deliveries (one per event) created `minutes` ago; returns its id and the delivery ids. */
function webhookWith(l: DeliveryLog, name: string, n: number, minutes = 2000) {
  const id = l.addWebhook(name);
  const deliveries = l.fanOut([id], l.postEvents(Array.from({ length: n }, () => ({ type: 'call_ended' as const }))), ago(minutes));
  return { id, deliveries };
}

describe('nearest-rank percentiles', () => {
  it('picks the smallest value with at least p of the values at or below it', () => {
    const one_to_twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(nearestRank(one_to_twenty, 0.5)).toBe(10);
    expect(nearestRank(one_to_twenty, 0.95)).toBe(19);
    expect(nearestRank([7], 0.95)).toBe(7);
    expect(nearestRank([], 0.5)).toBeNull();
  });
});

describe('webhook health', () => {
  it('counts the last 24 h of finished attempts: volume, success rate and latency percentiles', () => {
    log = cleanup.use(openDeliveryLog());
    const { id, deliveries } = webhookWith(log, 'Receiver', 12);
    // Ten finished attempts in the window, seven of them 2xx.
    const durations = [120, 30, 70, 10, 90, 50, 40, 100, 60, 20];
    durations.forEach((durationMs, i) => log!.attempt(deliveries[i]!, { at: ago(600 - i), durationMs, status: i < 7 ? 200 : i === 7 ? null : 502, errorClass: i === 7 ? 'timeout' : undefined }));
    // Older than 24 h: left out; in flight: not finished, so not counted, but it is the latest delivery.
    log.attempt(deliveries[10]!, { at: ago(24 * 60 + 1), durationMs: 9999, status: 500 });
    log.attempt(deliveries[11]!, { at: ago(1), finished: false });

    const health = log.queries.health(id, NOW);
    expect(health).toMatchObject({ attempts24h: 10, successRate24h: 0.7, p50LatencyMs: 50, p95LatencyMs: 120, lastDeliveryAt: ago(1) });
    // The latest finished attempt (a 502) failed; the run of failures began at the timeout after the last 2xx.
    expect(health.failingSince).toBe(ago(593));
  });

  it('reports no numbers for a webhook without attempts, and only its own pending and in-flight deliveries', () => {
    log = cleanup.use(openDeliveryLog());
    const quiet = webhookWith(log, 'Quiet', 3);
    const busy = webhookWith(log, 'Busy', 4);
    log.attempt(busy.deliveries[0]!, { at: ago(5), finished: false });
    log.attempt(busy.deliveries[1]!, { at: ago(6), status: 200 });
    log.attempt(busy.deliveries[2]!, { at: ago(7), status: 503, state: 'pending', nextAttemptAt: NOW + 60_000 });

    expect(log.queries.health(quiet.id, NOW)).toEqual({
      attempts24h: 0,
      successRate24h: null,
      p50LatencyMs: null,
      p95LatencyMs: null,
      failingSince: null,
      lastDeliveryAt: null,
      pending: 3,
    });
    // Pending: the untried one and the one waiting for its retry; in flight: one. The succeeded one is done.
    expect(log.queries.health(busy.id, NOW).pending).toBe(3);
  });

  it('dates the current run of failures from the first failure after the last success, and clears it on success', () => {
    log = cleanup.use(openDeliveryLog());
    const { id, deliveries } = webhookWith(log, 'Flaky', 5, 5000);
    log.attempt(deliveries[0]!, { at: ago(3000), status: 500 });
    log.attempt(deliveries[1]!, { at: ago(2900), status: 200 });
    log.attempt(deliveries[2]!, { at: ago(2800), status: 404 });
    log.attempt(deliveries[3]!, { at: ago(10), status: null, errorClass: 'connect' });
    // Failing for two days: longer than the 24 h window, still dated from the first failure.
    expect(log.queries.health(id, NOW)).toMatchObject({ failingSince: ago(2800), attempts24h: 1, successRate24h: 0 });
    // An attempt still in flight does not end the run.
    log.attempt(deliveries[4]!, { at: ago(5), finished: false });
    expect(log.queries.health(id, NOW).failingSince).toBe(ago(2800));

    log.deliveries.finish([
      {
        attemptId: log.queries.attempts(deliveries[4]!)[0]!.id,
        deliveryId: deliveries[4]!,
        number: 1,
        startedAt: ago(5),
        finishedAt: ago(4),
        resolvedIp: null,
        responseStatus: 204,
        responseHeaders: null,
        responseBody: null,
        responseTruncated: false,
        errorClass: null,
        errorMessage: null,
        durationMs: 60_000,
        state: 'succeeded',
        nextAttemptAt: null,
      },
    ]);
    expect(log.queries.health(id, NOW)).toMatchObject({ failingSince: null, attempts24h: 2, successRate24h: 0.5 });
  });

  it('dates a webhook that never succeeded from its first failed attempt', () => {
    log = cleanup.use(openDeliveryLog());
    const { id, deliveries } = webhookWith(log, 'Dead', 2, 5000);
    log.attempt(deliveries[0]!, { at: ago(4000), status: null, errorClass: 'dns' });
    log.attempt(deliveries[1]!, { at: ago(3), status: 404 });
    expect(log.queries.health(id, NOW).failingSince).toBe(ago(4000));
  });
});
