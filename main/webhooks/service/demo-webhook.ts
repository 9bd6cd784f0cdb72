// Demo mode's own webhook: one webhook to the console's loopback demo receiver, marked Demo (is_demo, opted in to
// demo data), made and removed only by demo mode. It is inserted without the save-time URL check because its URL
// is plain http on 127.0.0.1, which the URL rules refuse for every other webhook; only this webhook is dialled
// through the engine's loopback-only agent (see create-webhooks.ts).
import type Database from 'better-sqlite3';
import type { TableName } from '../../../shared/domain/tables';
import { writeTransaction } from '../../db';
import type { Clock, IdGenerator } from '../../kernel';
import type { DeliveryEngine } from '../engine/delivery-engine';
import type { SecretVault } from '../signing/secret-vault';
import type { WebhookRow, WebhookStore } from '../store/webhook-store';

export const DEMO_WEBHOOK_NAME = 'Demo receiver';

export interface DemoWebhook {
  /** Creates the demo webhook to `url`, or points the existing one at it (a restarted receiver has a new port). */
  ensure(url: string): Promise<WebhookRow>;
  /** True while the demo webhook exists (a restarted console then runs its receiver again). */
  exists(): boolean;
  /** Deletes the demo webhook with its deliveries and attempts and its signing secret; resolves to how many webhooks went. */
  wipe(): Promise<number>;
}

export interface DemoWebhookDeps {
  sqlite: Database.Database;
  webhooks: WebhookStore;
  vault: SecretVault;
  engine: DeliveryEngine;
  clock: Clock;
  ids: IdGenerator;
  changed: (tables: TableName[]) => void;
}

/** Only http://127.0.0.1:<port>/… is ever accepted: the receiver demo mode runs in this process. */
const LOOPBACK_URL = /^http:\/\/127\.0\.0\.1:\d{1,5}\/[\w/-]*$/;

export function createDemoWebhook(deps: DemoWebhookDeps): DemoWebhook {
  const now = () => deps.clock.now().toISOString();
  const touched = (id: string) => {
    deps.engine.webhooksChanged(id);
    deps.changed(['webhooks', 'webhook_deliveries']);
  };
  return {
    exists: () => deps.webhooks.demoWebhook() !== undefined,
    async ensure(url) {
      if (!LOOPBACK_URL.test(url)) throw new Error(`the demo webhook only posts to the console's own receiver on 127.0.0.1, not ${url}`);
      const existing = deps.webhooks.demoWebhook();
      if (existing) {
        const row = existing.url === url ? existing : deps.webhooks.setDemoUrl(existing.id, url, now());
        touched(row.id);
        return row;
      }
      const id = deps.ids.next('wh_');
      await deps.vault.create(id); // never a webhook without its signing secret
      const row = deps.webhooks.insert(id, { name: DEMO_WEBHOOK_NAME, url, events: [], campaignId: null, caseTypes: [], active: true, receivesDemo: true }, now(), true);
      touched(id);
      return row;
    },
    async wipe() {
      const ids = deps.sqlite.prepare('SELECT id FROM webhooks WHERE is_demo = 1').pluck().all() as string[];
      if (ids.length === 0) return 0;
      const list = JSON.stringify(ids);
      writeTransaction(deps.sqlite, () => {
        deps.sqlite.prepare('DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE webhook_id IN (SELECT value FROM json_each(?)))').run(list);
        deps.sqlite.prepare('DELETE FROM webhook_deliveries WHERE webhook_id IN (SELECT value FROM json_each(?))').run(list);
        deps.sqlite.prepare('DELETE FROM webhooks WHERE id IN (SELECT value FROM json_each(?))').run(list);
      });
      for (const id of ids) {
        touched(id);
        await deps.vault.remove(id).catch(() => undefined);
      }
      deps.changed(['webhook_attempts']);
      return ids.length;
    },
  };
}
