// Signs one outgoing delivery with every valid secret: X-Kayse-Signature plus the Standard Webhooks headers.
import { AppError } from '../../../shared/result';
import { kayseHmac, standardHmac, type RawBody } from './hmac';
import { signingKey } from './signing-secret';

export interface SignRequestInput {
  /** The event id (`evt_…`), which is also the Standard Webhooks `webhook-id`. */
  eventId: string;
  rawBody: RawBody;
  /** The active secret first, then rotated-out secrets still in their grace period. */
  secrets: readonly string[];
  /** Unix seconds. */
  timestamp: number;
}

export interface SignatureHeaders {
  'X-Kayse-Signature': string;
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** Decoded HMAC keys by secret: a webhook signs thousands of requests with the same one or two secrets. */
const decodedKeys = new Map<string, Buffer>();
function keyOf(secret: string, i: number): Buffer {
  let key = decodedKeys.get(secret);
  if (key === undefined) {
    key = signingKey(secret, `secrets.${i}`);
    if (decodedKeys.size >= 256) decodedKeys.clear();
    decodedKeys.set(secret, key);
  }
  return key;
}

// Printable ASCII without spaces or commas: the id travels in a header and inside the signed string.
const HEADER_SAFE_ID = /^[\x21-\x2b\x2d-\x7e]{1,256}$/;

/** The signature headers for one request, one signature per secret, exactly as the wire contract describes. */
export function signRequest({ eventId, rawBody, secrets, timestamp }: SignRequestInput): SignatureHeaders {
  const problems: { path: string; message: string }[] = [];
  if (!HEADER_SAFE_ID.test(eventId)) problems.push({ path: 'eventId', message: 'must be 1–256 printable ASCII characters without spaces or commas' });
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) problems.push({ path: 'timestamp', message: 'must be a whole number of unix seconds' });
  if (secrets.length === 0) problems.push({ path: 'secrets', message: 'needs at least the active signing secret' });
  if (problems.length > 0) {
    throw new AppError('INVALID_INPUT', `Can't sign the request: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, { issues: problems });
  }
  // Digested straight to text and appended: this runs for every attempt, and each Buffer or array more is garbage.
  let kayse = `t=${timestamp}`;
  let standard = '';
  for (let i = 0; i < secrets.length; i += 1) {
    const key = keyOf(secrets[i]!, i);
    kayse += `,v1=${kayseHmac(key, timestamp, rawBody).digest('hex')}`;
    standard += `${i === 0 ? '' : ' '}v1,${standardHmac(key, eventId, timestamp, rawBody).digest('base64')}`;
  }
  return { 'X-Kayse-Signature': kayse, 'webhook-id': eventId, 'webhook-timestamp': String(timestamp), 'webhook-signature': standard };
}
