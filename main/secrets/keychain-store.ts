// SecretStore over the OS keychain (macOS Keychain, Windows Credential Manager, Linux Secret Service).
import { AsyncEntry } from '@napi-rs/keyring';
import { AppError } from '../../shared/result';
import type { SecretStoreStatus } from '../../shared/domain/system';
import { HOW_TO_FIX_SECRETS, type SecretStore } from './secret-store';

const PROBE_ACCOUNT = '__kayse_probe__';
// On Linux the binding would otherwise fall back, silently, to the kernel keyring when no Secret Service answers:
// kernel memory, gone at the next reboot. A secret the console was told is stored must still be there tomorrow,
// so the Secret Service is required (the constructor throws where there is none: that is "unavailable").
const ENTRY_OPTIONS = { linux: { store: 'secret-service' } } as const;

export class KeychainSecretStore implements SecretStore {
  readonly backend = 'keychain' as const;

  constructor(private readonly service: string) {}

  async status(): Promise<SecretStoreStatus> {
    // A read alone proves nothing (it answers null where storage is refused), so write, read back and delete.
    const marker = `probe-${Date.now()}`;
    try {
      const probe = this.entry(PROBE_ACCOUNT);
      await probe.setPassword(marker);
      const readBack = await probe.getPassword();
      await probe.deleteCredential();
      if (readBack !== marker) throw new Error('the keychain did not return what was stored');
      return { backend: this.backend, available: true, detail: `OS keychain, service "${this.service}"` };
    } catch (error) {
      return { backend: this.backend, available: false, detail: unavailable(error).message };
    }
  }

  async get(account: string): Promise<string | null> {
    return this.guard(() => this.entry(account).getPassword());
  }

  async set(account: string, value: string): Promise<void> {
    await this.guard(() => this.entry(account).setPassword(value));
  }

  async delete(account: string): Promise<boolean> {
    return this.guard(() => this.entry(account).deleteCredential());
  }

  private entry(account: string): AsyncEntry {
    return new AsyncEntry(this.service, account, ENTRY_OPTIONS);
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (error) {
      throw unavailable(error);
    }
  }
}

function unavailable(error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('SECRETS_UNAVAILABLE', `The OS keychain can't be used (${reason}). ${HOW_TO_FIX_SECRETS}`);
}
