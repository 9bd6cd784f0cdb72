// JSON request bodies for the console's HTTP servers (the ingest API, the headless host), read strictly: bytes
// that are not UTF-8 are refused instead of being decoded to U+FFFD (which would store altered text), and keys
// that would change object prototypes are refused by their path instead of as "not valid JSON".
import type { FastifyInstance } from 'fastify';

export type JsonPath = readonly (string | number)[];

export type JsonBodyProblem =
  | { kind: 'empty' }
  | { kind: 'encoding'; offset: number; bytes: string }
  | { kind: 'syntax'; detail: string }
  | { kind: 'prototype'; keys: { path: JsonPath; key: '__proto__' | 'constructor' }[] };

/** A body that was received whole but can't be taken as JSON; `problem` says what each server should name. */
export class JsonBodyError extends Error {
  /** Fastify answers a parser's error with this status when a server has no mapping for it. */
  readonly statusCode = 400;
  constructor(
    readonly problem: JsonBodyProblem,
    message: string,
  ) {
    super(message);
    this.name = 'JsonBodyError';
  }
}

/** Why a prototype key is refused, for a field issue's message. (A function: `{__proto__: …}` in an object
 * literal would set that object's prototype, not a key.) */
export function prototypeKeyReason(key: '__proto__' | 'constructor'): string {
  return key === '__proto__'
    ? 'a "__proto__" key is refused: it would change the prototype of the object holding it; rename the field'
    : 'a "constructor" object holding "prototype" is refused: it would change object prototypes; rename the field';
}

const decoder = new TextDecoder('utf-8', { fatal: true });

// A key spelled with JSON escapes (`"\u005f_proto__"`) is the same key once parsed: the patterns accept both, as
// secure-json-parse's do. Only bodies that match are walked.
const PROTO_KEY = /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/;
const CONSTRUCTOR_KEY =
  /"(?:c|\\u0063)(?:o|\\u006[Ff])(?:n|\\u006[Ee])(?:s|\\u0073)(?:t|\\u0074)(?:r|\\u0072)(?:u|\\u0075)(?:c|\\u0063)(?:t|\\u0074)(?:o|\\u006[Ff])(?:r|\\u0072)"\s*:/;

/** The byte offset of the first byte that does not belong to a well-formed UTF-8 sequence (-1 if none). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the range the first of them must fall in (RFC 3629:
    // no overlong forms, no surrogates, nothing above U+10FFFF).
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');

/** Every `__proto__` key, and every `constructor` key holding an object with `prototype`, with its path. */
function prototypeKeys(value: unknown, checkProto: boolean, checkConstructor: boolean): { path: JsonPath; key: '__proto__' | 'constructor' }[] {
  const found: { path: JsonPath; key: '__proto__' | 'constructor' }[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    // JSON.parse makes every key an own data property, `__proto__` included: reading them is safe.
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      if (checkProto && key === '__proto__') found.push({ path: [...path, key], key });
      else if (checkConstructor && key === 'constructor' && typeof child === 'object' && child !== null && Object.hasOwn(child, 'prototype')) {
        found.push({ path: [...path, key], key });
      }
      walk(child, [...path, key]);
    }
  };
  walk(value, []);
  return found;
}

/** Parses a JSON body; throws JsonBodyError when it is empty, not UTF-8, not JSON, or holds prototype keys. */
export function parseJsonBody(body: Uint8Array): unknown {
  if (body.length === 0) throw new JsonBodyError({ kind: 'empty' }, 'The body is empty.');
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8Offset(body));
    const bytes = hex(body.subarray(offset, Math.min(offset + 4, body.length)));
    throw new JsonBodyError(
      { kind: 'encoding', offset, bytes },
      `The body is not valid UTF-8: the bytes at offset ${offset} (${bytes}) are not a UTF-8 character. Send JSON encoded as UTF-8 (escape other text as \\uXXXX).`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new JsonBodyError({ kind: 'syntax', detail }, `The body is not valid JSON (${detail}).`);
  }
  const checkProto = PROTO_KEY.test(text);
  const checkConstructor = CONSTRUCTOR_KEY.test(text);
  if (checkProto || checkConstructor) {
    const keys = prototypeKeys(value, checkProto, checkConstructor);
    if (keys.length > 0) {
      throw new JsonBodyError({ kind: 'prototype', keys }, 'The body holds keys that would change object prototypes ("__proto__", or "constructor" with "prototype"); they are refused.');
    }
  }
  return value;
}

/** Replaces fastify's JSON parser (which decodes bad bytes to U+FFFD) with `parseJsonBody`. */
export function useStrictJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
