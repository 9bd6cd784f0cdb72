// Form bodies for the CRM webhook routes only (the rest of the ingest API stays JSON-only): URL-encoded forms read
// strictly (percent-escaped bytes that are not UTF-8 are refused, never decoded to U+FFFD), and multipart forms,
// since "form data" may mean either. Fields only; the first of a repeated name wins, as URLSearchParams.get does.
import type { FastifyInstance } from 'fastify';

/** A form body that can't be read; `field` names where, when known. */
export class FormBodyError extends Error {
  readonly statusCode = 400;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'FormBodyError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const PLUS = 0x2b;
const PERCENT = 0x25;
const hexValue = (b: number | undefined) => {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const lower = b | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
};

/** application/x-www-form-urlencoded decoding of one name or value (WHATWG: '+' is a space, bad escapes kept). */
function decodePart(bytes: Uint8Array): string {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i]!;
    const hi = b === PERCENT ? hexValue(bytes[i + 1]) : -1;
    const lo = b === PERCENT ? hexValue(bytes[i + 2]) : -1;
    if (hi >= 0 && lo >= 0) {
      out.push(hi * 16 + lo);
      i += 2;
    } else out.push(b === PLUS ? 0x20 : b);
  }
  return decoder.decode(Uint8Array.from(out));
}

/** The fields of a URL-encoded body; throws FormBodyError naming the field whose text is not UTF-8. */
export function parseUrlEncoded(body: Uint8Array): Record<string, string> {
  const fields: Record<string, string> = {};
  let start = 0;
  let index = 0;
  while (start <= body.length) {
    let end = body.indexOf(0x26, start);
    if (end < 0) end = body.length;
    const pair = body.subarray(start, end);
    start = end + 1;
    index += 1;
    if (pair.length === 0) continue;
    const eq = pair.indexOf(0x3d);
    let name: string;
    try {
      name = decodePart(eq < 0 ? pair : pair.subarray(0, eq));
    } catch {
      throw new FormBodyError(`The name of form field ${index} is not UTF-8 text. Send the form encoded as UTF-8.`);
    }
    let value: string;
    try {
      value = eq < 0 ? '' : decodePart(pair.subarray(eq + 1));
    } catch {
      throw new FormBodyError(`The form field ${JSON.stringify(name)} is not UTF-8 text. Send the form encoded as UTF-8.`, name);
    }
    // Object.hasOwn, not `in`: a field named "toString" or "__proto__" is a field like any other (own data property).
    if (!Object.hasOwn(fields, name)) Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

/** The text fields of a multipart/form-data body (read by the platform's own parser); a file part is refused. */
export async function parseMultipart(body: Uint8Array, contentType: string): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    throw new FormBodyError(`The multipart form could not be read (${error instanceof Error ? error.message : String(error)}). Check its boundary.`);
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value !== 'string') throw new FormBodyError(`The form field ${JSON.stringify(name)} is a file; the webhook takes text fields only.`, name);
    if (!Object.hasOwn(fields, name)) Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

/** Adds both form parsers to `scope` (an encapsulated plugin: other routes keep refusing forms with 415). */
export function useFormBodies(scope: FastifyInstance): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseUrlEncoded(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (request, body, done) => {
    parseMultipart(body as Buffer, String(request.headers['content-type'])).then(
      (fields) => done(null, fields),
      (error: Error) => done(error, undefined),
    );
  });
}
