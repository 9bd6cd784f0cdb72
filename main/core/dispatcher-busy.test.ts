import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../test-support/test-core';

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

describe('a console call while another program holds the database', () => {
  it('answers DATABASE_ERROR with when to retry (not INTERNAL), changes nothing, and works once the lock is gone', async () => {
    const core = startTestCore({ fileSecrets: true, busyTimeoutMs: 100 });
    opened.push({ close: () => core.cleanup() });
    const before = await core.dispatch('company.get', undefined);
    const other = new Database(join(core.dataDir, 'console.db'));
    opened.push(other);
    other.exec('BEGIN IMMEDIATE');

    const refused = await core.dispatch('company.update', { name: 'Busy & Co', timezone: 'America/Chicago' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_ERROR', message: expect.stringMatching(/busy.*nothing was changed.*Try again in 5 seconds/s), details: { retryAfterSeconds: 5 } },
    });

    other.exec('ROLLBACK');
    expect(await core.dispatch('company.get', undefined)).toEqual(before);
    expect(await core.dispatch('company.update', { name: 'Busy & Co', timezone: 'America/Chicago' })).toMatchObject({ ok: true, value: { name: 'Busy & Co' } });
  });
});
