// Picks the secret store: the OS keychain, unless the user configured the encrypted-file store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/result';
import { EncryptedFileSecretStore } from './encrypted-file-store';
import { KeychainSecretStore } from './keychain-store';
import { KEY_ENV, KEY_FILE_ENV, type SecretStore } from './secret-store';

export const DEFAULT_SECRET_SERVICE = 'kayse-integrations-console';

export interface SecretStoreConfig {
  dataDir: string;
  /** Keychain service name; tests pass their own so they never touch a real install's entries. */
  service?: string;
  env?: Record<string, string | undefined>;
}

export function createSecretStore({ dataDir, service = DEFAULT_SECRET_SERVICE, env = process.env }: SecretStoreConfig): SecretStore {
  const key = configuredFileKey(env);
  if (key) return new EncryptedFileSecretStore(join(dataDir, 'secrets.enc.json'), key, service);
  return new KeychainSecretStore(service);
}

/** The key for the encrypted-file store, when one is configured; a malformed key is an error, not a fallback. */
export function configuredFileKey(env: Record<string, string | undefined>): Buffer | undefined {
  const fromFile = env[KEY_FILE_ENV];
  const inline = env[KEY_ENV];
  if (!fromFile && !inline) return undefined;
  let text: string;
  let source: string;
  if (fromFile) {
    source = `the key file ${fromFile} (${KEY_FILE_ENV})`;
    try {
      text = readFileSync(fromFile, 'utf8');
    } catch (error) {
      throw new AppError('SECRETS_UNAVAILABLE', `Can't read ${source}: ${(error as Error).message}.`);
    }
  } else {
    source = KEY_ENV;
    text = inline!;
  }
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new AppError(
      'SECRETS_UNAVAILABLE',
      `${source} must hold a 32-byte key as base64 or 64 hex characters (got ${key.length} bytes). Create one with \`openssl rand -base64 32\`.`,
    );
  }
  return key;
}
