// The preload bridge: exposes the contract's domain methods (api.company.update(…)) and event subscriptions,
// and nothing else — no ipcRenderer, no channel names, no Node.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { contract, type ContractEvents } from '../shared/contract';
import { buildApi, type EventListener } from '../shared/rpc';
import type { Result } from '../shared/result';
import { IPC_EVENT, IPC_READY, IPC_RPC } from '../shared/ipc-channels';

const api = buildApi(contract, (path, input) => ipcRenderer.invoke(IPC_RPC, path, input) as Promise<Result<unknown>>);

let announcedReady = false;
const events = {
  on<K extends keyof ContractEvents & string>(name: K, listener: EventListener<ContractEvents, K>): () => void {
    const forward = (_event: IpcRendererEvent, eventName: string, payload: unknown) => {
      if (eventName === name) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(IPC_EVENT, forward);
    // Main holds pushes until the window has a listener, so nothing sent during start-up is lost.
    if (!announcedReady) {
      announcedReady = true;
      ipcRenderer.send(IPC_READY);
    }
    return () => {
      ipcRenderer.off(IPC_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('kayse', { ...api, events });
