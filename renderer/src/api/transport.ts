// How the renderer reaches main: Electron's preload bridge when present, otherwise HTTP + SSE to the headless
// host. Both hand back the same typed Api derived from the contract.
import { contract, events, type Contract, type ContractEvents } from '../../../shared/contract';
import { buildApi, type Api, type EventSubscriber } from '../../../shared/rpc';
import type { Result } from '../../../shared/result';

export interface Bridge {
  api: Api<Contract>;
  events: EventSubscriber<ContractEvents>;
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
  if (preload) return { api: preload, events: preload.events };
  return { api: buildApi(contract, httpCall), events: sseEvents() };
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

/** One EventSource for all contract events; listeners are multiplexed on top of it. */
function sseEvents(): EventSubscriber<ContractEvents> {
  let source: EventSource | undefined;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const ensure = (name: string) => {
    source ??= new EventSource('/events', { withCredentials: true });
    if (listeners.has(name)) return;
    listeners.set(name, new Set());
    source.addEventListener(name, (message) => {
      const parsed = events[name as keyof ContractEvents].safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (!parsed.success) return;
      for (const l of listeners.get(name) ?? []) l(parsed.data);
    });
  };
  return {
    on(name, listener) {
      ensure(name);
      const set = listeners.get(name)!;
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
}
