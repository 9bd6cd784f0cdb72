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

/** How long a webhook whose credentials could not be read waits before the keychain is asked again. */
const CREDENTIAL_RETRY_MS = 30_000;

export interface CredentialGate {
  /** The webhook's credentials, or null when the keychain could not give them (asked again after a pause). */
  forWebhook(webhookId: string, appKeyRef: string | null, nowMs: number): Promise<Credentials | null>;
  /** Until when a webhook waits after a failed read; undefined when it doesn't. */
  blockedUntil(webhookId: string): number | undefined;
  /** The webhook changed (a new secret or App Key): drop its cached credentials and any pause. */
  forget(webhookId: string): void;
}

/** The engine's way to credentials: the cache first, and a pause after a failed keychain read (logged once each). */
export function createCredentialGate(cache: CredentialCache, onError: (webhookId: string, error: unknown) => void): CredentialGate {
  const errors = new Map<string, number>();
  return {
    async forWebhook(webhookId, appKeyRef, nowMs) {
      const cached = cache.peek(webhookId, nowMs);
      if (cached) return cached;
      const blocked = errors.get(webhookId);
      if (blocked !== undefined && blocked > nowMs) return null;
      try {
        const loaded = await cache.load(webhookId, appKeyRef);
        errors.delete(webhookId);
        return loaded;
      } catch (error) {
        onError(webhookId, error);
        errors.set(webhookId, nowMs + CREDENTIAL_RETRY_MS);
        return null;
      }
    },
    blockedUntil: (webhookId) => errors.get(webhookId),
    forget(webhookId) {
      cache.invalidate(webhookId);
      errors.delete(webhookId);
    },
  };
}
