import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { manualClock } from '../../test-support/clock';
import { EncryptedFileSecretStore } from '../../secrets/encrypted-file-store';
import { KeychainSecretStore } from '../../secrets/keychain-store';
import type { SecretStore } from '../../secrets/secret-store';
import { hasSessionBus, testSecretService } from '../../test-support/temp-dir';
import { createSecretVault } from './secret-vault';
import { signRequest } from './sign';
import { verifyKayseSignature, verifyStandardWebhook } from './verify';

const HOUR = 60 * 60 * 1000;
const cleanup = useCleanup();


/** Both signatures of a request signed with `secrets` verify with `secret` alone (our verifiers and standardwebhooks). */
function verifiesWith(secrets: string[], secret: string): boolean {
  const body = JSON.stringify({ id: 'evt_vault', n: randomBytes(4).toString('hex') });
  const t = Math.floor(Date.now() / 1000);
  const headers = signRequest({ eventId: 'evt_vault', rawBody: body, secrets, timestamp: t });
  const now = new Date(t * 1000);
  const kayse = verifyKayseSignature({ rawBody: body, header: headers['X-Kayse-Signature'], secrets: secret, now }).ok;
  const standard = verifyStandardWebhook({ rawBody: body, headers: { ...headers }, secrets: secret, now }).ok;
  let library = true;
  try {
    new Webhook(secret).verify(body, { ...headers });
  } catch {
    library = false;
  }
  expect([kayse, standard]).toEqual([library, library]);
  return library;
}

const backends: { name: string; skip: boolean; make(): SecretStore }[] = [
  {
    name: 'encrypted-file store',
    skip: false,
    make() {
      return new EncryptedFileSecretStore(join(cleanup.tempDir(), 'secrets.enc.json'), randomBytes(32), testSecretService());
    },
  },
  { name: 'OS keychain', skip: !hasSessionBus(), make: () => new KeychainSecretStore(testSecretService()) },
];

describe.each(backends)('the signing secret vault over the $name', ({ skip, make }) => {
  function setup(graceMs?: number) {
    const store = make();
    const clock = manualClock();
    const vault = createSecretVault({ secrets: store, clock, graceMs });
    const webhookId = `wh_${randomBytes(5).toString('hex')}`;
    cleanup.add(() => vault.remove(webhookId));
    return { store, clock, vault, webhookId };
  }

  it.skipIf(skip)('creates a secret without revealing it, keeps it in one entry, and reveals it on request', async () => {
    const { store, vault, webhookId } = setup();
    expect(await vault.create(webhookId)).toBeUndefined();
    const secret = await vault.reveal(webhookId);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(JSON.parse((await store.get(`webhooks/${webhookId}/signing`))!).active.secret).toBe(secret);
    expect(await vault.signingSecrets(webhookId)).toEqual([secret]);
    // A second vault (a restart) reads the same secret from the store.
    expect(await createSecretVault({ secrets: store, clock: manualClock() }).reveal(webhookId)).toBe(secret);

    await expect(vault.create(webhookId)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('rotate') });
    expect(await vault.reveal(webhookId)).toBe(secret);
  });

  it.skipIf(skip)('keeps the old secret valid for 24 h after a rotation, then only the new one', async () => {
    const { store, clock, vault, webhookId } = setup();
    await vault.create(webhookId);
    const old = await vault.reveal(webhookId);
    clock.advance(HOUR);
    const rotated = await vault.rotate(webhookId);
    expect(rotated.secret).not.toBe(old);
    expect(rotated.previousValidUntil?.toISOString()).toBe('2026-11-27T21:00:00.000Z');
    expect(await vault.reveal(webhookId)).toBe(rotated.secret);

    clock.advance(24 * HOUR - 1);
    const during = await vault.signingSecrets(webhookId);
    expect(during).toEqual([rotated.secret, old]);
    expect(verifiesWith(during, rotated.secret)).toBe(true);
    expect(verifiesWith(during, old)).toBe(true);
    expect(await vault.info(webhookId)).toEqual({ activeSince: new Date('2026-11-26T21:00:00.000Z'), previousValidUntil: [rotated.previousValidUntil] });

    clock.advance(1);
    const after = await vault.signingSecrets(webhookId);
    expect(after).toEqual([rotated.secret]);
    expect(verifiesWith(after, rotated.secret)).toBe(true);
    expect(verifiesWith(after, old)).toBe(false);
    // The expired secret is gone from the stored entry too, not only filtered out.
    expect(await store.get(`webhooks/${webhookId}/signing`)).not.toContain(old);
  });

  it.skipIf(skip)('honours a per-rotation grace period and keeps every rotation when they race', async () => {
    const { clock, vault, webhookId } = setup(2 * HOUR);
    await vault.create(webhookId);
    const first = await vault.reveal(webhookId);
    const { secret: second } = await vault.rotate(webhookId, { graceMs: HOUR });
    clock.advance(HOUR - 1);
    expect(await vault.signingSecrets(webhookId)).toEqual([second, first]);
    clock.advance(1);
    expect(await vault.signingSecrets(webhookId)).toEqual([second]);

    const results = await Promise.all([vault.rotate(webhookId), vault.rotate(webhookId), vault.rotate(webhookId)]);
    const valid = await vault.signingSecrets(webhookId);
    expect(valid).toHaveLength(4);
    expect(new Set([...results.map((r) => r.secret), second])).toEqual(new Set(valid));
    clock.advance(2 * HOUR);
    expect(await vault.signingSecrets(webhookId)).toEqual([await vault.reveal(webhookId)]);

    const { secret: immediate, previousValidUntil } = await vault.rotate(webhookId, { graceMs: 0 });
    expect(previousValidUntil).toBeNull();
    expect(await vault.signingSecrets(webhookId)).toEqual([immediate]);
  });

  it.skipIf(skip)('refuses bad input and unknown webhooks clearly, changing nothing', async () => {
    const { vault, webhookId } = setup();
    await expect(vault.reveal(webhookId)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('create one first') });
    await expect(vault.rotate(webhookId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(vault.signingSecrets(webhookId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(vault.create('../other')).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'webhookId' }] } });

    await vault.create(webhookId);
    const secret = await vault.reveal(webhookId);
    await expect(vault.rotate(webhookId, { graceMs: -1 })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'graceMs' }] } });
    await expect(vault.rotate(webhookId, { graceMs: 31 * 24 * HOUR })).rejects.toMatchObject({ message: expect.stringContaining('30 days') });
    expect(await vault.signingSecrets(webhookId)).toEqual([secret]);
    expect(() => createSecretVault({ secrets: make(), clock: manualClock(), graceMs: 1.5 })).toThrow(/graceMs must be a whole number/);

    expect(await vault.remove(webhookId)).toBe(true);
    await expect(vault.reveal(webhookId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await vault.remove(webhookId)).toBe(false);
  });

  it.skipIf(skip)('reports a damaged entry without echoing it, and leaves it as it is', async () => {
    const { store, vault, webhookId } = setup();
    const account = `webhooks/${webhookId}/signing`;
    const leaked = `whsec_${randomBytes(32).toString('base64')}`;
    for (const damaged of [`{"active":"${leaked}"`, JSON.stringify({ version: 1, active: { secret: leaked.slice(0, 20), createdAt: 'x' }, retired: [] })]) {
      await store.set(account, damaged);
      const error = await vault.reveal(webhookId).then(
        () => null,
        (e: Error) => e,
      );
      expect(error).toMatchObject({ code: 'SECRETS_UNAVAILABLE', message: expect.stringMatching(/is damaged .*left as it is/) });
      expect(error!.message).not.toContain(leaked.slice(6, 20));
      expect(JSON.stringify(error)).not.toContain(leaked.slice(6, 20));
      await expect(vault.rotate(webhookId)).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
      expect(await store.get(account)).toBe(damaged);
    }
  });
});

describe('the signing secret vault with an injected random source', () => {
  it('issues exactly the secrets the source dictates', async () => {
    const store = new EncryptedFileSecretStore(join(cleanup.tempDir(), 'secrets.enc.json'), randomBytes(32), 'svc');
    let n = 0;
    const vault = createSecretVault({ secrets: store, clock: manualClock(), random: (size) => Buffer.alloc(size, ++n) });
    await vault.create('wh_1');
    expect(await vault.reveal('wh_1')).toBe(`whsec_${Buffer.alloc(32, 1).toString('base64')}`);
    expect((await vault.rotate('wh_1')).secret).toBe(`whsec_${Buffer.alloc(32, 2).toString('base64')}`);
  });
});
