// crm_connections: one row per CRM, kept after Disconnect (settings without secrets, toggles, last test), so a
// reconnect finds what was entered and the sync engine finds the toggles. Secrets are never here: secret_refs
// holds keychain account names.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { CrmConnectorId } from '../../shared/domain/connectors';
import { crmCheckSchema, crmTogglesSchema, DEFAULT_CRM_TOGGLES, type CrmCheckView, type CrmToggles } from '../../shared/domain/crm';
import type { CrmSettings } from './crm-fields';

/** Why the connection is in the Error state, and since when (kept while the same kind of error persists). */
export interface ConnectionError {
  kind: string;
  message: string;
  since: string;
}

export interface ConnectionRow {
  crm: CrmConnectorId;
  settings: CrmSettings;
  /** Secret field → keychain account; empty once disconnected and for demo connections. */
  secretRefs: Record<string, string>;
  isDemo: boolean;
  connectedAs: string | null;
  /** Null when not connected (never connected, or disconnected). */
  connectedAt: string | null;
  toggles: CrmToggles;
  normalisedNotice: string | null;
  error: ConnectionError | null;
  lastTest: { at: string; checks: CrmCheckView[] } | null;
  updatedAt: string;
}

interface Row {
  crm: CrmConnectorId;
  settings: string;
  secret_refs: string;
  is_demo: number;
  connected_as: string | null;
  connected_at: string | null;
  toggles: string;
  normalised_notice: string | null;
  error_kind: string | null;
  error_message: string | null;
  error_since: string | null;
  last_test_at: string | null;
  last_test_checks: string | null;
  updated_at: string;
}

const stringMap = z.record(z.string(), z.string());
// A toggle added in a later version reads as its default in a row saved before it.
const storedToggles = crmTogglesSchema.partial();
const storedChecks = z.array(crmCheckSchema);

export interface ConnectionStore {
  get(crm: CrmConnectorId): ConnectionRow | null;
  save(row: ConnectionRow): void;
  /** Forgets the CRM's row entirely (demo mode's wipe); true when there was one. */
  remove(crm: CrmConnectorId): boolean;
}

export function createConnectionStore(sqlite: Database.Database): ConnectionStore {
  const read = sqlite.prepare<[CrmConnectorId], Row>('SELECT * FROM crm_connections WHERE crm = ?');
  const write = sqlite.prepare(
    `INSERT INTO crm_connections (crm, settings, secret_refs, is_demo, connected_as, connected_at, toggles, normalised_notice,
       error_kind, error_message, error_since, last_test_at, last_test_checks, updated_at)
     VALUES (@crm, @settings, @secret_refs, @is_demo, @connected_as, @connected_at, @toggles, @normalised_notice,
       @error_kind, @error_message, @error_since, @last_test_at, @last_test_checks, @updated_at)
     ON CONFLICT (crm) DO UPDATE SET settings = excluded.settings, secret_refs = excluded.secret_refs, is_demo = excluded.is_demo,
       connected_as = excluded.connected_as, connected_at = excluded.connected_at, toggles = excluded.toggles,
       normalised_notice = excluded.normalised_notice, error_kind = excluded.error_kind, error_message = excluded.error_message,
       error_since = excluded.error_since, last_test_at = excluded.last_test_at, last_test_checks = excluded.last_test_checks,
       updated_at = excluded.updated_at`,
  );
  const removeRow = sqlite.prepare('DELETE FROM crm_connections WHERE crm = ?');
  return {
    remove: (crm) => removeRow.run(crm).changes > 0,
    get(crm) {
      const row = read.get(crm);
      if (!row) return null;
      return {
        crm: row.crm,
        settings: { username: '', ...stringMap.parse(JSON.parse(row.settings)) },
        secretRefs: stringMap.parse(JSON.parse(row.secret_refs)),
        isDemo: row.is_demo === 1,
        connectedAs: row.connected_as,
        connectedAt: row.connected_at,
        toggles: { ...DEFAULT_CRM_TOGGLES, ...storedToggles.parse(JSON.parse(row.toggles)) },
        normalisedNotice: row.normalised_notice,
        error: row.error_kind !== null && row.error_since !== null ? { kind: row.error_kind, message: row.error_message ?? '', since: row.error_since } : null,
        lastTest: row.last_test_at !== null ? { at: row.last_test_at, checks: storedChecks.parse(JSON.parse(row.last_test_checks ?? '[]')) } : null,
        updatedAt: row.updated_at,
      };
    },
    save(row) {
      write.run({
        crm: row.crm,
        settings: JSON.stringify(row.settings),
        secret_refs: JSON.stringify(row.secretRefs),
        is_demo: row.isDemo ? 1 : 0,
        connected_as: row.connectedAs,
        connected_at: row.connectedAt,
        toggles: JSON.stringify(row.toggles),
        normalised_notice: row.normalisedNotice,
        error_kind: row.error?.kind ?? null,
        error_message: row.error?.message ?? null,
        error_since: row.error?.since ?? null,
        last_test_at: row.lastTest?.at ?? null,
        last_test_checks: row.lastTest ? JSON.stringify(row.lastTest.checks) : null,
        updated_at: row.updatedAt,
      });
    },
  };
}

/** The row of a CRM never connected nor configured: default toggles, nothing entered. */
export function emptyConnection(crm: CrmConnectorId, now: string): ConnectionRow {
  return {
    crm,
    settings: { username: '' },
    secretRefs: {},
    isDemo: false,
    connectedAs: null,
    connectedAt: null,
    toggles: { ...DEFAULT_CRM_TOGGLES },
    normalisedNotice: null,
    error: null,
    lastTest: null,
    updatedAt: now,
  };
}
