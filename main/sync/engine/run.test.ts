// Runs and frequency on a real core, the SmartAdvocate simulator and a manual clock: real-time work grouped into
// one batch-window run with its counts; hourly and daily (America/Los_Angeles, across spring forward) pushing
// nothing between slots and everything at the slot; Sync now; Enable off at a slot keeps the changes pending.
import { describe, expect, it, vi } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { runKeychain, startRunTest, type RunTest } from './test-runs';

const cleanup = useCleanup();

/** Moves the clock to `iso`, fires the timers due and opens the slots due; waits for the push. */
async function at(t: RunTest, iso: string) {
  t.clock.set(iso);
  t.timers.fire();
  t.core.sync.runs.tick();
  await t.idle();
}

describe.skipIf(!runKeychain)('sync runs and frequency', () => {
  it('real time: the records of one batch window are one run with their counts, a refused one in the summary', async () => {
    const t = cleanup.use(await startRunTest());
    t.kayseCase(t.client('Ana'));
    t.kayseCase(t.client('Ben'));
    t.kayseCase(t.client('Hal', '')); // SmartAdvocate refuses a contact without a last name
    await t.idle();
    expect(t.smartadvocate.created()).toHaveLength(2);
    expect(t.runs()).toEqual([]); // the window is still open

    t.clock.advance(61_000);
    t.timers.fire();
    const [run, ...others] = t.runs();
    expect(others).toEqual([]);
    expect(run).toMatchObject({
      crm: 'smartadvocate',
      trigger: 'realtime',
      direction: 'to_crm',
      startedAt: '2026-11-26T20:00:00.000Z',
      finishedAt: '2026-11-26T20:01:01.000Z',
      outcome: 'partial',
      counts: { read: 3, pushed: 2, created: 2, updated: 0, errors: 1, pulled: 0 },
    });
    expect(run!.errorSummary).toMatch(/lastName field is required/);

    // The next change opens the next window.
    const kase = t.kayseCase(t.client('Cy'));
    await t.idle();
    t.clock.advance(60_000);
    t.timers.fire();
    expect(t.runs()).toHaveLength(2);
    expect(t.runs()[0]).toMatchObject({ trigger: 'realtime', outcome: 'ok', counts: { created: 1, read: 1 } });
    expect(t.core.sync.push.store.link('smartadvocate', kase.id)).not.toBeNull();
    // Through the contract, newest first.
    const page = await t.core.api.sync.runs({ crm: 'smartadvocate', limit: 1 });
    expect(page).toMatchObject({ total: 2, runs: [{ id: t.runs()[0]!.id }] });
    expect((await t.core.api.sync.runs({ crm: 'smartadvocate', before: page.next!, limit: 1 })).runs[0]!.id).toBe(run!.id);
  });

  it('real time under constant load: a window still ends once a minute old, and the next record opens the next', async () => {
    const t = cleanup.use(await startRunTest());
    t.kayseCase(t.client('Ana'));
    await t.idle();
    // A minute on, before the window's timer fires, another record lands: the old window is written first.
    t.clock.advance(61_000);
    t.kayseCase(t.client('Ben'));
    await t.idle();
    expect(t.runs()).toHaveLength(1);
    expect(t.runs()[0]).toMatchObject({ startedAt: '2026-11-26T20:00:00.000Z', counts: { created: 1, read: 1 } });
    t.clock.advance(60_000);
    t.timers.fire();
    expect(t.runs()).toHaveLength(2);
    expect(t.runs()[0]).toMatchObject({ startedAt: '2026-11-26T20:01:01.000Z', counts: { created: 1 } });
  });

  it("real time: the pull's passes join the batch window, one run of both directions", async () => {
    // The simulator stamps an edit with the real time: the manual clock starts there, so the listing reaches it.
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);
    const t = cleanup.use(await startRunTest(start.toISOString()));
    t.clock.advance(30_000);
    const kase = t.kayseCase(t.client('Ana'));
    await t.idle();
    const crmId = t.core.sync.push.store.link('smartadvocate', kase.id)!.crmRecordId;
    t.smartadvocate.editRecord(crmId, 'Anna');
    // The poll's minute comes (its timer fires): the pull reads the edited record inside the window.
    t.clock.advance(30_000);
    t.timers.fire();
    await t.core.sync.pull.idle();
    expect(t.runs()).toEqual([]);
    // The window ends a minute after it began.
    t.clock.advance(30_000);
    t.timers.fire();
    const [run, ...others] = t.runs();
    expect(others).toEqual([]);
    expect(run).toMatchObject({ trigger: 'realtime', direction: 'both', startedAt: new Date(start.getTime() + 30_000).toISOString(), counts: { created: 1, pushed: 1 } });
    expect(run!.counts.read).toBeGreaterThanOrEqual(2); // the case pushed, the record pulled
  });

  it('hourly: nothing is sent between slots; at the top of the hour everything waiting goes in one scheduled run', async () => {
    const t = cleanup.use(await startRunTest('2026-11-26T20:10:00.000Z'));
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', frequency: { kind: 'hourly' } });
    t.kayseCase(t.client('Ana'));
    t.kayseCase(t.client('Ben'));
    await at(t, '2026-11-26T20:59:59.000Z');
    expect(t.smartadvocate.created()).toEqual([]);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBeGreaterThan(0);

    await at(t, '2026-11-26T21:00:00.000Z');
    await vi.waitFor(() => expect(t.runs()).toHaveLength(1), { timeout: 5_000 });
    expect(t.smartadvocate.created()).toHaveLength(2);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);
    expect(t.runs()[0]).toMatchObject({ trigger: 'schedule', startedAt: '2026-11-26T21:00:00.000Z', outcome: 'ok', counts: { created: 2 } });

    // A change after the slot waits for the next one; the slot does not run twice.
    t.kayseCase(t.client('Cy'));
    await at(t, '2026-11-26T21:30:00.000Z');
    expect(t.smartadvocate.created()).toHaveLength(2);
    await at(t, '2026-11-26T22:00:00.000Z');
    await vi.waitFor(() => expect(t.runs()).toHaveLength(2), { timeout: 5_000 });
    expect(t.smartadvocate.created()).toHaveLength(3);
  });

  it('daily at 02:30 in America/Los_Angeles: on spring-forward day it runs at 03:00 PDT, then at 02:30 PDT', async () => {
    const t = cleanup.use(await startRunTest('2027-03-13T12:00:00.000Z'));
    await t.core.api.company.update({ name: 'Smith Law', timezone: 'America/Los_Angeles' });
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', frequency: { kind: 'daily', at: '02:30' } });
    t.kayseCase(t.client('Ana'));
    await at(t, '2027-03-14T09:59:00.000Z'); // 01:59 PST
    expect(t.smartadvocate.created()).toEqual([]);
    await at(t, '2027-03-14T10:00:00.000Z'); // 03:00 PDT: 02:30 does not exist that day
    await vi.waitFor(() => expect(t.runs()).toHaveLength(1), { timeout: 5_000 });
    expect(t.smartadvocate.created()).toHaveLength(1);

    t.kayseCase(t.client('Ben'));
    await at(t, '2027-03-15T09:29:00.000Z');
    expect(t.smartadvocate.created()).toHaveLength(1);
    await at(t, '2027-03-15T09:30:00.000Z'); // 02:30 PDT
    await vi.waitFor(() => expect(t.runs()).toHaveLength(2), { timeout: 5_000 });
    expect(t.runs()[0]).toMatchObject({ trigger: 'schedule', startedAt: '2027-03-15T09:30:00.000Z', counts: { created: 1 } });
  });

  it('Sync now runs at once whatever the frequency; Enable off at a slot sends nothing and keeps the changes pending', async () => {
    const t = cleanup.use(await startRunTest('2026-11-26T20:10:00.000Z'));
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', frequency: { kind: 'hourly' } });
    t.kayseCase(t.client('Ana'));
    await t.idle();
    const run = await t.core.api.sync.syncNow({ crm: 'smartadvocate' });
    expect(run).toMatchObject({ trigger: 'manual', outcome: 'ok', counts: { created: 1 } });
    expect(t.smartadvocate.created()).toHaveLength(1);

    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false } });
    t.kayseCase(t.client('Ben'));
    await at(t, '2026-11-26T21:00:00.000Z');
    expect(t.smartadvocate.created()).toHaveLength(1);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBeGreaterThan(0);
    await expect(t.core.api.sync.syncNow({ crm: 'smartadvocate' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Enable integration is off/) });

    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: true } });
    await at(t, '2026-11-26T22:00:00.000Z');
    await vi.waitFor(() => expect(t.smartadvocate.created()).toHaveLength(2), { timeout: 5_000 });
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);
  });

  it('hourly: "Retry now" sends the record at once, between slots, and nothing else waiting', async () => {
    const t = cleanup.use(await startRunTest('2026-11-26T20:10:00.000Z'));
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', frequency: { kind: 'hourly' } });
    const bad = t.kayseCase(t.client('Hal', ''));
    await t.core.api.sync.syncNow({ crm: 'smartadvocate' });
    expect(t.core.sync.pushStatus('smartadvocate').errors).toEqual([expect.objectContaining({ caseId: bad.id, attempts: 1 })]);
    t.kayseCase(t.client('Ivy')); // waits for the slot
    await t.idle();

    await t.core.api.sync.retryRecord({ crm: 'smartadvocate', caseId: bad.id });
    await vi.waitFor(() => expect(t.core.sync.pushStatus('smartadvocate').errors[0]).toMatchObject({ caseId: bad.id, attempts: 2 }), { timeout: 5_000 });
    expect(t.smartadvocate.requests().filter((r) => r.operation === 'CreateCase')).toHaveLength(2); // Hal twice, Ivy not yet
    expect(t.smartadvocate.created()).toEqual([]);
  });

  it("forget (demo mode's wipe) removes one integration's runs and pause, and keeps the other's", async () => {
    const t = cleanup.use(await startRunTest());
    const at = { startedAt: '2026-11-26T20:00:00.000Z', finishedAt: '2026-11-26T20:00:01.000Z', counts: { read: 1 } };
    t.core.sync.runs.store.record({ crm: 'smartadvocate', trigger: 'manual', direction: 'to_crm', ...at });
    t.core.sync.runs.store.record({ crm: 'lawruler', trigger: 'manual', direction: 'to_crm', ...at });
    t.core.sync.runs.pauses.pause('smartadvocate', 'refused');
    t.core.sync.runs.forget('smartadvocate');
    expect((await t.core.api.sync.runs({ crm: 'smartadvocate' })).total).toBe(0);
    expect((await t.core.api.sync.runs({ crm: 'lawruler' })).total).toBe(1);
    expect(t.core.sync.runs.pauses.pauseOf('smartadvocate')).toBeNull();
  });
});
