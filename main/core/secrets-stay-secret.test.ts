import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { filesContaining, listFiles } from '../test-support/scan-dir';
import { hasSessionBus } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';

const cleanup = useCleanup();

// The promise to firm IT: a credential entered once is in the keychain (or the encrypted file) and nowhere else.
describe.each([
  { backend: 'keychain', fileSecrets: false, skip: !hasSessionBus() },
  { backend: 'encrypted-file', fileSecrets: true, skip: false },
])('a stored secret with the $backend backend', ({ backend, fileSecrets, skip }) => {
  it.skipIf(skip)('appears nowhere in the data dir or the logs', async () => {
    const core = startTestCore({ fileSecrets });
    cleanup.add(() => core.cleanup().catch(() => undefined));
    expect(core.secrets.backend).toBe(backend);
    const value = `s3cr3t-${randomBytes(16).toString('hex')}`;
    await core.secrets.set('lawruler/password', value);
    expect(await core.secrets.get('lawruler/password')).toBe(value);

    // Ordinary work around it, including careless logging of objects that carry it.
    await core.api.raw.company.update({ name: 'Acme Injury Law', timezone: 'America/New_York' });
    await core.api.raw.company.update({ name: value, timezone: 'Not/AZone' });
    core.logger.info({ credentials: { password: value }, token: value }, 'saving credentials');
    core.logger.warn({ connector: { apiKey: value } }, 'test connection failed');
    expect((await core.api.raw.system.info()).ok).toBe(true);
    await core.close();

    const files = listFiles(core.dataDir);
    expect(files.some((f) => f.endsWith('console.db'))).toBe(true);
    expect(files.some((f) => f.endsWith('console.log'))).toBe(true);
    expect(filesContaining(core.dataDir, value)).toEqual([]);
    // The scan does find what is there: the company name that was saved.
    expect(filesContaining(core.dataDir, 'Acme Injury Law').length).toBeGreaterThan(0);
    await core.secrets.delete('lawruler/password');
  });
});
