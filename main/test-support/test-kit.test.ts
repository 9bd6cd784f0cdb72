// The test kit itself: the manual clock, the typed API over the dispatcher and over HTTP, the task wait and the
// clean-up list, against a real core and the real headless host routes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHeadlessServer } from '../hosts/headless';
import { CallError, httpApi, refusal } from './api';
import { createCleanup } from './cleanup';
import { manualClock } from './clock';
import { waitForTask } from './tasks';
import { startTestCore } from './test-core';
import { useCleanup } from './use-cleanup';

const cleanup = useCleanup();

describe('manualClock', () => {
  it('stands still until advanced or set', () => {
    const clock = manualClock('2026-01-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    clock.advance(1_500);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.500Z');
    clock.set('2026-02-01T12:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-02-01T12:00:00.000Z');
    expect(manualClock().now().toISOString()).toBe('2026-11-26T20:00:00.000Z');
  });
});

describe('testApi / httpApi', () => {
  it('unwrap values, throw CallError on a refusal and hand back raw answers, over the dispatcher and over HTTP', async () => {
    const core = cleanup.use(startTestCore({ fileSecrets: true }));
    expect(await core.api.company.update({ name: 'Acme', timezone: 'UTC' })).toMatchObject({ name: 'Acme' });
    const thrown = await core.api.company.update({ name: 'Acme', timezone: 'Not/AZone' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(CallError);
    expect(thrown).toMatchObject({ path: 'company.update', code: 'INVALID_INPUT', details: { issues: [{ path: 'timezone' }] } });
    expect(await refusal(core.api.raw.company.update({ name: 42 }))).toMatchObject({ code: 'INVALID_INPUT' });
    await expect(refusal(core.api.raw.company.get())).rejects.toThrow(/should have been refused/);

    const rendererDir = join(core.dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
    const server = cleanup.use(await startHeadlessServer({ core, rendererDir, port: 0 }));
    const http = httpApi(server.origin, server.token);
    expect(await http.company.get()).toMatchObject({ name: 'Acme' });
    expect(await http.raw.company.update({ name: 42 })).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    await expect(httpApi(server.origin, null).company.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });
});

describe('waitForTask', () => {
  it('resolves with what started the task and its progress once it has finished', async () => {
    const core = cleanup.use(startTestCore({ fileSecrets: true }));
    const task = await waitForTask(core.events, () => core.api.exports.run({ kind: 'clients', format: 'csv' }));
    expect(task.taskId).toMatch(/\S/);
    expect(task.progress.at(-1)).toMatchObject({ taskId: task.taskId, finished: true, error: null });
    expect(await core.api.exports.result({ taskId: task.taskId })).toHaveProperty('content');
  });
});

describe('createCleanup', () => {
  it('runs everything last first, even past a failure, then throws it', async () => {
    const list = createCleanup();
    const order: string[] = [];
    list.add(() => order.push('first'));
    list.use({ close: () => order.push('closed') });
    list.add(() => {
      throw new Error('broken');
    });
    list.use({ cleanup: async () => order.push('cleaned'), close: () => order.push('not this') });
    await expect(list.run()).rejects.toThrow('broken');
    expect(order).toEqual(['cleaned', 'closed', 'first']);
    await list.run();
    expect(order).toHaveLength(3);
  });
});
