import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { startTestCore } from '../test-support/test-core';

const cleanup = useCleanup();

describe('a console call while another program holds the database', () => {
  it('answers DATABASE_ERROR with when to retry (not INTERNAL), changes nothing, and works once the lock is gone', async () => {
    const core = cleanup.use(startTestCore({ fileSecrets: true, busyTimeoutMs: 100 }));
    const before = await core.api.raw.company.get();
    const other = cleanup.use(new Database(join(core.dataDir, 'console.db')));
    other.exec('BEGIN IMMEDIATE');

    const refused = await core.api.raw.company.update({ name: 'Busy & Co', timezone: 'America/Chicago' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_ERROR', message: expect.stringMatching(/busy.*nothing was changed.*Try again in 5 seconds/s), details: { retryAfterSeconds: 5 } },
    });

    other.exec('ROLLBACK');
    expect(await core.api.raw.company.get()).toEqual(before);
    expect(await core.api.raw.company.update({ name: 'Busy & Co', timezone: 'America/Chicago' })).toMatchObject({ ok: true, value: { name: 'Busy & Co' } });
  });
});
