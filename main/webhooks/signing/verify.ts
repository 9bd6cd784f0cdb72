// Receiver-side checks of both signature schemes (used by our tests and shown in docs/webhooks.md).
import { timingSafeEqual } from 'node:crypto';
import { kayseDigest, standardDigest, type RawBody } from './hmac';
import { signingKey } from './signing-secret';

export const DEFAULT_TOLERANCE_SECONDS = 300;

export type VerifyFailure = 'missing_header' | 'malformed_header' | 'timestamp_too_old' | 'timestamp_in_future' | 'no_matching_signature';
export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure };

interface VerifyCommon {
  /** The body exactly as received, before any JSON parsing. */
  rawBody: RawBody;
  /** The receiver's signing secret(s) (`whsec_…`); pass both while rotating. */
  secrets: string | readonly string[];
  /** The receiver's current time; defaults to the system clock. */
  now?: Date;
  toleranceSeconds?: number;
}

export interface VerifyKayseInput extends VerifyCommon {
  /** The `X-Kayse-Signature` header value. */
  header: string | null | undefined;
}

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export interface VerifyStandardInput extends VerifyCommon {
  /** The request headers (a fetch `Headers` or Node's `req.headers`); names are matched case-insensitively. */
  headers: HeaderBag;
}

const fail = (reason: VerifyFailure): VerifyResult => ({ ok: false, reason });
const UNIX_SECONDS = /^\d{1,15}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

/** Checks `X-Kayse-Signature: t=<t>,v1=<hex>[,v1=<hex>…]` against the raw body; any one matching secret passes. */
export function verifyKayseSignature({ rawBody, header, secrets, now, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS }: VerifyKayseInput): VerifyResult {
  if (!header?.trim()) return fail('missing_header');
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return fail('malformed_header');
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === 't') {
      if (timestamp !== undefined || !UNIX_SECONDS.test(value)) return fail('malformed_header');
      timestamp = Number(value);
    } else if (name === 'v1') {
      if (!HEX_SHA256.test(value)) return fail('malformed_header');
      signatures.push(Buffer.from(value, 'hex'));
    }
    // Other schemes (a future v2) are ignored, so receivers keep working when one is added.
  }
  if (timestamp === undefined || signatures.length === 0) return fail('malformed_header');
  const late = timestampProblem(timestamp, now, toleranceSeconds);
  if (late) return fail(late);
  const expected = keysOf(secrets).map((key) => kayseDigest(key, timestamp, rawBody));
  return anyMatch(expected, signatures) ? { ok: true } : fail('no_matching_signature');
}

/** Checks the Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`) against the raw body. */
export function verifyStandardWebhook({ rawBody, headers, secrets, now, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS }: VerifyStandardInput): VerifyResult {
  const id = headerValue(headers, 'webhook-id');
  const stamp = headerValue(headers, 'webhook-timestamp');
  const signature = headerValue(headers, 'webhook-signature');
  if (id === undefined || stamp === undefined || signature === undefined) return fail('missing_header');
  if (id === null || stamp === null || signature === null || !UNIX_SECONDS.test(stamp.trim())) return fail('malformed_header');
  const signatures: Buffer[] = [];
  for (const entry of signature.split(' ').filter(Boolean)) {
    const comma = entry.indexOf(',');
    if (comma <= 0) return fail('malformed_header');
    if (entry.slice(0, comma) !== 'v1') continue; // e.g. v1a (asymmetric), which we never send
    const value = entry.slice(comma + 1);
    if (!BASE64_SHA256.test(value)) return fail('malformed_header');
    signatures.push(Buffer.from(value, 'base64'));
  }
  const timestamp = Number(stamp.trim());
  const late = timestampProblem(timestamp, now, toleranceSeconds);
  if (late) return fail(late);
  const expected = keysOf(secrets).map((key) => standardDigest(key, id, timestamp, rawBody));
  return anyMatch(expected, signatures) ? { ok: true } : fail('no_matching_signature');
}

function timestampProblem(timestamp: number, now: Date | undefined, toleranceSeconds: number): VerifyFailure | null {
  const nowSeconds = Math.floor((now ?? new Date()).getTime() / 1000);
  if (nowSeconds - timestamp > toleranceSeconds) return 'timestamp_too_old';
  if (timestamp - nowSeconds > toleranceSeconds) return 'timestamp_in_future';
  return null;
}

function keysOf(secrets: string | readonly string[]): Buffer[] {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  return list.map((secret, i) => signingKey(secret, typeof secrets === 'string' ? 'secrets' : `secrets.${i}`));
}

/** Constant-time per comparison: every candidate is a 32-byte digest compared with timingSafeEqual. */
function anyMatch(expected: Buffer[], received: Buffer[]): boolean {
  let matched = false;
  for (const mine of expected) {
    for (const theirs of received) {
      if (mine.length === theirs.length && timingSafeEqual(mine, theirs)) matched = true;
    }
  }
  return matched;
}

function isFetchHeaders(headers: HeaderBag): headers is Headers {
  return typeof (headers as Headers).get === 'function';
}

/** A header's value: undefined when absent (or empty), null when repeated (ambiguous). */
function headerValue(headers: HeaderBag, name: string): string | null | undefined {
  if (isFetchHeaders(headers)) return headers.get(name) || undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (Array.isArray(value)) return value.length === 1 ? value[0] || undefined : value.length === 0 ? undefined : null;
    return value || undefined;
  }
  return undefined;
}
