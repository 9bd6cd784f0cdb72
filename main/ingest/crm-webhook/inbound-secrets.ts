// The shared secret a CRM's webhook sends in a static header (LawRuler signs nothing: the header is its only
// proof). `lrwh_` + 32 random bytes (base64url), shown once when generated; only its SHA-256 is stored, so a copy
// of the database can't be used to post status changes. Generating a new one replaces the old at once.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import { writeTransaction } from '../../db';
import type { Clock } from '../../kernel';

/** The header LawRuler's webhook editor is told to send (a static custom header). */
export const INBOUND_SECRET_HEADER = 'X-Kayse-Webhook-Secret';
export const INBOUND_SECRET_PREFIX = 'lrwh_';

export type SecretCheck = { ok: true } | { ok: false; reason: 'not_configured' | 'missing' | 'wrong' };

export interface InboundSecretState {
  headerName: string;
  createdAt: string;
}

export interface InboundSecrets {
  /** The header and when the current secret was made, or null before the first one. */
  state(crm: CrmConnectorId): InboundSecretState | null;
  /** Makes a new secret (the old one stops working now); the value is in the answer and nowhere else. */
  rotate(crm: CrmConnectorId): InboundSecretState & { secret: string };
  /** Compares what a request presented with the stored hash, in constant time. */
  check(crm: CrmConnectorId, presented: string | undefined): SecretCheck;
}

interface SecretRow {
  header_name: string;
  hash: string;
  created_at: string;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export function createInboundSecrets(sqlite: Database.Database, clock: Clock): InboundSecrets {
  const q = {
    get: sqlite.prepare('SELECT header_name, hash, created_at FROM crm_inbound_secrets WHERE crm = ?'),
    upsert: sqlite.prepare(
      `INSERT INTO crm_inbound_secrets (crm, header_name, hash, created_at) VALUES (@crm, @header_name, @hash, @created_at)
       ON CONFLICT (crm) DO UPDATE SET header_name = excluded.header_name, hash = excluded.hash, created_at = excluded.created_at`,
    ),
  };
  const rowOf = (crm: CrmConnectorId) => q.get.get(crm) as SecretRow | undefined;

  return {
    state(crm) {
      const row = rowOf(crm);
      return row ? { headerName: row.header_name, createdAt: row.created_at } : null;
    },
    rotate(crm) {
      const secret = `${INBOUND_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
      const row = { crm, header_name: INBOUND_SECRET_HEADER, hash: sha256(secret).toString('hex'), created_at: clock.now().toISOString() };
      writeTransaction(sqlite, () => q.upsert.run(row));
      return { headerName: row.header_name, createdAt: row.created_at, secret };
    },
    check(crm, presented) {
      const row = rowOf(crm);
      if (!row) return { ok: false, reason: 'not_configured' };
      if (!presented) return { ok: false, reason: 'missing' };
      // Both sides are 32-byte digests, so the comparison takes the same time whatever was presented.
      const same = timingSafeEqual(sha256(presented), Buffer.from(row.hash, 'hex'));
      return same ? { ok: true } : { ok: false, reason: 'wrong' };
    },
  };
}
