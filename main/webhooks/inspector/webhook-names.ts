// The webhooks the inspector can filter by: every one that can have a log, deleted ones too (their log stays until
// retention removes it), by name — without the per-webhook health that webhooks.list computes from the attempts.
import type Database from 'better-sqlite3';
import type { InspectorWebhook } from '../../../shared/contract/delivery-log';

interface Row {
  id: string;
  name: string;
  url: string;
  active: number;
  deleted_at: string | null;
}

/** A named query: live webhooks first (oldest first), then deleted ones. */
export function createWebhookNames(sqlite: Database.Database): () => InspectorWebhook[] {
  const all = sqlite.prepare<[], Row>('SELECT id, name, url, active, deleted_at FROM webhooks ORDER BY deleted_at IS NOT NULL, created_at, id');
  return () => all.all().map((r) => ({ id: r.id, name: r.name, url: r.url, active: r.active === 1, deleted: r.deleted_at !== null }));
}
