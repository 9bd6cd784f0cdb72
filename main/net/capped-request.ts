// One request through a guarded agent whose answer is read whole, up to a cap: what the CRM and scheduling clients
// share. An answer past the cap is refused (AnswerTooLarge) rather than held in memory; each client turns that, and
// transport failures, into its own typed errors.
import { request, type Dispatcher } from 'undici';

export interface CappedRequest {
  method: Dispatcher.HttpMethod;
  headers?: Record<string, string>;
  body?: string;
  dispatcher: Dispatcher;
  /** Time allowed for the whole request (connect, send, answer). */
  timeoutMs: number;
  maxBytes: number;
  /** Ends the request early (a caller's own deadline), besides `timeoutMs`. */
  signal?: AbortSignal;
}

export interface CappedAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** The answer was longer than the cap; what was read is dropped and the connection closed. */
export class AnswerTooLarge extends Error {
  constructor(
    readonly status: number,
    readonly maxBytes: number,
  ) {
    super(`the answer is longer than ${maxBytes} bytes`);
    this.name = 'AnswerTooLarge';
  }
}

/** Sends the request and reads the answer as UTF-8 text; throws AnswerTooLarge past `maxBytes`, else undici's errors. */
export async function requestCapped(url: string, req: CappedRequest): Promise<CappedAnswer> {
  const res = await request(url, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    dispatcher: req.dispatcher,
    headersTimeout: req.timeoutMs,
    bodyTimeout: req.timeoutMs,
    signal: req.signal ? AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)]) : AbortSignal.timeout(req.timeoutMs),
  });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > req.maxBytes) {
      res.body.destroy();
      throw new AnswerTooLarge(res.statusCode, req.maxBytes);
    }
    chunks.push(chunk);
  }
  return { status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') };
}
