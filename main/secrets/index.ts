export type { SecretStore } from './secret-store';
export { HOW_TO_FIX_SECRETS, KEY_ENV, KEY_FILE_ENV } from './secret-store';
export { createSecretStore, DEFAULT_SECRET_SERVICE, type SecretStoreConfig } from './create-secret-store';
export { KeychainSecretStore } from './keychain-store';
export { EncryptedFileSecretStore } from './encrypted-file-store';
