// The headers of one webhook request exactly as the wire contract lists them, and the copy the delivery log keeps
// (the App Key masked).
import type { RawBody } from '../signing/hmac';
import { signRequest } from '../signing/sign';

export const APP_KEY_HEADER = 'X-Public-Api-Key';

export interface RequestHeadersInput {
  eventId: string;
  eventType: string;
  deliveryId: string;
  attemptNumber: number;
  body: RawBody;
  /** The active signing secret first, then rotated-out ones still in grace. */
  secrets: readonly string[];
  /** Unix seconds. */
  timestamp: number;
  appKey: string | null;
  test: boolean;
  userAgent: string;
}

export function requestHeaders(input: RequestHeadersInput): Record<string, string> {
  const signature = signRequest({ eventId: input.eventId, rawBody: input.body, secrets: input.secrets, timestamp: input.timestamp });
  // Spelt out rather than spread: this runs for every attempt, and spreads into literals are slow in V8.
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': input.userAgent,
    'X-Kayse-Event': input.eventType,
    'X-Kayse-Event-Id': input.eventId,
    'X-Kayse-Delivery': input.deliveryId,
    'X-Kayse-Attempt': String(input.attemptNumber),
    'X-Kayse-Signature': signature['X-Kayse-Signature'],
    'webhook-id': signature['webhook-id'],
    'webhook-timestamp': signature['webhook-timestamp'],
    'webhook-signature': signature['webhook-signature'],
  };
  if (input.appKey !== null) headers[APP_KEY_HEADER] = input.appKey;
  if (input.test) headers['X-Kayse-Test'] = 'true';
  return headers;
}

/** An App Key as the log shows it: only its last four characters, and those only when the key is long enough. */
export const maskAppKey = (key: string): string => (key.length >= 16 ? `••••${key.slice(-4)}` : '••••');

/** The headers as logged: the App Key masked, everything else (signatures are not secrets) as sent. */
export function loggedHeaders(headers: Record<string, string>): Record<string, string> {
  const key = headers[APP_KEY_HEADER];
  return key === undefined ? headers : { ...headers, [APP_KEY_HEADER]: maskAppKey(key) };
}
