// The sync settings of each integration (sync_settings), beside the toggles crm_connections keeps: direction,
// frequency (daily at a time read in the company's timezone), the conflict rule with "empty overwrites filled",
// selective sync, the CRM's rate limit (requests per second its vendor gave the firm, or null: unknown). A CRM never
// saved reads as the defaults (DEFAULT_SYNC_SETTINGS). Saving starts nothing; those watching a save (the rate
// limiters, create-sync.ts) hear of it after it is stored.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../shared/domain/connectors';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings, type SyncSettingsUpdate } from '../../shared/domain/sync-settings';
import type { CaseType } from '../../shared/domain/workspace';
import { AppError, describeIssues, type FieldIssue } from '../../shared/result';
import { announceChanged, type Clock, type EventBus } from '../kernel';

export interface SettingsDeps {
  sqlite: Database.Database;
  caseTypes(): CaseType[];
  /** The company's IANA timezone (Settings → Company), in which a daily time is read. */
  timezone(): string;
  clock: Clock;
  events: EventBus;
}

interface Row {
  direction: SyncSettings['direction'];
  frequency: SyncSettings['frequency']['kind'];
  daily_at: string | null;
  conflict_rule: SyncSettings['conflict']['rule'];
  empty_overwrites_filled: number;
  record_kinds: string;
  case_type_ids: string;
  status_ids: string;
  updated_at: string;
  /** Null: unknown, and rows saved before the column existed. */
  rate_limit_per_second: number | null;
}

type Stored = Omit<SyncSettings, 'crm' | 'frequency'> & { frequency: { kind: 'real_time' } | { kind: 'hourly' } | { kind: 'daily'; at: string } };

export function createSyncSettings(deps: SettingsDeps) {
  const read = deps.sqlite.prepare<[CrmConnectorId], Row>('SELECT * FROM sync_settings WHERE crm = ?');
  const write = deps.sqlite.prepare(
    `INSERT INTO sync_settings (crm, direction, frequency, daily_at, conflict_rule, empty_overwrites_filled, record_kinds, case_type_ids, status_ids, updated_at, rate_limit_per_second)
     VALUES (@crm, @direction, @frequency, @daily_at, @conflict_rule, @empty_overwrites_filled, @record_kinds, @case_type_ids, @status_ids, @updated_at, @rate_limit_per_second)
     ON CONFLICT (crm) DO UPDATE SET direction = excluded.direction, frequency = excluded.frequency, daily_at = excluded.daily_at,
       conflict_rule = excluded.conflict_rule, empty_overwrites_filled = excluded.empty_overwrites_filled, record_kinds = excluded.record_kinds,
       case_type_ids = excluded.case_type_ids, status_ids = excluded.status_ids, updated_at = excluded.updated_at,
       rate_limit_per_second = excluded.rate_limit_per_second`,
  );
  const watchers = new Set<(settings: SyncSettings) => void>();

  const stored = (crm: CrmConnectorId): Stored => {
    const row = read.get(crm);
    if (!row) return { ...structuredClone(DEFAULT_SYNC_SETTINGS), selective: { recordKinds: [], caseTypeIds: [], statusIds: [] }, updatedAt: null };
    return {
      direction: row.direction,
      frequency: row.frequency === 'daily' ? { kind: 'daily', at: row.daily_at ?? '00:00' } : { kind: row.frequency },
      conflict: { rule: row.conflict_rule, emptyOverwritesFilled: row.empty_overwrites_filled === 1 },
      selective: { recordKinds: JSON.parse(row.record_kinds) as Stored['selective']['recordKinds'], caseTypeIds: JSON.parse(row.case_type_ids) as string[], statusIds: JSON.parse(row.status_ids) as string[] },
      rateLimit: row.rate_limit_per_second === null ? null : { requestsPerSecond: row.rate_limit_per_second },
      updatedAt: row.updated_at,
    };
  };

  const view = (crm: CrmConnectorId): SyncSettings => {
    const s = stored(crm);
    const frequency = s.frequency.kind === 'daily' ? { kind: 'daily' as const, at: s.frequency.at, timezone: deps.timezone() } : s.frequency;
    return { crm, ...s, frequency };
  };

  /** Case types and statuses must be Kayse's; a status must be of a selected case type when case types are chosen. */
  const selectionIssues = (selective: Stored['selective']): FieldIssue[] => {
    const caseTypes = deps.caseTypes();
    const issues: FieldIssue[] = [];
    selective.caseTypeIds.forEach((id, i) => {
      if (!caseTypes.some((t) => t.id === id)) issues.push({ path: `selective.caseTypeIds.${i}`, message: `Kayse has no case type ${id}` });
    });
    selective.statusIds.forEach((id, i) => {
      const owner = caseTypes.find((t) => t.statuses.some((s) => s.id === id));
      if (!owner) issues.push({ path: `selective.statusIds.${i}`, message: `Kayse has no case status ${id}` });
      else if (selective.caseTypeIds.length > 0 && !selective.caseTypeIds.includes(owner.id)) {
        const name = owner.statuses.find((s) => s.id === id)!.name;
        issues.push({ path: `selective.statusIds.${i}`, message: `"${name}" is a status of "${owner.name}", which is not among the selected case types: select that case type too, or remove the status` });
      }
    });
    return issues;
  };

  return {
    get: view,
    /** Changes the settings given, keeps the others; refuses the whole change naming each bad part. */
    update(input: SyncSettingsUpdate): SyncSettings {
      const current = stored(input.crm);
      const next: Stored = {
        direction: input.direction ?? current.direction,
        frequency: input.frequency ?? current.frequency,
        conflict: { ...current.conflict, ...input.conflict },
        selective: { ...current.selective, ...input.selective },
        rateLimit: input.rateLimit === undefined ? current.rateLimit : input.rateLimit,
        updatedAt: deps.clock.now().toISOString(),
      };
      const issues = selectionIssues(next.selective);
      if (issues.length > 0) throw new AppError('INVALID_INPUT', `Check the sync settings: ${describeIssues(issues)}`, { issues });
      write.run({
        crm: input.crm,
        direction: next.direction,
        frequency: next.frequency.kind,
        daily_at: next.frequency.kind === 'daily' ? next.frequency.at : null,
        conflict_rule: next.conflict.rule,
        empty_overwrites_filled: next.conflict.emptyOverwritesFilled ? 1 : 0,
        record_kinds: JSON.stringify(next.selective.recordKinds),
        case_type_ids: JSON.stringify(next.selective.caseTypeIds),
        status_ids: JSON.stringify(next.selective.statusIds),
        updated_at: next.updatedAt,
        rate_limit_per_second: next.rateLimit?.requestsPerSecond ?? null,
      });
      announceChanged(deps.events, ['sync_settings']);
      const saved = view(input.crm);
      for (const watcher of watchers) watcher(saved);
      return saved;
    },
    /** `watcher` hears every saved change (after it is stored); returns the way to stop. */
    watch(watcher: (settings: SyncSettings) => void): () => void {
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
  };
}

export type SyncSettingsService = ReturnType<typeof createSyncSettings>;
