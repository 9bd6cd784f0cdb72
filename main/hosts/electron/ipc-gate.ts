// The one IPC gate: every contract call from a renderer arrives here; calls from anything other than the
// app's own window are dropped before the core sees them, and inputs are validated by the dispatcher.
import type { IpcMainInvokeEvent, IpcMainEvent } from 'electron';
import { fail, type Result } from '../../../shared/result';
import { IPC_READY, IPC_RPC } from '../../../shared/ipc-channels';
import type { Dispatch } from '../../core';
import type { Logger } from '../../log';

/** The slice of Electron's ipcMain the gate uses (typed from Electron, so tests can pass a stand-in). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): void;
  removeHandler(channel: string): void;
}

export interface IpcGateOptions {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  logger: Logger;
  /** True only for the app's own window loading the app's own page. */
  isTrustedSender(event: IpcMainInvokeEvent | IpcMainEvent): boolean;
  /** The trusted window announced it listens for events. */
  onRendererReady(event: IpcMainEvent): void;
}

export function registerIpcGate({ ipcMain, dispatch, logger, isTrustedSender, onRendererReady }: IpcGateOptions): () => void {
  ipcMain.handle(IPC_RPC, async (event, path, input): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) {
      logger.warn({ url: event.senderFrame?.url, path: String(path) }, 'IPC call from an untrusted sender dropped');
      return fail('FORBIDDEN', 'This window may not call the console.');
    }
    if (typeof path !== 'string') return fail('INVALID_INPUT', 'The procedure name must be a string.');
    return dispatch(path, input);
  });
  ipcMain.on(IPC_READY, (event) => {
    if (isTrustedSender(event)) onRendererReady(event);
  });
  return () => ipcMain.removeHandler(IPC_RPC);
}
