// A webhook's signing secrets, kept in the secret store only (one entry per webhook): create, reveal, rotate
// with a grace period, the secrets valid for signing right now, remove. Nothing here logs.
import type { Clock } from '../../kernel';
import type { SecretStore } from '../../secrets';
import { AppError } from '../../../shared/result';
import { generateSigningSecret, type RandomBytes } from './signing-secret';
import { parseVaultEntry, serializeVaultEntry, signingAccount, type VaultEntry } from './vault-entry';

export const DEFAULT_GRACE_MS = 24 * 60 * 60 * 1000;
export const MAX_GRACE_MS = 30 * 24 * 60 * 60 * 1000;
/** Rotating again and again inside a grace period keeps at most this many old secrets (the oldest go first). */
export const MAX_RETIRED_SECRETS = 10;

export interface SecretVaultOptions {
  secrets: SecretStore;
  clock: Clock;
  random?: RandomBytes;
  /** How long a rotated-out secret stays valid; default 24 h. */
  graceMs?: number;
}

/** What can be shown about a webhook's signing secrets without revealing one. */
export interface SigningSecretInfo {
  activeSince: Date;
  /** Rotated-out secrets still accepted, newest first. */
  previousValidUntil: Date[];
}

export interface SecretVault {
  /** Stores a new signing secret for the webhook and reveals nothing; CONFLICT when it already has one. */
  create(webhookId: string): Promise<void>;
  /** The active secret: the explicit "reveal secret" action. */
  reveal(webhookId: string): Promise<string>;
  /** Issues a new active secret; the previous one stays valid for the grace period. */
  rotate(webhookId: string, options?: { graceMs?: number }): Promise<{ secret: string; previousValidUntil: Date | null }>;
  /** The secrets to sign with now: the active one first, then rotated ones still in grace (expired ones are pruned). */
  signingSecrets(webhookId: string): Promise<string[]>;
  /** Dates only, for the UI. */
  info(webhookId: string): Promise<SigningSecretInfo>;
  /** Deletes the webhook's secrets; true when there were any. */
  remove(webhookId: string): Promise<boolean>;
}

const WEBHOOK_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** A vault over `secrets` (the OS keychain or the encrypted-file store). */
export function createSecretVault({ secrets, clock, random, graceMs = DEFAULT_GRACE_MS }: SecretVaultOptions): SecretVault {
  checkGrace(graceMs, 'graceMs');
  // Signing happens for every delivery: entries are cached after the first read. This vault is the only writer.
  const cache = new Map<string, VaultEntry>();
  const queues = new Map<string, Promise<unknown>>();

  /** Runs read-modify-write steps on one webhook's entry one at a time, so a rotation is never lost. */
  function exclusive<T>(webhookId: string, op: () => Promise<T>): Promise<T> {
    try {
      checkWebhookId(webhookId);
    } catch (error) {
      return Promise.reject(error);
    }
    const next = (queues.get(webhookId) ?? Promise.resolve()).then(op, op);
    const settled = next.catch(() => undefined);
    queues.set(webhookId, settled);
    void settled.then(() => {
      if (queues.get(webhookId) === settled) queues.delete(webhookId);
    });
    return next;
  }

  async function load(webhookId: string): Promise<VaultEntry | null> {
    const cached = cache.get(webhookId);
    if (cached) return cached;
    const text = await secrets.get(signingAccount(webhookId));
    if (text === null) return null;
    const entry = parseVaultEntry(webhookId, text);
    cache.set(webhookId, entry);
    return entry;
  }

  async function existing(webhookId: string): Promise<VaultEntry> {
    const entry = await load(webhookId);
    if (!entry) throw new AppError('NOT_FOUND', `Webhook ${webhookId} has no signing secret; create one first.`, { webhookId });
    return entry;
  }

  async function save(webhookId: string, entry: VaultEntry): Promise<void> {
    cache.delete(webhookId);
    await secrets.set(signingAccount(webhookId), serializeVaultEntry(entry));
    cache.set(webhookId, entry);
  }

  const stillValid = (entry: VaultEntry) => entry.retired.filter((r) => Date.parse(r.validUntil) > clock.now().getTime());

  return {
    create: (webhookId) =>
      exclusive(webhookId, async () => {
        if (await load(webhookId)) {
          throw new AppError('CONFLICT', `Webhook ${webhookId} already has a signing secret; rotate it to issue a new one.`, { webhookId });
        }
        await save(webhookId, { version: 1, active: { secret: generateSigningSecret(random), createdAt: clock.now().toISOString() }, retired: [] });
      }),

    reveal: (webhookId) => exclusive(webhookId, async () => (await existing(webhookId)).active.secret),

    rotate: (webhookId, options = {}) =>
      exclusive(webhookId, async () => {
        const grace = options.graceMs ?? graceMs;
        checkGrace(grace, 'graceMs');
        const entry = await existing(webhookId);
        const now = clock.now();
        const previousValidUntil = grace > 0 ? new Date(now.getTime() + grace) : null;
        const retired = [
          ...(previousValidUntil ? [{ secret: entry.active.secret, validUntil: previousValidUntil.toISOString() }] : []),
          ...stillValid(entry),
        ].slice(0, MAX_RETIRED_SECRETS);
        const secret = generateSigningSecret(random);
        await save(webhookId, { version: 1, active: { secret, createdAt: now.toISOString() }, retired });
        return { secret, previousValidUntil };
      }),

    signingSecrets: (webhookId) =>
      exclusive(webhookId, async () => {
        const entry = await existing(webhookId);
        const valid = stillValid(entry);
        if (valid.length !== entry.retired.length) {
          // Pruning is housekeeping: expired secrets are never returned either way, so a store that refuses the
          // write must not stop signing; the next call tries again.
          await save(webhookId, { ...entry, retired: valid }).catch(() => undefined);
        }
        return [entry.active.secret, ...valid.map((r) => r.secret)];
      }),

    info: (webhookId) =>
      exclusive(webhookId, async () => {
        const entry = await existing(webhookId);
        return { activeSince: new Date(entry.active.createdAt), previousValidUntil: stillValid(entry).map((r) => new Date(r.validUntil)) };
      }),

    remove: (webhookId) =>
      exclusive(webhookId, async () => {
        cache.delete(webhookId);
        return secrets.delete(signingAccount(webhookId));
      }),
  };
}

function checkWebhookId(webhookId: string): void {
  if (typeof webhookId !== 'string' || !WEBHOOK_ID.test(webhookId)) {
    const message = 'must be 1–128 letters, digits, "_" or "-"';
    throw new AppError('INVALID_INPUT', `webhookId ${message}.`, { issues: [{ path: 'webhookId', message }] });
  }
}

function checkGrace(graceMs: number, field: string): void {
  if (!Number.isSafeInteger(graceMs) || graceMs < 0 || graceMs > MAX_GRACE_MS) {
    const message = `must be a whole number of milliseconds from 0 to ${MAX_GRACE_MS} (30 days)`;
    throw new AppError('INVALID_INPUT', `${field} ${message}.`, { issues: [{ path: field, message }] });
  }
}
