import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { configuredFileKey, createSecretStore } from './create-secret-store';
import { EncryptedFileSecretStore } from './encrypted-file-store';
import { KeychainSecretStore } from './keychain-store';

const cleanup = useCleanup();
const temp = () => cleanup.tempDir();

describe('EncryptedFileSecretStore', () => {
  it('round-trips secrets and never writes them in clear', async () => {
    const file = join(temp(), 'secrets.enc.json');
    const store = new EncryptedFileSecretStore(file, randomBytes(32), 'svc');
    const value = `client-secret-${randomBytes(8).toString('hex')}`;
    await Promise.all([store.set('lawruler/client-secret', value), store.set('cal/api-key', 'cal-key-123456')]);
    expect(await store.get('lawruler/client-secret')).toBe(value);
    expect(await store.get('cal/api-key')).toBe('cal-key-123456');
    expect(readFileSync(file, 'utf8')).not.toContain(value);
    expect(await store.delete('cal/api-key')).toBe(true);
    expect(await store.get('cal/api-key')).toBeNull();
    expect(await store.get('lawruler/client-secret')).toBe(value);
  });

  it('refuses to decrypt with another key, or an entry moved to another account', async () => {
    const file = join(temp(), 'secrets.enc.json');
    await new EncryptedFileSecretStore(file, randomBytes(32), 'svc').set('a', 'secret-a');
    await expect(new EncryptedFileSecretStore(file, randomBytes(32), 'svc').get('a')).rejects.toMatchObject({
      code: 'SECRETS_UNAVAILABLE',
      message: expect.stringMatching(/can't be decrypted with the configured key/),
    });
    const key = randomBytes(32);
    const store = new EncryptedFileSecretStore(file, key, 'svc');
    await store.set('a', 'secret-a');
    const contents = JSON.parse(readFileSync(file, 'utf8'));
    contents.entries.b = contents.entries.a;
    writeFileSync(file, JSON.stringify(contents));
    await expect(store.get('b')).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
  });

  it('leaves an unreadable file alone and says so', async () => {
    const file = join(temp(), 'secrets.enc.json');
    writeFileSync(file, JSON.stringify({ version: 9 }));
    const store = new EncryptedFileSecretStore(file, randomBytes(32), 'svc');
    await expect(store.set('a', 'x')).rejects.toMatchObject({ message: expect.stringContaining('left as it is') });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 9 });
    expect(await store.status()).toMatchObject({ available: false });
  });
});

describe('choosing the secret store', () => {
  it('uses the keychain unless the file store is configured', () => {
    expect(createSecretStore({ dataDir: temp(), env: {} })).toBeInstanceOf(KeychainSecretStore);
    const key = randomBytes(32).toString('base64');
    expect(createSecretStore({ dataDir: temp(), env: { KAYSE_SECRETS_KEY: key } })).toBeInstanceOf(EncryptedFileSecretStore);
    const keyFile = join(temp(), 'key');
    writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`);
    expect(createSecretStore({ dataDir: temp(), env: { KAYSE_SECRETS_KEY_FILE: keyFile } })).toBeInstanceOf(EncryptedFileSecretStore);
  });

  it('explains a malformed or missing key instead of falling back', () => {
    expect(() => configuredFileKey({ KAYSE_SECRETS_KEY: 'too-short' })).toThrow(/32-byte key.*openssl rand -base64 32/);
    expect(() => configuredFileKey({ KAYSE_SECRETS_KEY_FILE: join(temp(), 'missing') })).toThrow(/Can't read the key file/);
  });
});
