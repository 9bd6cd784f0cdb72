// Webhook signing secrets: `whsec_` + base64 of 32 random bytes; the HMAC key is the decoded bytes.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/result';

export const SIGNING_SECRET_PREFIX = 'whsec_';
export const SIGNING_KEY_BYTES = 32;

/** A source of cryptographically random bytes; injectable so tests can make a known secret. */
export type RandomBytes = (size: number) => Uint8Array;

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/** A new signing secret from `random` (crypto.randomBytes unless a test injects another source). */
export function generateSigningSecret(random: RandomBytes = randomBytes): string {
  const bytes = random(SIGNING_KEY_BYTES);
  if (bytes.length !== SIGNING_KEY_BYTES) {
    throw new AppError('INTERNAL', `The random source returned ${bytes.length} bytes instead of ${SIGNING_KEY_BYTES}.`);
  }
  return `${SIGNING_SECRET_PREFIX}${Buffer.from(bytes).toString('base64')}`;
}

/** Why `text` is not a signing secret, or null when it is one. Never echoes the text itself. */
export function signingSecretProblem(text: string): string | null {
  if (!text.startsWith(SIGNING_SECRET_PREFIX)) return `it must start with "${SIGNING_SECRET_PREFIX}"`;
  const encoded = text.slice(SIGNING_SECRET_PREFIX.length);
  if (!BASE64_32_BYTES.test(encoded)) {
    return `after "${SIGNING_SECRET_PREFIX}" it must be the base64 of ${SIGNING_KEY_BYTES} bytes (44 characters ending in "="), got ${encoded.length} characters`;
  }
  return null;
}

/** The HMAC key of a signing secret; a malformed secret is an INVALID_INPUT error that says what is wrong. */
export function signingKey(secret: string, field = 'secret'): Buffer {
  const problem = signingSecretProblem(secret);
  if (problem) {
    throw new AppError('INVALID_INPUT', `${field} is not a webhook signing secret: ${problem}.`, {
      issues: [{ path: field, message: problem }],
    });
  }
  return Buffer.from(secret.slice(SIGNING_SECRET_PREFIX.length), 'base64');
}
