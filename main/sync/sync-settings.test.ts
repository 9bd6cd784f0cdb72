// Sync settings through the contract: the documented defaults before anything is saved, partial changes keeping
// the rest, a daily time read in the company's timezone, every bad value refused by name, and kept across a restart.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from './engine/rate-limit';
import type { TableName } from '../../shared/domain/tables';
import { refusal } from '../test-support/api';
import { manualClock } from '../test-support/clock';
import { startTestCore } from '../test-support/test-core';
import { useCleanup } from '../test-support/use-cleanup';

const cleanup = useCleanup();

describe('sync settings', () => {
  it('start at the defaults: both ways, real time, most recent wins, empty never overwrites, everything selected', async () => {
    const core = cleanup.use(startTestCore({ fileSecrets: true }));
    for (const crm of ['lawruler', 'smartadvocate'] as const) {
      expect(await core.api.sync.settings({ crm })).toEqual({
        crm,
        direction: 'both',
        frequency: { kind: 'real_time' },
        conflict: { rule: 'most_recent', emptyOverwritesFilled: false },
        selective: { recordKinds: [], caseTypeIds: [], statusIds: [] },
        rateLimit: null,
        updatedAt: null,
      });
    }
  });

  it('change only what is given, read a daily time in the company timezone, and survive a restart', async () => {
    const dataDir = cleanup.tempDir();
    const clock = manualClock('2026-05-01T09:00:00.000Z');
    const core = startTestCore({ fileSecrets: true, dataDir, clock });
    cleanup.add(() => core.close());
    await core.api.company.update({ name: 'Smith Law', timezone: 'America/Los_Angeles' });
    const auto = await core.api.caseTypes.create({ name: 'Auto Accident', statuses: ['New', 'Signed'] });
    const changed: TableName[][] = [];
    cleanup.add(core.events.on('tables.changed', ({ tables }) => changed.push(tables)));

    const daily = await core.api.sync.updateSettings({ crm: 'smartadvocate', frequency: { kind: 'daily', at: '02:30' }, conflict: { emptyOverwritesFilled: true } });
    expect(daily).toMatchObject({
      direction: 'both',
      frequency: { kind: 'daily', at: '02:30', timezone: 'America/Los_Angeles' },
      conflict: { rule: 'most_recent', emptyOverwritesFilled: true },
      updatedAt: '2026-05-01T09:00:00.000Z',
    });
    const selective = await core.api.sync.updateSettings({
      crm: 'smartadvocate',
      conflict: { rule: 'crm_wins' },
      selective: { recordKinds: ['cases', 'notes'], caseTypeIds: [auto.id], statusIds: [auto.statuses[1]!.id] },
    });
    expect(selective).toMatchObject({
      frequency: { kind: 'daily', at: '02:30' },
      conflict: { rule: 'crm_wins', emptyOverwritesFilled: true },
      selective: { recordKinds: ['cases', 'notes'], caseTypeIds: [auto.id], statusIds: [auto.statuses[1]!.id] },
    });
    expect(changed).toEqual([['sync_settings'], ['sync_settings']]);
    // Per integration: LawRuler is still at the defaults.
    expect((await core.api.sync.settings({ crm: 'lawruler' })).updatedAt).toBeNull();

    await core.close();
    const again = startTestCore({ fileSecrets: true, dataDir, clock });
    cleanup.add(() => again.close());
    expect(await again.api.sync.settings({ crm: 'smartadvocate' })).toEqual(selective);
    // The daily time follows the company's timezone when it changes.
    await again.api.company.update({ name: 'Smith Law', timezone: 'America/Chicago' });
    expect((await again.api.sync.settings({ crm: 'smartadvocate' })).frequency).toEqual({ kind: 'daily', at: '02:30', timezone: 'America/Chicago' });
    const hourly = await again.api.sync.updateSettings({ crm: 'smartadvocate', frequency: { kind: 'hourly' } });
    expect(hourly.frequency).toEqual({ kind: 'hourly' });
  });

  it('refuse bad values by name and keep what was saved', async () => {
    const core = cleanup.use(startTestCore({ fileSecrets: true }));
    const auto = await core.api.caseTypes.create({ name: 'Auto Accident', statuses: ['New'] });
    const other = await core.api.caseTypes.create({ name: 'Dog Bite', statuses: ['Intake'] });
    const issues = async (input: unknown) => ((await refusal(core.api.raw.sync.updateSettings(input as never))).details as { issues: unknown[] }).issues;

    expect(await issues({ crm: 'lawruler', frequency: { kind: 'daily', at: '25:00' } })).toEqual([{ path: 'frequency.at', message: 'frequency.at is a 24-hour time HH:MM, e.g. 02:30' }]);
    expect(await issues({ crm: 'lawruler', frequency: { kind: 'daily' } })).toEqual([{ path: 'frequency.at', message: expect.any(String) }]);
    expect(await issues({ crm: 'lawruler', frequency: { kind: 'weekly' } })).toEqual([{ path: 'frequency.kind', message: expect.stringMatching(/real_time, hourly, daily/) }]);
    expect(await issues({ crm: 'lawruler', direction: 'sideways' })).toEqual([{ path: 'direction', message: 'direction is one of kayse_to_crm, crm_to_kayse, both' }]);
    expect(await issues({ crm: 'lawruler', conflict: { rule: 'coin_flip' } })).toEqual([{ path: 'conflict.rule', message: 'conflict.rule is one of kayse_wins, crm_wins, most_recent' }]);
    expect(await issues({ crm: 'lawruler', selective: { recordKinds: ['cases', 'emails'] } })).toEqual([{ path: 'selective.recordKinds.1', message: 'a record kind is one of cases, clients, notes' }]);
    expect(await issues({ crm: 'lawruler', selective: { caseTypeIds: ['nope'], statusIds: ['gone'] } })).toEqual([
      { path: 'selective.caseTypeIds.0', message: 'Kayse has no case type nope' },
      { path: 'selective.statusIds.0', message: 'Kayse has no case status gone' },
    ]);
    expect(await issues({ crm: 'lawruler', selective: { caseTypeIds: [auto.id], statusIds: [other.statuses[0]!.id] } })).toEqual([
      { path: 'selective.statusIds.0', message: '"Intake" is a status of "Dog Bite", which is not among the selected case types: select that case type too, or remove the status' },
    ]);
    expect((await core.api.sync.settings({ crm: 'lawruler' })).updatedAt).toBeNull();
  });

  it('keep the CRM rate limit a firm sets, refuse one outside 1–1000 naming the field, and go back to unknown with null', async () => {
    const dataDir = cleanup.tempDir();
    const clock = manualClock('2026-05-01T09:00:00.000Z');
    const core = startTestCore({ fileSecrets: true, dataDir, clock });
    cleanup.add(() => core.close());
    const issues = async (input: unknown) => ((await refusal(core.api.raw.sync.updateSettings(input as never))).details as { issues: unknown[] }).issues;
    const message = 'rateLimit.requestsPerSecond is a whole number of requests per second from 1 to 1000 (ask your CRM vendor), or set rateLimit to null for unknown';

    const set = await core.api.sync.updateSettings({ crm: 'lawruler', rateLimit: { requestsPerSecond: 20 } });
    expect(set).toMatchObject({ rateLimit: { requestsPerSecond: 20 }, direction: 'both', updatedAt: '2026-05-01T09:00:00.000Z' });
    // Another setting's save leaves the rate limit as it was; SmartAdvocate's stays unknown.
    expect((await core.api.sync.updateSettings({ crm: 'lawruler', direction: 'crm_to_kayse' })).rateLimit).toEqual({ requestsPerSecond: 20 });
    expect((await core.api.sync.settings({ crm: 'smartadvocate' })).rateLimit).toBeNull();

    for (const requestsPerSecond of [0, 1001, 2.5, -3, '20', null]) {
      expect(await issues({ crm: 'lawruler', rateLimit: { requestsPerSecond } }), String(requestsPerSecond)).toEqual([{ path: 'rateLimit.requestsPerSecond', message }]);
    }
    expect(await issues({ crm: 'lawruler', rateLimit: 20 })).toEqual([{ path: 'rateLimit', message: expect.stringMatching(/requestsPerSecond.*or null/) }]);
    expect(await issues({ crm: 'lawruler', rateLimit: { requestsPerSecond: 20, burst: 5 } })).toEqual([{ path: 'rateLimit', message: expect.stringMatching(/requestsPerSecond/) }]);
    // A refusal changes nothing, not even the parts of the same update that were fine.
    expect(await issues({ crm: 'lawruler', direction: 'both', rateLimit: { requestsPerSecond: 5000 } })).toEqual([{ path: 'rateLimit.requestsPerSecond', message }]);
    expect(await core.api.sync.settings({ crm: 'lawruler' })).toMatchObject({ direction: 'crm_to_kayse', rateLimit: { requestsPerSecond: 20 } });

    // The bounds themselves are fine, and the value survives a restart.
    expect((await core.api.sync.updateSettings({ crm: 'lawruler', rateLimit: { requestsPerSecond: 1000 } })).rateLimit).toEqual({ requestsPerSecond: 1000 });
    expect((await core.api.sync.updateSettings({ crm: 'lawruler', rateLimit: { requestsPerSecond: 1 } })).rateLimit).toEqual({ requestsPerSecond: 1 });
    await core.close();
    const again = startTestCore({ fileSecrets: true, dataDir, clock });
    cleanup.add(() => again.close());
    expect((await again.api.sync.settings({ crm: 'lawruler' })).rateLimit).toEqual({ requestsPerSecond: 1 });
    expect((await again.api.sync.updateSettings({ crm: 'lawruler', rateLimit: null })).rateLimit).toBeNull();
    expect(await again.api.sync.settings({ crm: 'lawruler' })).toMatchObject({ direction: 'crm_to_kayse', rateLimit: null });
  });

  it('hand a saved rate limit to the integration\'s limiter at once and at start, and the CRM default back after null', async () => {
    const dataDir = cleanup.tempDir();
    const core = startTestCore({ fileSecrets: true, dataDir, sync: { autoStart: false } });
    cleanup.add(() => core.close());
    const limiter = () => core.sync.rateLimits.limiterOf('smartadvocate');
    expect(limiter().rate()).toBe(DEFAULT_RATE_LIMITS.smartadvocate);

    await core.api.sync.updateSettings({ crm: 'smartadvocate', rateLimit: { requestsPerSecond: 20 } });
    expect(limiter().rate()).toBe(20);
    // Only that integration's limiter.
    expect(core.sync.rateLimits.limiterOf('lawruler').rate()).toBe(DEFAULT_RATE_LIMITS.lawruler);
    // A refused value leaves the limiter as it was.
    await refusal(core.api.raw.sync.updateSettings({ crm: 'smartadvocate', rateLimit: { requestsPerSecond: 0 } }));
    expect(limiter().rate()).toBe(20);
    await core.api.sync.updateSettings({ crm: 'smartadvocate', rateLimit: { requestsPerSecond: 45 } });
    expect(limiter().rate()).toBe(45);
    await core.close();

    // At start the stored setting is the limiter's, and it wins over a host option.
    const again = startTestCore({ fileSecrets: true, dataDir, sync: { autoStart: false, rateLimits: { smartadvocate: 7, lawruler: 9 } } });
    cleanup.add(() => again.close());
    expect(again.sync.rateLimits.limiterOf('smartadvocate').rate()).toBe(45);
    expect(again.sync.rateLimits.limiterOf('lawruler').rate()).toBe(9);
    // Back to unknown: the host's option where it has one, else the CRM's default.
    await again.api.sync.updateSettings({ crm: 'smartadvocate', rateLimit: null });
    expect(again.sync.rateLimits.limiterOf('smartadvocate').rate()).toBe(7);
    await again.close();
    const third = startTestCore({ fileSecrets: true, dataDir, sync: { autoStart: false } });
    cleanup.add(() => third.close());
    expect(third.sync.rateLimits.limiterOf('smartadvocate').rate()).toBe(DEFAULT_RATE_LIMITS.smartadvocate);
    await third.api.sync.updateSettings({ crm: 'smartadvocate', rateLimit: { requestsPerSecond: 12 } });
    await third.api.sync.updateSettings({ crm: 'smartadvocate', rateLimit: null });
    expect(third.sync.rateLimits.limiterOf('smartadvocate').rate()).toBe(DEFAULT_RATE_LIMITS.smartadvocate);
  });
});
