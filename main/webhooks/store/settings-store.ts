// The engine's one settings row: internal-receiver allowlist, extra trusted CAs, log retention, secret grace period.
import type Database from 'better-sqlite3';
import type { WebhookSettings } from '../../../shared/contract/webhooks';

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { allowlist: [], extraCa: [], retentionDays: 30, graceHours: 24 };

export interface SettingsStore {
  get(): WebhookSettings;
  save(settings: WebhookSettings, now: string): WebhookSettings;
}

interface Row {
  allowlist: string;
  extra_ca: string;
  retention_days: number;
  grace_hours: number;
}

export function createSettingsStore(sqlite: Database.Database): SettingsStore {
  const read = sqlite.prepare<[], Row>('SELECT allowlist, extra_ca, retention_days, grace_hours FROM webhook_settings WHERE id = 1');
  const write = sqlite.prepare(
    `INSERT INTO webhook_settings (id, allowlist, extra_ca, retention_days, grace_hours, updated_at)
     VALUES (1, @allowlist, @extraCa, @retentionDays, @graceHours, @now)
     ON CONFLICT (id) DO UPDATE SET allowlist = excluded.allowlist, extra_ca = excluded.extra_ca,
       retention_days = excluded.retention_days, grace_hours = excluded.grace_hours, updated_at = excluded.updated_at`,
  );
  const get = (): WebhookSettings => {
    const row = read.get();
    if (!row) return DEFAULT_WEBHOOK_SETTINGS;
    return {
      allowlist: JSON.parse(row.allowlist) as string[],
      extraCa: JSON.parse(row.extra_ca) as string[],
      retentionDays: row.retention_days,
      graceHours: row.grace_hours,
    };
  };
  return {
    get,
    save(settings, now) {
      write.run({ ...settings, allowlist: JSON.stringify(settings.allowlist), extraCa: JSON.stringify(settings.extraCa), now });
      return get();
    },
  };
}
