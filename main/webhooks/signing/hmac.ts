// The two signature schemes of the wire contract, as HMAC-SHA256 over the exact bytes sent.
import { createHmac, type Hmac } from 'node:crypto';

/** A request body as sent on the wire: a string is signed as its UTF-8 bytes. */
export type RawBody = string | Uint8Array;

/** HMAC-SHA256(key, "<t>.<raw body>"), behind `X-Kayse-Signature: v1=`; signing digests it straight to hex. */
export const kayseHmac = (key: Buffer, timestamp: number, rawBody: RawBody): Hmac =>
  createHmac('sha256', key).update(`${timestamp}.`, 'utf8').update(rawBody);

/** HMAC-SHA256(key, "<id>.<t>.<raw body>"), behind Standard Webhooks' `webhook-signature: v1,` (base64). */
export const standardHmac = (key: Buffer, id: string, timestamp: number, rawBody: RawBody): Hmac =>
  createHmac('sha256', key).update(`${id}.${timestamp}.`, 'utf8').update(rawBody);

/** The raw digests, as verification compares them. */
export const kayseDigest = (key: Buffer, timestamp: number, rawBody: RawBody): Buffer => kayseHmac(key, timestamp, rawBody).digest();
export const standardDigest = (key: Buffer, id: string, timestamp: number, rawBody: RawBody): Buffer =>
  standardHmac(key, id, timestamp, rawBody).digest();
