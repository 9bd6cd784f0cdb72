// When a write truly can't proceed (another program holds the database's write lock for longer than the busy
// timeout), the ingest API says so with 503 DATABASE_ERROR and a Retry-After, stores nothing, and the retry works.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { BUSY_RETRY_AFTER_SECONDS } from '../db';
import { sampleEvent } from './sample-events';
import { errorOf, startIngest } from './test-ingest';

const cleanup = useCleanup();

/** Another connection (another program, as far as SQLite can tell) holding the write lock until released. */
function holdWriteLock(file: string) {
  const db = cleanup.use(new Database(file));
  db.exec('BEGIN IMMEDIATE');
  return { release: () => db.exec('ROLLBACK') };
}

describe('a database locked by another program', () => {
  it('refuses events and record PUTs with 503 DATABASE_ERROR and Retry-After, storing nothing; the retry is stored once', async () => {
    const t = cleanup.use(await startIngest({ busyTimeoutMs: 100, logLevel: 'silent' }));
    const lock = holdWriteLock(t.core.database.sqlite.name);
    const event = sampleEvent('call_ended', { id: 'call_8f2k_ended' });

    const refused = await t.post(event);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe(String(BUSY_RETRY_AFTER_SECONDS));
    expect(await errorOf(refused)).toEqual({ code: 'DATABASE_ERROR', message: expect.stringMatching(/^The database is busy; nothing was stored\. Retry in \d+ seconds/) });

    const put = await t.put('/v1/clients/platform/client_1', { first_name: 'Jane' });
    expect(put.status).toBe(503);
    expect(put.headers.get('retry-after')).toBe(String(BUSY_RETRY_AFTER_SECONDS));
    expect((await errorOf(put)).code).toBe('DATABASE_ERROR');

    lock.release();
    expect(t.countEvents()).toBe(0);
    const retried = await t.post(event);
    expect(retried.status).toBe(202);
    expect(((await retried.json()) as { duplicate: boolean }).duplicate).toBe(false);
    expect((await t.put('/v1/clients/platform/client_1', { first_name: 'Jane' })).status).toBe(201);
    expect(t.countEvents()).toBe(1);
  });
});
