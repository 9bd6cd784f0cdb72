// Test kit: the contract as a typed client, over the dispatcher (`testApi(core)`) or over the headless host's HTTP
// routes (`httpApi(origin, token)`, for e2e and benchmarks). `api.ns.proc(input)` resolves with the value and throws
// a CallError (code, message, details) on a refusal; `api.raw.ns.proc(input)` hands back the answer as it came,
// and takes any input, so a test can send what the contract refuses. Framework-free: vitest, Playwright and
// bench scripts all import it.
import type { z } from 'zod';
import { contract, type Contract } from '../../shared/contract';
import { RemoteError, type ContractError, type Result } from '../../shared/result';

type ArgsOf<D> = D extends { input: infer I extends z.ZodType } ? (undefined extends z.input<I> ? [input?: z.input<I>] : [input: z.input<I>]) : never;
type OutputOf<D> = D extends { output: infer O extends z.ZodType } ? z.output<O> : never;

/** Every procedure, typed by the contract, resolving with its value. */
export type ValueApi = {
  [N in keyof Contract]: { [P in keyof Contract[N]]: (...args: ArgsOf<Contract[N][P]>) => Promise<OutputOf<Contract[N][P]>> };
};

/** A refused call: the contract error's code, message and details, the procedure's path and (over HTTP) the status. */
export class CallError extends RemoteError {
  constructor(
    readonly path: string,
    readonly error: ContractError,
    readonly status?: number,
  ) {
    super(error);
    this.name = 'CallError';
    this.message = `${path} failed${status === undefined ? '' : ` (HTTP ${status})`}: ${error.code} ${error.message}`;
  }
}

/** Every procedure with any input, resolving with `Answer<its output>` as it came. */
export type RawApi<Answer extends 'result' | 'http'> = {
  [N in keyof Contract]: {
    [P in keyof Contract[N]]: (input?: unknown) => Promise<Answer extends 'http' ? HttpAnswer<OutputOf<Contract[N][P]>> : Result<OutputOf<Contract[N][P]>>>;
  };
};

/** The typed client over the dispatcher; `raw` gives each Result. */
export type TestApi = ValueApi & { raw: RawApi<'result'> };

/** The answer of the headless host to one call: HTTP status and the Result body. */
export interface HttpAnswer<T> {
  status: number;
  body: Result<T>;
}

/** The typed client over HTTP; `raw` gives each status and Result body. */
export type HttpApi = ValueApi & { raw: RawApi<'http'> };

/** Builds `api.ns.proc` over `call`, with `unwrap` turning each answer into the value (or throwing). */
function build(call: (path: string, input: unknown) => Promise<unknown>, unwrap: (path: string, answer: never) => unknown): ValueApi & { raw: unknown } {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  const raw: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const [ns, procs] of Object.entries(contract)) {
    api[ns] = {};
    raw[ns] = {};
    for (const name of Object.keys(procs)) {
      const path = `${ns}.${name}`;
      raw[ns][name] = (input?: unknown) => call(path, input);
      api[ns][name] = async (input?: unknown) => unwrap(path, (await call(path, input)) as never);
    }
  }
  return Object.assign(api as unknown as ValueApi, { raw });
}

/** The contract over a core's dispatcher (the real validation, handlers and output checks). */
export function testApi(core: { dispatch(path: string, input: unknown): Promise<Result<unknown>> }): TestApi {
  return build(
    (path, input) => core.dispatch(path, input),
    (path, result: Result<unknown>) => {
      if (!result.ok) throw new CallError(path, result.error);
      return result.value;
    },
  ) as TestApi;
}

/** The contract over the headless host at `origin` (POST /rpc/<path>), with its bearer token (null: none). */
export function httpApi(origin: string, token: string | null): HttpApi {
  const call = async (path: string, input: unknown): Promise<HttpAnswer<unknown>> => {
    const res = await fetch(`${origin}/rpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      // JSON has no `undefined`: the host reads null as "no input".
      body: JSON.stringify(input ?? null),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) as Result<unknown> };
    } catch {
      throw new Error(`${path}: HTTP ${res.status} answered with a body that is not JSON: ${text.slice(0, 200)}`);
    }
  };
  return build(call, (path, { status, body }: HttpAnswer<unknown>) => {
    if (!body.ok) throw new CallError(path, body.error, status);
    return body.value;
  }) as HttpApi;
}

/** The error of a call that must be refused (throws if it succeeded): `await refusal(api.raw.cases.update(input))`. */
export async function refusal(answer: Promise<Result<unknown> | HttpAnswer<unknown>>): Promise<ContractError> {
  const settled = await answer;
  const result = 'body' in settled ? settled.body : settled;
  if (result.ok) throw new Error(`the call succeeded but should have been refused: ${JSON.stringify(result.value)?.slice(0, 500)}`);
  return result.error;
}
