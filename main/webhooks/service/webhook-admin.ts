// Managing webhooks: create/edit/activate/delete with every rule checked (each refusal names the rule), the
// signing secret (reveal, rotate with a grace period) and the App Key, both kept in the secret store only.
import type Database from 'better-sqlite3';
import type { WebhookConfigInput } from '../../../shared/domain/webhooks';
import type { TableName } from '../../../shared/domain/tables';
import { AppError, type FieldIssue } from '../../../shared/result';
import { ulidIds, type Clock, type IdGenerator } from '../../kernel';
import { writeTransaction } from '../../db';
import type { SecretStore } from '../../secrets';
import type { CaseTypeCatalog } from '../../workspace';
import type { DeliveryEngine } from '../engine/delivery-engine';
import { appKeyAccount } from '../engine/credentials';
import type { SecretVault } from '../signing/secret-vault';
import type { DeliveryStore } from '../store/delivery-store';
import type { SettingsStore } from '../store/settings-store';
import type { WebhookRow, WebhookStore } from '../store/webhook-store';
import { checkDestination, type DestinationCheck, type Lookup } from '../../net';

export interface WebhookAdminDeps {
  sqlite: Database.Database;
  webhooks: WebhookStore;
  deliveries: DeliveryStore;
  settings: SettingsStore;
  vault: SecretVault;
  secrets: SecretStore;
  caseTypes: CaseTypeCatalog;
  engine: DeliveryEngine;
  clock: Clock;
  /** Ids of new webhooks (default: ULIDs). */
  ids?: IdGenerator;
  lookup?: Lookup;
  changed: (tables: TableName[]) => void;
}

export interface WebhookAdmin {
  checkUrl(url: string): Promise<DestinationCheck>;
  create(input: WebhookConfigInput): Promise<WebhookRow>;
  update(id: string, input: WebhookConfigInput): Promise<WebhookRow>;
  setActive(id: string, active: boolean): WebhookRow;
  remove(id: string): Promise<number>;
  revealSecret(id: string): Promise<string>;
  secretInfo(id: string): Promise<{ activeSince: string; previousValidUntil: string[]; graceHours: number }>;
  rotateSecret(id: string, graceHours?: number): Promise<{ previousValidUntil: string | null }>;
  setAppKey(id: string, appKey: string): Promise<WebhookRow>;
  clearAppKey(id: string): Promise<WebhookRow>;
}

const HOUR_MS = 3_600_000;

export function createWebhookAdmin(deps: WebhookAdminDeps): WebhookAdmin {
  const { webhooks, clock, ids = ulidIds } = deps;
  const now = () => clock.now().toISOString();

  const checkUrl = (url: string) => checkDestination(url, { lookup: deps.lookup, allowlist: deps.settings.get().allowlist });

  const campaignIds = () => deps.sqlite.prepare<[], { id: string }>('SELECT id FROM campaigns ORDER BY name').all().map((r) => r.id);

  /** The rules the shared schema can't know: the URL's addresses, and that the campaign and case types exist. */
  async function checkRules(input: WebhookConfigInput): Promise<void> {
    const issues: (FieldIssue & { rule?: string })[] = [];
    const destination = await checkUrl(input.url);
    if (!destination.ok) issues.push({ path: 'url', message: destination.message, rule: destination.rule });
    if (input.campaignId !== null) {
      const found = deps.sqlite.prepare<[string], { id: string }>('SELECT id FROM campaigns WHERE id = ?').get(input.campaignId);
      if (!found) issues.push({ path: 'campaignId', message: `There is no campaign ${input.campaignId}: pick one of the workspace's campaigns`, rule: 'unknown_campaign' });
    }
    const unknown = input.caseTypes.filter((name) => !deps.caseTypes.byName(name));
    if (unknown.length > 0) {
      const valid = deps.caseTypes.list().map((t) => t.name);
      issues.push({
        path: 'caseTypes',
        message: `Unknown case type${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Valid: ${valid.length > 0 ? valid.join(', ') : '(none yet)'}`,
        rule: 'unknown_case_type',
      });
    }
    if (issues.length === 0) return;
    const message = `The webhook was not saved: ${issues.map((i) => i.message).join('; ')}`;
    // Names the workspace doesn't have (well-formed input) are UNPROCESSABLE with the valid values, as elsewhere.
    if (issues.every((i) => i.rule === 'unknown_campaign' || i.rule === 'unknown_case_type')) {
      const valid = issues.some((i) => i.rule === 'unknown_case_type') ? deps.caseTypes.list().map((t) => t.name) : campaignIds();
      throw new AppError('UNPROCESSABLE', message, { issues, valid });
    }
    throw new AppError('INVALID_INPUT', message, { issues });
  }

  const touched = (id?: string) => {
    deps.engine.webhooksChanged(id);
    deps.changed(['webhooks']);
  };

  return {
    checkUrl,
    async create(input) {
      await checkRules(input);
      const id = ids.next('wh_');
      // The secret first: a webhook must never exist without one (a keychain failure leaves nothing behind).
      await deps.vault.create(id);
      try {
        const row = webhooks.insert(id, input, now());
        touched(id);
        return row;
      } catch (error) {
        await deps.vault.remove(id).catch(() => undefined);
        throw error;
      }
    },
    async update(id, input) {
      webhooks.get(id);
      await checkRules(input);
      const row = webhooks.update(id, input, now());
      touched(id);
      return row;
    },
    setActive(id, active) {
      const row = webhooks.setActive(id, active, now());
      touched(id);
      return row;
    },
    async remove(id) {
      const row = webhooks.get(id);
      const at = now();
      const cancelled = writeTransaction(deps.sqlite, () => {
        webhooks.markDeleted(id, at);
        return deps.deliveries.cancelPending(id, at);
      });
      touched(id);
      deps.changed(['webhook_deliveries']);
      await deps.vault.remove(id).catch(() => undefined);
      if (row.appKeyRef !== null) await deps.secrets.delete(row.appKeyRef).catch(() => undefined);
      return cancelled;
    },
    async revealSecret(id) {
      webhooks.get(id);
      return deps.vault.reveal(id);
    },
    async secretInfo(id) {
      webhooks.get(id);
      const info = await deps.vault.info(id);
      return {
        activeSince: info.activeSince.toISOString(),
        previousValidUntil: info.previousValidUntil.map((d) => d.toISOString()),
        graceHours: deps.settings.get().graceHours,
      };
    },
    async rotateSecret(id, graceHours) {
      webhooks.get(id);
      const hours = graceHours ?? deps.settings.get().graceHours;
      const { previousValidUntil } = await deps.vault.rotate(id, { graceMs: hours * HOUR_MS });
      touched(id);
      return { previousValidUntil: previousValidUntil?.toISOString() ?? null };
    },
    async setAppKey(id, appKey) {
      webhooks.get(id);
      const account = appKeyAccount(id);
      await deps.secrets.set(account, appKey);
      const row = webhooks.setAppKeyRef(id, account, now());
      touched(id);
      return row;
    },
    async clearAppKey(id) {
      const row = webhooks.get(id);
      if (row.appKeyRef !== null) await deps.secrets.delete(row.appKeyRef);
      const updated = webhooks.setAppKeyRef(id, null, now());
      touched(id);
      return updated;
    },
  };
}
