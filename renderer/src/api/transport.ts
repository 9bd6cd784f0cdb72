// How the renderer reaches main: Electron's preload bridge when present, otherwise HTTP + SSE to the headless
// host. Both hand back the same typed Api derived from the contract.
import { contract, type Contract, type ContractEvents } from '../../../shared/contract';
import { buildApi, type Api, type EventSubscriber } from '../../../shared/rpc';
import type { Result } from '../../../shared/result';
import { alwaysLive, sseEvents, type LiveConnection } from './event-stream';

export interface Bridge {
  api: Api<Contract>;
  events: EventSubscriber<ContractEvents>;
  /** The state of the stream that carries `events`: what the Live badge shows. */
  connection: LiveConnection;
}

/** The shape the preload puts on `window.kayse`. */
export type PreloadBridge = Api<Contract> & { events: EventSubscriber<ContractEvents> };

declare global {
  interface Window {
    kayse?: PreloadBridge;
  }
}

export function connect(): Bridge {
  const preload = window.kayse;
  if (preload) return { api: preload, events: preload.events, connection: alwaysLive };
  return { api: buildApi(contract, httpCall), ...sseEvents() };
}

async function httpCall(path: string, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? null),
    });
  } catch (error) {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `The console's host can't be reached (${(error as Error).message}). Is it still running?` },
    };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `Unexpected answer from the host (HTTP ${response.status}).` } };
  }
}
