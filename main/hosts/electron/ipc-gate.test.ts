// The Electron binary can't run on this machine, so the gate is driven through a stand-in for ipcMain that
// calls it the way Electron does (channel, event with sender and senderFrame, arguments). Everything behind
// the gate — dispatcher, core, SQLite — is real.
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { IPC_READY, IPC_RPC } from '../../../shared/ipc-channels';
import type { Result } from '../../../shared/result';
import { createDispatcher } from '../../core/dispatcher';
import { startTestCore } from '../../test-support/test-core';
import { registerIpcGate, type IpcMainLike } from './ipc-gate';

const APP_URL = 'file:///opt/kayse/resources/app.asar/out/renderer/index.html';

class IpcMainStandIn implements IpcMainLike {
  handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  listeners = new Map<string, (event: IpcMainEvent, ...args: unknown[]) => void>();
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) {
    this.handlers.set(channel, listener);
  }
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void) {
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(from: { id: number; url: string }, ...args: unknown[]) {
    const event = { sender: { id: from.id }, senderFrame: { url: from.url } } as unknown as IpcMainInvokeEvent;
    return this.handlers.get(IPC_RPC)!(event, ...args) as Promise<Result<unknown>>;
  }
}

const cleanup = useCleanup();

function setUp() {
  const core = cleanup.use(startTestCore({ fileSecrets: true }));
  let handlerRuns = 0;
  const dispatch = createDispatcher(
    {
      ...core.handlers,
      company: {
        ...core.handlers.company,
        update: (input) => {
          handlerRuns += 1;
          return core.handlers.company.update(input);
        },
      },
    },
    core.logger,
  );
  const ipcMain = new IpcMainStandIn();
  const readied: number[] = [];
  registerIpcGate({
    ipcMain,
    dispatch,
    logger: core.logger,
    isTrustedSender: (event) => event.sender.id === 1 && event.senderFrame?.url === APP_URL,
    onRendererReady: (event) => readied.push(event.sender.id),
  });
  return { core, ipcMain, readied, runs: () => handlerRuns };
}

describe('IPC gate', () => {
  const appWindow = { id: 1, url: APP_URL };

  it('refuses an invalid input in main with an error naming the field; the handler never runs', async () => {
    const { core, ipcMain, runs } = setUp();
    const result = await ipcMain.invoke(appWindow, 'company.update', { name: 'Acme', timezone: 'Chicago' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('timezone'), details: { issues: [{ path: 'timezone' }] } },
    });
    expect(runs()).toBe(0);
    expect((await core.handlers.company.get(undefined)).timezone).not.toBe('Chicago');
  });

  it('runs valid calls from the app window', async () => {
    const { ipcMain, runs } = setUp();
    const result = await ipcMain.invoke(appWindow, 'company.update', { name: 'Acme', timezone: 'America/Chicago' });
    expect(result).toMatchObject({ ok: true, value: { name: 'Acme', timezone: 'America/Chicago' } });
    expect(runs()).toBe(1);
  });

  it('drops calls from any other sender before the core sees them', async () => {
    const { core, ipcMain, runs } = setUp();
    for (const sender of [
      { id: 2, url: APP_URL },
      { id: 1, url: 'https://evil.example/' },
    ]) {
      const result = await ipcMain.invoke(sender, 'company.update', { name: 'Hijacked', timezone: 'UTC' });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(runs()).toBe(0);
    expect((await core.handlers.company.get(undefined)).name).toBe('');
  });

  it('refuses a non-string procedure name and unknown procedures', async () => {
    const { ipcMain } = setUp();
    expect(await ipcMain.invoke(appWindow, { path: 'company.get' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ipcMain.invoke(appWindow, 'shell.openExternal', 'https://x')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
  });

  it('accepts the ready signal only from the app window', () => {
    const { ipcMain, readied } = setUp();
    const ready = ipcMain.listeners.get(IPC_READY)!;
    ready({ sender: { id: 2 }, senderFrame: { url: APP_URL } } as unknown as IpcMainEvent);
    ready({ sender: { id: 1 }, senderFrame: { url: APP_URL } } as unknown as IpcMainEvent);
    expect(readied).toEqual([1]);
  });
});
