import { describe, expect, it } from 'vitest';
import { generateSigningSecret, signingKey } from './signing-secret';

describe('signing secrets', () => {
  it('are whsec_ + base64 of 32 bytes from the random source, and decode back to those bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => 255 - i));
    const secret = generateSigningSecret((size) => bytes.subarray(0, size));
    expect(secret).toBe(`whsec_${bytes.toString('base64')}`);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(signingKey(secret).equals(bytes)).toBe(true);
  });

  it('differ on every call with the default random source', () => {
    const secrets = new Set(Array.from({ length: 20 }, () => generateSigningSecret()));
    expect(secrets.size).toBe(20);
  });

  it('refuses a random source that returns the wrong number of bytes', () => {
    expect(() => generateSigningSecret(() => Buffer.alloc(16))).toThrow(/16 bytes instead of 32/);
  });

  it.each([
    ['a missing prefix', 'sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', /must start with "whsec_"/],
    ['a short key', `whsec_${Buffer.alloc(16, 7).toString('base64')}`, /base64 of 32 bytes.*got 24 characters/],
    ['non-base64 characters', 'whsec_!!!!AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', /base64 of 32 bytes/],
  ])('rejects %s with a clear error that does not echo the secret', (_label, text, message) => {
    let thrown: unknown;
    try {
      signingKey(text, 'secrets.1');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message), details: { issues: [{ path: 'secrets.1' }] } });
    expect((thrown as Error).message).toMatch(/^secrets\.1 is not a webhook signing secret/);
    expect((thrown as Error).message).not.toContain(text.slice(6));
  });
});
