import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { hasSessionBus, testSecretService } from '../test-support/temp-dir';
import { KeychainSecretStore } from './keychain-store';

// These run against the real Secret Service that `npm test` starts (gnome-keyring in a private D-Bus session).
// Outside it they are skipped locally, but CI must never skip them silently.
const runKeychain = hasSessionBus();
if (!runKeychain && process.env.CI) throw new Error('CI must run the keychain tests inside scripts/with-keyring.sh');

describe.skipIf(!runKeychain)('KeychainSecretStore (real gnome-keyring)', () => {
  const store = new KeychainSecretStore(testSecretService());
  const cleanup = useCleanup();

  it('stores, reads back, replaces and deletes a secret', async () => {
    const account = `lawruler/password-${randomBytes(4).toString('hex')}`;
    cleanup.add(() => store.delete(account));
    const value = `pw-${randomBytes(12).toString('base64url')}`;
    expect(await store.get(account)).toBeNull();
    await store.set(account, value);
    expect(await store.get(account)).toBe(value);
    await store.set(account, `${value}-rotated`);
    expect(await store.get(account)).toBe(`${value}-rotated`);
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(await store.delete(account)).toBe(false);
  });

  it('keeps services apart', async () => {
    const other = new KeychainSecretStore(testSecretService());
    const account = 'scheduling/api-key';
    cleanup.add(() => store.delete(account));
    await store.set(account, 'mine');
    expect(await other.get(account)).toBeNull();
  });

  it('reports itself available', async () => {
    expect(await store.status()).toMatchObject({ backend: 'keychain', available: true });
  });
});
