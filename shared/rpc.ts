// Generic contract machinery: procedures and events are declared once (shared/contract.ts) and every
// other piece — handler types, preload bridge, HTTP routes, renderer client — is derived from here.
import type { z } from 'zod';
import type { Result } from './result';
import type { TableName } from './domain/tables';

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Tables the procedure reads: a `tables.changed` event naming one of them refreshes its queries. */
  reads: readonly TableName[];
  description: string;
  /** Takes whole files as input (CSV imports): hosts accept a larger request body for it. */
  largeInput?: boolean;
}

/** Declares one procedure; exists only to infer precise schema types. */
export const procedure = <I extends z.ZodType, O extends z.ZodType>(def: ProcedureDef<I, O>) => def;

export type ProcedureMap = Record<string, Record<string, ProcedureDef>>;
export type EventMap = Record<string, z.ZodType>;

export type ProcedurePath<C extends ProcedureMap> = {
  [N in keyof C & string]: `${N}.${keyof C[N] & string}`;
}[keyof C & string];

type ArgsOf<I extends z.ZodType> = undefined extends z.input<I> ? [input?: z.input<I>] : [input: z.input<I>];

/** What the renderer sees: `api.company.update(input)` resolving to a typed Result. */
export type Api<C extends ProcedureMap> = {
  [N in keyof C]: {
    [P in keyof C[N]]: (...args: ArgsOf<C[N][P]['input']>) => Promise<Result<z.output<C[N][P]['output']>>>;
  };
};

/** What main must implement: one handler per procedure, so a missing one is a type error. */
export type Handlers<C extends ProcedureMap> = {
  [N in keyof C]: {
    [P in keyof C[N]]: (input: z.output<C[N][P]['input']>) => Promise<z.input<C[N][P]['output']>> | z.input<C[N][P]['output']>;
  };
};

export type EventPayload<E extends EventMap, K extends keyof E> = z.output<E[K]>;
export type EventListener<E extends EventMap, K extends keyof E> = (payload: EventPayload<E, K>) => void;

/** Subscribing always hands back the way to unsubscribe. */
export interface EventSubscriber<E extends EventMap> {
  on<K extends keyof E & string>(name: K, listener: EventListener<E, K>): () => void;
}

/** Every `namespace.procedure` path of a contract, in declaration order. */
export function procedurePaths<C extends ProcedureMap>(contract: C): ProcedurePath<C>[] {
  const paths: string[] = [];
  for (const [ns, procs] of Object.entries(contract)) for (const name of Object.keys(procs)) paths.push(`${ns}.${name}`);
  return paths as ProcedurePath<C>[];
}

/** Finds a procedure by path; own-property checks keep `__proto__`-style paths from resolving. */
export function findProcedure(contract: ProcedureMap, path: string): ProcedureDef | undefined {
  const dot = path.indexOf('.');
  if (dot <= 0) return undefined;
  const ns = path.slice(0, dot);
  const name = path.slice(dot + 1);
  if (!Object.hasOwn(contract, ns)) return undefined;
  const procs = contract[ns]!;
  return Object.hasOwn(procs, name) ? procs[name] : undefined;
}

/** Builds the nested `api.ns.proc(input)` object over any transport that can call a path. */
export function buildApi<C extends ProcedureMap>(
  contract: C,
  call: (path: string, input: unknown) => Promise<Result<unknown>>,
): Api<C> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const [ns, procs] of Object.entries(contract)) {
    const group: Record<string, (input?: unknown) => Promise<Result<unknown>>> = {};
    for (const name of Object.keys(procs)) group[name] = (input?: unknown) => call(`${ns}.${name}`, input);
    api[ns] = group;
  }
  return api as Api<C>;
}
