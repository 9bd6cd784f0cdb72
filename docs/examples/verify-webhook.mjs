// Verifies a Kayse webhook request with plain node:crypto (no dependencies; Node.js 18 or later).
// rawBody: the request body exactly as received (a Buffer or string), before any JSON parsing.
// headers: Node's req.headers, a plain object (any header case) or a fetch Headers.
// secrets: your signing secret ("whsec_…"), or a list of them while you rotate.
import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOLERANCE_SECONDS = 5 * 60;

/** One header's value, whatever the case of its name; undefined when absent. */
function header(headers, name) {
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(',') : value;
  }
  return undefined;
}

/** The HMAC key of a signing secret: the bytes after "whsec_", base64-decoded (not the text itself). */
function keysOf(secrets) {
  return (Array.isArray(secrets) ? secrets : [secrets]).map((secret) => {
    if (!secret.startsWith('whsec_')) throw new Error('a Kayse signing secret starts with whsec_');
    return Buffer.from(secret.slice('whsec_'.length), 'base64');
  });
}

/** True when the timestamp (unix seconds) is within the tolerance of now, either side. */
function isFresh(timestamp, now, toleranceSeconds) {
  if (!/^\d{1,15}$/.test(timestamp ?? '')) return false;
  return Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) <= toleranceSeconds;
}

/** True when any received signature equals any expected one; every comparison is constant-time. */
function anyMatch(expected, received) {
  let matched = false;
  for (const mine of expected) {
    for (const theirs of received) {
      if (mine.length === theirs.length && timingSafeEqual(mine, theirs)) matched = true;
    }
  }
  return matched;
}

/** Checks X-Kayse-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…] over "<t>.<raw body>". */
export function verifyKayseSignature(rawBody, headers, secrets, { now = new Date(), toleranceSeconds = TOLERANCE_SECONDS } = {}) {
  const parts = (header(headers, 'x-kayse-signature') ?? '').split(',').map((part) => part.trim());
  const timestamps = parts.filter((part) => part.startsWith('t=')).map((part) => part.slice(2));
  const received = parts.filter((part) => part.startsWith('v1=')).map((part) => Buffer.from(part.slice(3), 'hex'));
  if (timestamps.length !== 1 || received.length === 0) return false;
  const [timestamp] = timestamps;
  if (!isFresh(timestamp, now, toleranceSeconds)) return false;
  const expected = keysOf(secrets).map((key) => createHmac('sha256', key).update(`${timestamp}.`).update(rawBody).digest());
  return anyMatch(expected, received);
}

/** Checks the Standard Webhooks headers: webhook-signature: v1,<base64>[ v1,<base64>…] over "<id>.<t>.<raw body>". */
export function verifyStandardWebhook(rawBody, headers, secrets, { now = new Date(), toleranceSeconds = TOLERANCE_SECONDS } = {}) {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signature = header(headers, 'webhook-signature');
  if (!id || !signature || !isFresh(timestamp, now, toleranceSeconds)) return false;
  const received = signature
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  const expected = keysOf(secrets).map((key) => createHmac('sha256', key).update(`${id}.${timestamp}.`).update(rawBody).digest());
  return anyMatch(expected, received);
}
