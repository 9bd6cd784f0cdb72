// The webhooks table: configuration rows as the engine and the management actions read and write them.
import type Database from 'better-sqlite3';
import type { EventType } from '../../../shared/domain/events';
import type { Webhook, WebhookConfigInput } from '../../../shared/domain/webhooks';
import { AppError } from '../../../shared/result';

export interface WebhookRow extends Webhook {
  deactivatedReason: string | null;
  deactivatedAt: string | null;
  deletedAt: string | null;
}

interface RawRow {
  id: string;
  name: string;
  url: string;
  events: string;
  campaign_id: string | null;
  case_types: string;
  active: number;
  receives_demo: number;
  is_demo: number;
  app_key_ref: string | null;
  deactivated_reason: string | null;
  deactivated_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const toRow = (r: RawRow): WebhookRow => ({
  id: r.id,
  name: r.name,
  url: r.url,
  events: JSON.parse(r.events) as EventType[],
  campaignId: r.campaign_id,
  caseTypes: JSON.parse(r.case_types) as string[],
  active: r.active === 1,
  receivesDemo: r.receives_demo === 1,
  isDemo: r.is_demo === 1,
  appKeyRef: r.app_key_ref,
  deactivatedReason: r.deactivated_reason,
  deactivatedAt: r.deactivated_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

export interface WebhookStore {
  /** Live (not deleted) webhooks, oldest first. */
  list(options?: { campaignId?: string }): WebhookRow[];
  /** Every webhook, deleted ones too (the engine still finishes their in-flight attempts). */
  find(id: string): WebhookRow | undefined;
  /** A live webhook or NOT_FOUND. */
  get(id: string): WebhookRow;
  /** `isDemo`: demo mode's own webhook (only demo mode passes it). */
  insert(id: string, input: WebhookConfigInput, now: string, isDemo?: boolean): WebhookRow;
  /** Points demo mode's webhook at its receiver's current address (the URL rules are demo mode's concern). */
  setDemoUrl(id: string, url: string, now: string): WebhookRow;
  /** Demo mode's live webhook, if any. */
  demoWebhook(): WebhookRow | undefined;
  update(id: string, input: WebhookConfigInput, now: string): WebhookRow;
  setActive(id: string, active: boolean, now: string): WebhookRow;
  /** Turns a webhook off because the receiver said so (410); returns false when it was already off or gone. */
  deactivate(id: string, reason: string, now: string): boolean;
  setAppKeyRef(id: string, ref: string | null, now: string): WebhookRow;
  markDeleted(id: string, now: string): void;
  /** Live webhooks a new event may fan out to (active ones). */
  activeForFanOut(): WebhookRow[];
}

export function createWebhookStore(sqlite: Database.Database): WebhookStore {
  const byId = sqlite.prepare<[string], RawRow>('SELECT * FROM webhooks WHERE id = ?');
  const insert = sqlite.prepare(
    `INSERT INTO webhooks (id, name, url, events, campaign_id, case_types, active, receives_demo, is_demo, created_at, updated_at)
     VALUES (@id, @name, @url, @events, @campaignId, @caseTypes, @active, @receivesDemo, @isDemo, @now, @now)`,
  );
  const update = sqlite.prepare(
    `UPDATE webhooks SET name = @name, url = @url, events = @events, campaign_id = @campaignId, case_types = @caseTypes,
       active = @active, receives_demo = @receivesDemo, updated_at = @now,
       deactivated_reason = CASE WHEN @active = 1 THEN NULL ELSE deactivated_reason END,
       deactivated_at = CASE WHEN @active = 1 THEN NULL ELSE deactivated_at END
     WHERE id = @id AND deleted_at IS NULL`,
  );
  const setActive = sqlite.prepare(
    `UPDATE webhooks SET active = @active, updated_at = @now,
       deactivated_reason = CASE WHEN @active = 1 THEN NULL ELSE deactivated_reason END,
       deactivated_at = CASE WHEN @active = 1 THEN NULL ELSE deactivated_at END
     WHERE id = @id AND deleted_at IS NULL`,
  );
  const deactivate = sqlite.prepare(
    `UPDATE webhooks SET active = 0, deactivated_reason = @reason, deactivated_at = @now, updated_at = @now
     WHERE id = @id AND active = 1 AND deleted_at IS NULL`,
  );
  const setAppKey = sqlite.prepare('UPDATE webhooks SET app_key_ref = @ref, updated_at = @now WHERE id = @id AND deleted_at IS NULL');
  const markDeleted = sqlite.prepare('UPDATE webhooks SET deleted_at = @now, active = 0, app_key_ref = NULL WHERE id = @id AND deleted_at IS NULL');
  const live = sqlite.prepare<[], RawRow>('SELECT * FROM webhooks WHERE deleted_at IS NULL ORDER BY created_at, id');
  const liveForCampaign = sqlite.prepare<[string], RawRow>('SELECT * FROM webhooks WHERE deleted_at IS NULL AND campaign_id = ? ORDER BY created_at, id');
  const setDemoUrl = sqlite.prepare('UPDATE webhooks SET url = @url, updated_at = @now WHERE id = @id AND is_demo = 1 AND deleted_at IS NULL');
  const demo = sqlite.prepare<[], RawRow>('SELECT * FROM webhooks WHERE is_demo = 1 AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1');
  const active = sqlite.prepare<[], RawRow>('SELECT * FROM webhooks WHERE deleted_at IS NULL AND active = 1');

  const find = (id: string) => {
    const row = byId.get(id);
    return row ? toRow(row) : undefined;
  };
  const get = (id: string) => {
    const row = find(id);
    if (!row || row.deletedAt !== null) throw new AppError('NOT_FOUND', `Webhook ${id} does not exist (it may have been deleted). Reload the list.`, { id });
    return row;
  };
  const params = (id: string, input: WebhookConfigInput, now: string, isDemo = false) => ({
    id,
    name: input.name,
    url: input.url,
    events: JSON.stringify(input.events),
    campaignId: input.campaignId,
    caseTypes: JSON.stringify(input.caseTypes),
    active: input.active ? 1 : 0,
    // Demo mode's own webhook always takes demo data (it exists for nothing else).
    receivesDemo: input.receivesDemo === true || isDemo ? 1 : 0,
    isDemo: isDemo ? 1 : 0,
    now,
  });

  return {
    list: (options = {}) => (options.campaignId === undefined ? live.all() : liveForCampaign.all(options.campaignId)).map(toRow),
    find,
    get,
    insert(id, input, now, isDemo = false) {
      insert.run(params(id, input, now, isDemo));
      return get(id);
    },
    update(id, input, now) {
      get(id);
      update.run(params(id, input, now));
      return get(id);
    },
    setActive(id, isActive, now) {
      get(id);
      setActive.run({ id, active: isActive ? 1 : 0, now });
      return get(id);
    },
    deactivate: (id, reason, now) => deactivate.run({ id, reason, now }).changes > 0,
    setAppKeyRef(id, ref, now) {
      get(id);
      setAppKey.run({ id, ref, now });
      return get(id);
    },
    markDeleted(id, now) {
      get(id);
      markDeleted.run({ id, now });
    },
    activeForFanOut: () => active.all().map(toRow),
    setDemoUrl(id, url, now) {
      setDemoUrl.run({ id, url, now });
      return get(id);
    },
    demoWebhook() {
      const row = demo.get();
      return row ? toRow(row) : undefined;
    },
  };
}
