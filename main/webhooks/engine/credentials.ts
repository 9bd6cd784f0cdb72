// What signs and authenticates a webhook's requests (its valid signing secrets and App Key), read from the
// keychain once and kept in memory until a rotation, a change, or a rotated-out secret's grace period ends.
import type { Clock } from '../../kernel';
import type { SecretStore } from '../../secrets';
import type { SecretVault } from '../signing/secret-vault';

export interface Credentials {
  secrets: string[];
  appKey: string | null;
}

export interface CredentialCache {
  /** The cached credentials, if they are still good at `nowMs`. */
  peek(webhookId: string, nowMs: number): Credentials | undefined;
  load(webhookId: string, appKeyRef: string | null): Promise<Credentials>;
  invalidate(webhookId: string): void;
}

/** Re-read at least this often, so a keychain edited behind the console's back is noticed. */
const MAX_AGE_MS = 5 * 60_000;

export const appKeyAccount = (webhookId: string) => `webhooks/${webhookId}/app-key`;

export function createCredentialCache(vault: SecretVault, secrets: SecretStore, clock: Clock): CredentialCache {
  const cache = new Map<string, { credentials: Credentials; expiresAtMs: number }>();
  return {
    peek(webhookId, nowMs) {
      const hit = cache.get(webhookId);
      return hit && hit.expiresAtMs > nowMs ? hit.credentials : undefined;
    },
    async load(webhookId, appKeyRef) {
      const [signing, info, appKey] = await Promise.all([
        vault.signingSecrets(webhookId),
        vault.info(webhookId),
        appKeyRef === null ? Promise.resolve(null) : secrets.get(appKeyRef),
      ]);
      const nowMs = clock.now().getTime();
      // The entry must not outlive the first rotated-out secret's grace period.
      const graceEnds = info.previousValidUntil.map((d) => d.getTime());
      const expiresAtMs = Math.min(nowMs + MAX_AGE_MS, ...graceEnds);
      const credentials = { secrets: signing, appKey };
      cache.set(webhookId, { credentials, expiresAtMs });
      return credentials;
    },
    invalidate: (webhookId) => void cache.delete(webhookId),
  };
}
