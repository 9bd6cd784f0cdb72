import type { SecretStoreStatus } from '../../shared/domain/system';

/**
 * Where credentials live. Values go in and out of here and nowhere else: never into SQLite (which holds
 * only the account name as a reference), never into logs.
 */
export interface SecretStore {
  readonly backend: SecretStoreStatus['backend'];
  /** Whether secrets can be stored right now, and if not, how to fix it. */
  status(): Promise<SecretStoreStatus>;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
}

export const KEY_ENV = 'KAYSE_SECRETS_KEY';
export const KEY_FILE_ENV = 'KAYSE_SECRETS_KEY_FILE';

export const HOW_TO_FIX_SECRETS =
  'Start and unlock the OS keychain (on Linux a Secret Service such as GNOME Keyring or KWallet), ' +
  `or configure the encrypted-file store: put a random 32-byte key (e.g. \`openssl rand -base64 32\`) in a file ` +
  `readable only by you and set ${KEY_FILE_ENV} to its path (or set ${KEY_ENV} to the key itself), then restart the console.`;
