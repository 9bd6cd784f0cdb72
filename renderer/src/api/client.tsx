// TanStack Query over the contract: every query is keyed by its procedure path, and a `tables.changed`
// event invalidates exactly the queries whose procedure reads one of the changed tables.
import { QueryClient, useMutation, useQuery, useQueryClient, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { z } from 'zod';
import { contract, type Contract } from '../../../shared/contract';
import { findProcedure, type ProcedurePath } from '../../../shared/rpc';
import { RemoteError, type Result } from '../../../shared/result';
import type { TableName } from '../../../shared/domain/tables';
import type { LiveState } from './event-stream';
import type { Bridge } from './transport';

type Path = ProcedurePath<Contract>;
type Ns<P extends Path> = P extends `${infer N}.${string}` ? N & keyof Contract : never;
type Name<P extends Path> = P extends `${string}.${infer M}` ? M & keyof Contract[Ns<P>] : never;
type Def<P extends Path> = Contract[Ns<P>][Name<P>];
export type InputOf<P extends Path> = Def<P> extends { input: infer I extends z.ZodType } ? z.input<I> : never;
export type OutputOf<P extends Path> = Def<P> extends { output: infer O extends z.ZodType } ? z.output<O> : never;

const BridgeContext = createContext<Bridge | null>(null);

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('ApiProvider missing');
  return bridge;
}

/** The live event stream's state (live, reconnecting, lost), re-rendering the caller when it changes. */
export function useLiveState(): LiveState {
  const { connection } = useBridge();
  return useSyncExternalStore(connection.onChange, connection.state);
}

/** Calls a procedure and unwraps its Result, rethrowing failures as RemoteError (code and details kept). */
export async function call<P extends Path>(bridge: Bridge, path: P, input: InputOf<P>): Promise<OutputOf<P>> {
  const [ns, name] = path.split('.') as [string, string];
  const fn = (bridge.api as unknown as Record<string, Record<string, (i: unknown) => Promise<Result<unknown>>>>)[ns]![name]!;
  const result = await fn(input);
  if (!result.ok) throw new RemoteError(result.error);
  return result.value as OutputOf<P>;
}

/** Whether a `tables.changed` naming `tables` makes the query keyed `queryKey` stale: its procedure reads one of them. */
export function readsAnyOf(queryKey: QueryKey, tables: readonly TableName[]): boolean {
  const def = findProcedure(contract, String(queryKey[0]));
  return !!def && def.reads.some((t) => tables.includes(t));
}

export function ApiProvider({ bridge, client, children }: { bridge: Bridge; client: QueryClient; children: ReactNode }) {
  useEffect(
    () =>
      bridge.events.on('tables.changed', ({ tables }) => {
        void client.invalidateQueries({ predicate: (query) => readsAnyOf(query.queryKey, tables) });
      }),
    [bridge, client],
  );
  // Changes announced while the stream was down were missed: once it is back, refresh everything on screen.
  useEffect(() => {
    let was = bridge.connection.state();
    return bridge.connection.onChange((state) => {
      if (state === 'live' && (was === 'reconnecting' || was === 'lost')) void client.invalidateQueries();
      was = state;
    });
  }, [bridge, client]);
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useContractQuery<P extends Path>(
  path: P,
  input: InputOf<P>,
  options?: Omit<UseQueryOptions<OutputOf<P>, RemoteError>, 'queryKey' | 'queryFn'>,
) {
  const bridge = useBridge();
  return useQuery<OutputOf<P>, RemoteError>({
    queryKey: [path, input],
    queryFn: () => call(bridge, path, input),
    ...options,
  });
}

export function useContractMutation<P extends Path>(path: P) {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation<OutputOf<P>, RemoteError, InputOf<P>>({
    mutationFn: (input) => call(bridge, path, input),
    // Hosts announce changed tables, but refreshing here too keeps the UI right if the event stream dropped.
    onSuccess: () => client.invalidateQueries(),
  });
}
