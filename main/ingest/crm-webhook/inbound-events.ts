// Webhook calls a CRM made, stored in crm_inbound_events before they are answered, for the sync engine (which sets
// processed_at once it has read the record). A call identical to one still waiting (a CRM's retry of a call whose
// answer it lost) is not stored again: the waiting row already asks the engine to read that record.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { IdGenerator } from '../../kernel';
import { createGroupCommitter } from '../group-commit';

export interface InboundCall {
  crm: CrmConnectorId;
  /** The CRM record the call is about (LawRuler's Lead ID). */
  recordId: string;
  /** What was read from the call, in our words, always built in the same key order (compared as text). */
  payload: Record<string, string>;
  receivedAt: string;
}

export interface StoredCall {
  id: string;
  /** True when an identical call was still waiting for the engine: nothing new was stored. */
  duplicate: boolean;
}

export interface InboundEvents {
  /** Stores the call in a durable commit (shared with calls arriving at the same moment); resolves once it is on disk. */
  store(call: InboundCall): Promise<StoredCall>;
  /** How many calls were stored, and when the last one arrived. */
  stats(crm: CrmConnectorId): { received: number; lastReceivedAt: string | null };
}

export function createInboundEvents(sqlite: Database.Database, ids: IdGenerator): InboundEvents {
  const committer = createGroupCommitter(sqlite);
  const q = {
    // Pending rows of one CRM come from the (crm, processed_at, received_at) index; few wait at any time.
    waiting: sqlite.prepare('SELECT id FROM crm_inbound_events WHERE crm = ? AND processed_at IS NULL AND record_id = ? AND payload = ? LIMIT 1'),
    insert: sqlite.prepare('INSERT INTO crm_inbound_events (id, crm, received_at, record_id, payload) VALUES (@id, @crm, @received_at, @record_id, @payload)'),
    stats: sqlite.prepare('SELECT count(*) AS n, max(received_at) AS last FROM crm_inbound_events WHERE crm = ?'),
  };

  return {
    store(call) {
      const payload = JSON.stringify(call.payload);
      return committer.run(() => {
        const waiting = q.waiting.get(call.crm, call.recordId, payload) as { id: string } | undefined;
        if (waiting) return { id: waiting.id, duplicate: true };
        const id = ids.next('inb_');
        q.insert.run({ id, crm: call.crm, received_at: call.receivedAt, record_id: call.recordId, payload });
        return { id, duplicate: false };
      });
    },
    stats(crm) {
      const row = q.stats.get(crm) as { n: number; last: string | null };
      return { received: row.n, lastReceivedAt: row.last };
    },
  };
}
