// The CRMs' credentials in the keychain (SecretStore), one account per secret field (`crm.lawruler.password`);
// SQLite keeps only those account names. Demo connections keep theirs in memory only: a simulator's password
// has no business in the firm's keychain, and it is gone when the console stops.
import type { CrmConnectorId } from '../../shared/domain/connectors';
import { AppError } from '../../shared/result';
import type { SecretStore } from '../secrets';
import { secretAccount, secretFieldsOf, type SecretValues } from './crm-fields';

export interface CrmSecrets {
  /** The saved values of the fields in `refs` (field → account); a field whose entry is gone is left out. */
  load(refs: Record<string, string>): Promise<SecretValues>;
  /** Saves the given fields; returns their accounts (field → account). */
  save(crm: CrmConnectorId, values: SecretValues): Promise<Record<string, string>>;
  /** Deletes every secret field's account of `crm`, then reads each back: throws if one is still there. */
  removeAll(crm: CrmConnectorId): Promise<void>;
  /** Demo connections: credentials held in memory only. */
  demo: Map<CrmConnectorId, SecretValues>;
}

export function createCrmSecrets(store: SecretStore): CrmSecrets {
  return {
    async load(refs) {
      const values: SecretValues = {};
      for (const [field, account] of Object.entries(refs)) {
        const value = await store.get(account);
        if (value !== null) values[field] = value;
      }
      return values;
    },

    async save(crm, values) {
      const refs: Record<string, string> = {};
      for (const [field, value] of Object.entries(values)) {
        if (value === undefined) continue;
        const account = secretAccount(crm, field);
        await store.set(account, value);
        refs[field] = account;
      }
      return refs;
    },

    async removeAll(crm) {
      const accounts = secretFieldsOf(crm).map((field) => secretAccount(crm, field));
      for (const account of accounts) await store.delete(account);
      const left: string[] = [];
      for (const account of accounts) if ((await store.get(account)) !== null) left.push(account);
      if (left.length > 0) {
        throw new AppError(
          'SECRETS_UNAVAILABLE',
          `The keychain still holds ${left.join(', ')} after deleting: remove ${left.length === 1 ? 'it' : 'them'} with the OS keychain tool, then Disconnect again.`,
          { accounts: left },
        );
      }
    },

    demo: new Map(),
  };
}
