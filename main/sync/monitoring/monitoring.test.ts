// Monitoring through the contract on a real core, the SmartAdvocate simulator and a manual clock: the numbers
// after real pushes (last sync, records synced, errors, pending, runs) and the chart's buckets over 24 hours and
// 7 days; one record's error in detail with the CRM's answer, the request and the mapped values.
import { describe, expect, it, vi } from 'vitest';
import { refusal } from '../../test-support/api';
import { useCleanup } from '../../test-support/use-cleanup';
import { FULL_CALL } from '../../ingest/crm-webhook/test-crm-webhook';
import { startPullTest } from '../engine/test-pull';
import { runKeychain, startRunTest, type RunTest } from '../engine/test-runs';
import { DEFAULT_RATE_LIMITS } from '../engine/rate-limit';
import { bucketStarts } from './monitoring';

const cleanup = useCleanup();

/** Ends the real-time batch window: the run is written. */
async function endWindow(t: RunTest) {
  await t.idle();
  t.clock.advance(61_000);
  t.timers.fire();
}

describe.skipIf(!runKeychain)('sync monitoring', () => {
  it('shows the last sync, records synced, errors, pending, runs and the chart from real pushes', async () => {
    const t = cleanup.use(await startRunTest('2026-11-26T20:00:00.000Z'));
    // Days and hours are the company's: in Los Angeles (UTC−8 in November) a day starts at 08:00 UTC.
    await t.core.api.company.update({ name: 'Smith Law', timezone: 'America/Los_Angeles' });
    const empty = await t.core.api.sync.monitoring({ crm: 'smartadvocate' });
    expect(empty).toMatchObject({ lastSync: null, recordsSynced: { linked: 0, changedLast24h: 0 }, errors: 0, pending: { kayse: 0, crm: null }, paused: null, recentRuns: [] });
    expect(empty.chart.buckets).toHaveLength(24);

    t.kayseCase(t.client('Ana'));
    t.kayseCase(t.client('Ben'));
    const bad = t.kayseCase(t.client('Hal', ''));
    await endWindow(t);
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false } });
    t.kayseCase(t.client('Cy'));

    const m = await t.core.api.sync.monitoring({ crm: 'smartadvocate' });
    expect(m).toMatchObject({
      lastSync: { at: '2026-11-26T20:01:01.000Z', outcome: 'partial', trigger: 'realtime' },
      recordsSynced: { linked: 2, changedLast24h: 2 },
      errors: 1,
      pending: { kayse: 2 }, // Cy and her case
    });
    expect(m.recentRuns).toHaveLength(1);
    const hour = m.chart.buckets.find((b) => b.start === '2026-11-26T20:00:00.000Z');
    expect(hour).toMatchObject({ runs: 1, created: 2, failed: 1, updated: 0 });
    expect(m.chart.buckets.at(-1)!.start).toBe('2026-11-26T20:00:00.000Z');
    expect(m.chart.buckets.filter((b) => b.runs > 0)).toHaveLength(1);

    // Two days on, another run: out of the 24-hour chart's first run, both in the 7-day one, a day apart.
    t.clock.set('2026-11-28T09:00:00.000Z');
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: true } });
    await endWindow(t);
    const day = await t.core.api.sync.monitoring({ crm: 'smartadvocate' });
    expect(day.chart.buckets.reduce((n, b) => n + b.runs, 0)).toBe(1);
    expect(day.chart.buckets.at(-1)).toMatchObject({ start: '2026-11-28T09:00:00.000Z', runs: 1, created: 1 });
    expect(day.recordsSynced).toEqual({ linked: 3, changedLast24h: 1 });
    const week = await t.core.api.sync.monitoring({ crm: 'smartadvocate', range: '7d' });
    expect(week.chart.buckets).toHaveLength(7);
    expect(week.chart.timezone).toBe('America/Los_Angeles');
    expect(week.chart.buckets.at(-1)!.start).toBe('2026-11-28T08:00:00.000Z');
    expect(week.chart.buckets.filter((b) => b.runs > 0).map((b) => [b.start, b.created])).toEqual([
      ['2026-11-26T08:00:00.000Z', 2],
      ['2026-11-28T08:00:00.000Z', 1],
    ]);
    expect(day.lastSync).toMatchObject({ outcome: 'ok' });
    expect(day.pending.kayse).toBe(0);

    // The refused record in detail: the CRM's answer beside what is sent and its mapped values.
    const detail = await t.core.api.sync.errorDetail({ crm: 'smartadvocate', caseId: bad.id });
    expect(detail).toMatchObject({
      caseId: bad.id,
      error: { kind: 'rejected', httpStatus: 400 },
      response: { kind: 'rejected', httpStatus: 400, crmMessage: expect.stringMatching(/lastName field is required/) },
      request: { operation: 'create', crmRecordId: null, values: { 'standard.first_name': 'Hal' } },
    });
    expect(detail.mappedValues.map((v) => v.kayseField)).toEqual(expect.arrayContaining(['client.first_name', 'client.last_name', 'client.email']));
    expect(await refusal(t.core.api.raw.sync.errorDetail({ crm: 'smartadvocate', caseId: 'no-such-case' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("shows a CRM → Kayse error in detail and LawRuler's webhook calls waiting", async () => {
    const t = cleanup.use(await startPullTest());
    await t.core.ingest.listen({ host: '127.0.0.1', port: 0 });
    const { url, headerName, secret } = await t.core.api.crm.rotateInboundSecret({ crm: 'lawruler' });
    await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { enabled: false } });
    const post = () => fetch(url!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', [headerName]: secret }, body: new URLSearchParams({ ...FULL_CALL, 'Lead ID': '99999' }).toString() });
    expect((await post()).status).toBe(200);
    expect((await t.core.api.sync.monitoring({ crm: 'lawruler' })).pending.crm).toBe(1);

    await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { enabled: true } });
    await vi.waitFor(() => expect(t.core.sync.pull.store.errors('lawruler')).toHaveLength(1), { timeout: 5_000, interval: 20 });
    await t.core.sync.pull.idle();
    const m = await t.core.api.sync.monitoring({ crm: 'lawruler' });
    expect(m).toMatchObject({ errors: 1, pending: { crm: 0 } });
    const detail = await t.core.api.sync.errorDetail({ crm: 'lawruler', caseId: 'crm:99999', direction: 'from_crm' });
    expect(detail).toMatchObject({ direction: 'from_crm', error: { kind: 'not_found' }, response: { kind: 'not_found' }, request: { operation: 'apply', crmRecordId: '99999', values: {} }, mappedValues: [] });
    expect(detail.error.message).toMatch(/99999/);
    expect(await refusal(t.core.api.raw.sync.errorDetail({ crm: 'lawruler', caseId: 'crm:99999' }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Kayse → CRM/) });
  });

  it("shows how fast the integration's requests go: the CRM's default, learnt from a 429 with its wait, then the firm's set limit", async () => {
    const t = cleanup.use(await startRunTest());
    const rateLimit = async () => (await t.core.api.sync.monitoring({ crm: 'smartadvocate' })).rateLimit;
    expect(await rateLimit()).toEqual({ known: false, requestsPerSecond: DEFAULT_RATE_LIMITS.smartadvocate, pace: 'default', holdSeconds: 0 });

    const announced: string[] = [];
    cleanup.add(t.core.events.on('tables.changed', ({ tables }) => announced.push(...tables)));
    t.smartadvocate.setFault({ kind: 'rate_limit', retryAfterSeconds: 20 }, { times: 1 });
    t.kayseCase(t.client('Quinn'));
    await t.idle();
    expect(t.smartadvocate.requests().filter((r) => r.status === 429)).toHaveLength(1);
    // The screen reads the monitoring again: no table changes when a 429 only makes the sync wait.
    expect(announced).toContain('rate_limits');
    const learnt = await rateLimit();
    expect(learnt).toMatchObject({ known: false, pace: 'learnt' });
    expect(learnt.requestsPerSecond).toBeLessThan(DEFAULT_RATE_LIMITS.smartadvocate);
    expect(learnt.holdSeconds).toBeGreaterThan(10); // 20 s from the 429, less the time since on a busy machine
    expect(learnt.holdSeconds).toBeLessThanOrEqual(20);

    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', rateLimit: { requestsPerSecond: 20 } });
    expect(await rateLimit()).toMatchObject({ known: true, requestsPerSecond: 20, pace: 'set' });
  });

  it('buckets local days across daylight saving: the fall-back day is 25 hours long', () => {
    const starts = bucketStarts('7d', Date.parse('2026-11-03T20:00:00Z'), 'America/Los_Angeles').map((ms) => new Date(ms).toISOString());
    expect(starts).toEqual([
      '2026-10-28T07:00:00.000Z',
      '2026-10-29T07:00:00.000Z',
      '2026-10-30T07:00:00.000Z',
      '2026-10-31T07:00:00.000Z',
      '2026-11-01T07:00:00.000Z', // PDT midnight; the day lasts 25 hours
      '2026-11-02T08:00:00.000Z', // PST from here
      '2026-11-03T08:00:00.000Z',
    ]);
    const hours = bucketStarts('24h', Date.parse('2026-11-03T20:30:00Z'), 'Asia/Kolkata');
    expect(new Date(hours.at(-1)!).toISOString()).toBe('2026-11-03T20:30:00.000Z');
    expect(hours).toHaveLength(24);
  });
});
