import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { filesContaining, listFiles } from '../../test-support/scan-dir';
import { hasSessionBus } from '../../test-support/temp-dir';
import { startTestCore } from '../../test-support/test-core';
import { createSecretVault } from './secret-vault';
import { signRequest } from './sign';

const cleanup = useCleanup();

// A revealed signing secret lives in the secret store and nowhere else in the data dir (database, logs, files).
describe.each([
  { backend: 'keychain', fileSecrets: false, skip: !hasSessionBus() },
  { backend: 'encrypted-file', fileSecrets: true, skip: false },
])('webhook signing secrets with the $backend backend', ({ backend, fileSecrets, skip }) => {
  it.skipIf(skip)('appear nowhere in the data dir, even after reveal, rotation and signing', async () => {
    const core = startTestCore({ fileSecrets });
    cleanup.add(() => core.cleanup().catch(() => undefined));
    expect(core.secrets.backend).toBe(backend);
    const vault = createSecretVault({ secrets: core.secrets, clock: core.clock });
    await vault.create('wh_scan');
    const first = await vault.reveal('wh_scan');
    const { secret: second } = await vault.rotate('wh_scan');
    const headers = signRequest({ eventId: 'evt_scan', rawBody: '{}', secrets: await vault.signingSecrets('wh_scan'), timestamp: 1_800_000_000 });
    core.logger.info({ webhookId: 'wh_scan', info: await vault.info('wh_scan'), headers }, 'signing secret rotated');
    await core.api.raw.company.update({ name: 'Acme Injury Law', timezone: 'America/New_York' });
    await vault.remove('wh_scan');
    await core.close();

    const files = listFiles(core.dataDir);
    expect(files.some((f) => f.endsWith('console.db'))).toBe(true);
    expect(files.some((f) => f.endsWith('console.log'))).toBe(true);
    for (const secret of [first, second]) {
      expect(filesContaining(core.dataDir, secret.slice('whsec_'.length))).toEqual([]);
      expect(filesContaining(core.dataDir, Buffer.from(secret.slice(6), 'base64').toString('hex'))).toEqual([]);
    }
    // The scan does find what is there: the company name and the logged (public) signature.
    expect(filesContaining(core.dataDir, 'Acme Injury Law').length).toBeGreaterThan(0);
    expect(filesContaining(core.dataDir, headers['X-Kayse-Signature'].slice(-64)).length).toBeGreaterThan(0);
  });
});
