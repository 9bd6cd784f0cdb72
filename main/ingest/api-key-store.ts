// Ingest API keys: `kik_` + 32 random bytes (base64url), shown once when created. Only the SHA-256 of the
// key and its first characters are stored, so a copy of the database can't be used to post events.
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { IngestKey, IngestKeyCreate } from '../../shared/contract/events';
import { ingestKeyCreateSchema } from '../../shared/contract/events';
import { AppError } from '../../shared/result';
import { ulidIds, type Clock, type IdGenerator } from '../kernel';

export const KEY_PREFIX = 'kik_';
/** How much of the key is kept to tell keys apart: `kik_` and 8 characters. */
const SHOWN_CHARS = KEY_PREFIX.length + 8;
/** `last_used_at` is written at most this often per key, so that busy keys don't cost a write per request. */
const TOUCH_EVERY_MS = 60_000;

export type Authentication = { ok: true; key: IngestKey } | { ok: false; reason: 'missing' | 'unknown' | 'revoked'; revokedAt?: string };

export interface ApiKeyStore {
  /** Makes a key; the value is in the answer and nowhere else. */
  create(input: IngestKeyCreate, options?: { isDemo?: boolean }): { key: IngestKey; apiKey: string };
  list(): IngestKey[];
  revoke(id: string): IngestKey;
  /**
   * Gives a live demo key a new value in the same row (the old value stops working): demo mode keeps only the
   * key's id across restarts, never its value, so it reuses its key this way rather than adding a row each start.
   * Undefined when `id` is not a live demo key.
   */
  renewDemo(id: string): { key: IngestKey; apiKey: string } | undefined;
  /** Looks the presented key up by its hash. */
  authenticate(presented: string | undefined): Authentication;
  /** Records that the key was used now; returns true when it wrote (at most once a minute per key). */
  touch(id: string): boolean;
}

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  hash: string;
  rate_limit_per_minute: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  is_demo: number;
}

const toKey = (r: KeyRow): IngestKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  rateLimitPerMinute: r.rate_limit_per_minute,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  isDemo: r.is_demo === 1,
});

/** Hex SHA-256 of a key: what the database holds instead of the key. */
export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export function createApiKeyStore(sqlite: Database.Database, clock: Clock, ids: IdGenerator = ulidIds): ApiKeyStore {
  const q = {
    insert: sqlite.prepare(
      'INSERT INTO ingest_api_keys (id, name, prefix, hash, rate_limit_per_minute, created_at, is_demo) VALUES (@id, @name, @prefix, @hash, @rate_limit_per_minute, @created_at, @is_demo)',
    ),
    all: sqlite.prepare('SELECT * FROM ingest_api_keys ORDER BY created_at DESC, id DESC'),
    byId: sqlite.prepare('SELECT * FROM ingest_api_keys WHERE id = ?'),
    byHash: sqlite.prepare('SELECT * FROM ingest_api_keys WHERE hash = ?'),
    activeByName: sqlite.prepare('SELECT 1 FROM ingest_api_keys WHERE name = ? COLLATE NOCASE AND revoked_at IS NULL'),
    revoke: sqlite.prepare('UPDATE ingest_api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    touch: sqlite.prepare('UPDATE ingest_api_keys SET last_used_at = ? WHERE id = ?'),
    renewDemo: sqlite.prepare('UPDATE ingest_api_keys SET prefix = ?, hash = ? WHERE id = ? AND is_demo = 1 AND revoked_at IS NULL'),
  };
  const newKeyValue = () => `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const lastTouched = new Map<string, number>();

  return {
    create(raw, { isDemo = false } = {}) {
      const input = ingestKeyCreateSchema.parse(raw);
      if (q.activeByName.get(input.name)) {
        throw new AppError('CONFLICT', `An active key named "${input.name}" already exists. Pick another name, or revoke that key first.`, {
          issues: [{ path: 'name', message: 'already used by an active key' }],
        });
      }
      const apiKey = newKeyValue();
      const row: KeyRow = {
        id: ids.next('key_'),
        name: input.name,
        prefix: apiKey.slice(0, SHOWN_CHARS),
        hash: hashKey(apiKey),
        rate_limit_per_minute: input.rateLimitPerMinute,
        created_at: clock.now().toISOString(),
        last_used_at: null,
        revoked_at: null,
        is_demo: isDemo ? 1 : 0,
      };
      q.insert.run(row);
      return { key: toKey(row), apiKey };
    },
    list: () => (q.all.all() as KeyRow[]).map(toKey),
    revoke(id) {
      const row = q.byId.get(id) as KeyRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', `No ingest API key with id ${id}. It may have been deleted; reload the list.`);
      q.revoke.run(clock.now().toISOString(), id);
      return toKey(q.byId.get(id) as KeyRow);
    },
    renewDemo(id) {
      const apiKey = newKeyValue();
      if (q.renewDemo.run(apiKey.slice(0, SHOWN_CHARS), hashKey(apiKey), id).changes === 0) return undefined;
      return { key: toKey(q.byId.get(id) as KeyRow), apiKey };
    },
    authenticate(presented) {
      if (!presented) return { ok: false, reason: 'missing' };
      const row = q.byHash.get(hashKey(presented)) as KeyRow | undefined;
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.revoked_at) return { ok: false, reason: 'revoked', revokedAt: row.revoked_at };
      return { ok: true, key: toKey(row) };
    },
    touch(id) {
      const now = clock.now();
      const last = lastTouched.get(id);
      if (last !== undefined && now.getTime() - last < TOUCH_EVERY_MS) return false;
      lastTouched.set(id, now.getTime());
      q.touch.run(now.toISOString(), id);
      return true;
    },
  };
}
