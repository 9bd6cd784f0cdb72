// The conflict log: every field both sides changed since the last sync, with both values, the rule that decided, the
// winner and what was done, so an admin can see why a value is what it is. Written in the transaction of the pull
// step that decided it (a crash never logs a conflict whose outcome was not applied, nor applies one unlogged).
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { ConflictEntry } from '../../../shared/domain/sync-pull';
import type { ConflictDecision } from './decide';

export interface ConflictInput {
  caseId: string;
  crmRecordId: string;
  kayseField: string;
  crmFieldId: string;
  conflict: ConflictDecision;
  outcome: 'to_kayse' | 'to_crm' | 'kept';
  decidedAt: string;
}

interface Row {
  id: number;
  crm: CrmConnectorId;
  case_id: string;
  crm_record_id: string;
  kayse_field: string;
  crm_field_id: string;
  kayse_value: string | null;
  crm_value: string | null;
  rule: ConflictEntry['rule'];
  winner: ConflictEntry['winner'];
  outcome: string;
  kayse_changed_at: string | null;
  crm_changed_at: string | null;
  decided_at: string;
}

const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

export function createConflictLog(sqlite: Database.Database) {
  const q = {
    insert: sqlite.prepare(
      `INSERT INTO sync_conflicts (crm, case_id, crm_record_id, kayse_field, crm_field_id, kayse_value, crm_value, rule, winner, outcome, kayse_changed_at, crm_changed_at, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    list: sqlite.prepare<[string, number], Row>('SELECT * FROM sync_conflicts WHERE crm = ? ORDER BY id DESC LIMIT ?'),
    ofCase: sqlite.prepare<[string, string], Row>('SELECT * FROM sync_conflicts WHERE crm = ? AND case_id = ? ORDER BY id'),
  };
  const toEntry = (r: Row): ConflictEntry => ({
    id: r.id,
    crm: r.crm,
    caseId: r.case_id,
    crmRecordId: r.crm_record_id,
    kayseField: r.kayse_field,
    crmFieldId: r.crm_field_id,
    kayseValue: parse(r.kayse_value),
    crmValue: parse(r.crm_value),
    rule: r.rule,
    winner: r.winner,
    outcome: r.outcome,
    kayseChangedAt: r.kayse_changed_at,
    crmChangedAt: r.crm_changed_at,
    decidedAt: r.decided_at,
  });
  return {
    /** Call inside the caller's write transaction (it announces `sync_conflicts`). */
    add(crm: CrmConnectorId, c: ConflictInput): void {
      const d = c.conflict;
      q.insert.run(
        crm,
        c.caseId,
        c.crmRecordId,
        c.kayseField,
        c.crmFieldId,
        JSON.stringify(d.kayseValue ?? null),
        JSON.stringify(d.crmValue ?? null),
        d.rule,
        d.winner,
        c.outcome,
        d.kayseChangedAt,
        d.crmChangedAt,
        c.decidedAt,
      );
    },
    /** The newest conflicts of one integration first. */
    list: (crm: CrmConnectorId, limit = 100): ConflictEntry[] => q.list.all(crm, limit).map(toEntry),
    ofCase: (crm: CrmConnectorId, caseId: string): ConflictEntry[] => q.ofCase.all(crm, caseId).map(toEntry),
  };
}

export type ConflictLog = ReturnType<typeof createConflictLog>;
