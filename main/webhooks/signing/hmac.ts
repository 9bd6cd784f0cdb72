// The two signature schemes of the wire contract, as raw HMAC-SHA256 digests over the exact bytes sent.
import { createHmac } from 'node:crypto';

/** A request body as sent on the wire: a string is signed as its UTF-8 bytes. */
export type RawBody = string | Uint8Array;

/** HMAC-SHA256(key, "<t>.<raw body>"), the digest behind `X-Kayse-Signature: v1=`. */
export function kayseDigest(key: Buffer, timestamp: number, rawBody: RawBody): Buffer {
  return createHmac('sha256', key).update(`${timestamp}.`, 'utf8').update(rawBody).digest();
}

/** HMAC-SHA256(key, "<id>.<t>.<raw body>"), the digest behind Standard Webhooks' `webhook-signature: v1,`. */
export function standardDigest(key: Buffer, id: string, timestamp: number, rawBody: RawBody): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`, 'utf8').update(rawBody).digest();
}
