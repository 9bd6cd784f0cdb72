// The saved mappings: sync_field_mappings (one set per scope: '' the default set, else a CRM case type id) and
// sync_status_mappings (one list per Kayse case type). A save replaces one set whole, in one write transaction.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { MappingDirection } from '../../shared/domain/sync';
import { writeTransaction } from '../db';

export interface StoredFieldMapping {
  scope: string;
  kayseField: string;
  crmFieldId: string;
  crmFieldName: string;
  direction: MappingDirection;
  savedAt: string;
}

export interface StoredStatusMapping {
  kayseCaseTypeId: string;
  kayseStatusId: string;
  crmStatusId: string;
  crmStatusName: string;
  substatus: { typeId: string; typeName: string; statusId: string; statusName: string } | null;
  reverseChoice: boolean;
  savedAt: string;
}

/** The scope column of the default set. */
export const DEFAULT_SCOPE = '';

interface StatusRow {
  kayse_case_type_id: string;
  kayse_status_id: string;
  crm_status_id: string;
  crm_status_name: string;
  substatus_type_id: string | null;
  substatus_type_name: string | null;
  substatus_id: string | null;
  substatus_name: string | null;
  reverse_choice: number;
  saved_at: string;
}

export interface MappingStore {
  fieldMappings(crm: CrmConnectorId): StoredFieldMapping[];
  replaceFieldSet(crm: CrmConnectorId, scope: string, mappings: StoredFieldMapping[]): void;
  statusMappings(crm: CrmConnectorId): StoredStatusMapping[];
  replaceStatusSet(crm: CrmConnectorId, kayseCaseTypeId: string, mappings: StoredStatusMapping[]): void;
}

export function createMappingStore(sqlite: Database.Database): MappingStore {
  const readFields = sqlite.prepare<[CrmConnectorId], { scope: string; kayse_field: string; crm_field_id: string; crm_field_name: string; direction: MappingDirection; saved_at: string }>(
    'SELECT scope, kayse_field, crm_field_id, crm_field_name, direction, saved_at FROM sync_field_mappings WHERE crm = ? ORDER BY scope, position',
  );
  const deleteFieldSet = sqlite.prepare('DELETE FROM sync_field_mappings WHERE crm = ? AND scope = ?');
  const insertField = sqlite.prepare(
    `INSERT INTO sync_field_mappings (crm, scope, kayse_field, crm_field_id, crm_field_name, direction, position, saved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const readStatuses = sqlite.prepare<[CrmConnectorId], StatusRow>(
    `SELECT kayse_case_type_id, kayse_status_id, crm_status_id, crm_status_name, substatus_type_id, substatus_type_name, substatus_id,
       substatus_name, reverse_choice, saved_at FROM sync_status_mappings WHERE crm = ? ORDER BY kayse_case_type_id, position`,
  );
  const deleteStatusSet = sqlite.prepare('DELETE FROM sync_status_mappings WHERE crm = ? AND kayse_case_type_id = ?');
  const insertStatus = sqlite.prepare(
    `INSERT INTO sync_status_mappings (crm, kayse_case_type_id, kayse_status_id, crm_status_id, crm_status_name, substatus_type_id,
       substatus_type_name, substatus_id, substatus_name, reverse_choice, position, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    fieldMappings: (crm) =>
      readFields.all(crm).map((r) => ({ scope: r.scope, kayseField: r.kayse_field, crmFieldId: r.crm_field_id, crmFieldName: r.crm_field_name, direction: r.direction, savedAt: r.saved_at })),
    replaceFieldSet(crm, scope, mappings) {
      writeTransaction(sqlite, () => {
        deleteFieldSet.run(crm, scope);
        mappings.forEach((m, i) => insertField.run(crm, scope, m.kayseField, m.crmFieldId, m.crmFieldName, m.direction, i, m.savedAt));
      });
    },
    statusMappings: (crm) =>
      readStatuses.all(crm).map((r) => ({
        kayseCaseTypeId: r.kayse_case_type_id,
        kayseStatusId: r.kayse_status_id,
        crmStatusId: r.crm_status_id,
        crmStatusName: r.crm_status_name,
        substatus:
          r.substatus_type_id !== null && r.substatus_id !== null
            ? { typeId: r.substatus_type_id, typeName: r.substatus_type_name ?? r.substatus_type_id, statusId: r.substatus_id, statusName: r.substatus_name ?? r.substatus_id }
            : null,
        reverseChoice: r.reverse_choice === 1,
        savedAt: r.saved_at,
      })),
    replaceStatusSet(crm, kayseCaseTypeId, mappings) {
      writeTransaction(sqlite, () => {
        deleteStatusSet.run(crm, kayseCaseTypeId);
        mappings.forEach((m, i) =>
          insertStatus.run(
            crm,
            kayseCaseTypeId,
            m.kayseStatusId,
            m.crmStatusId,
            m.crmStatusName,
            m.substatus?.typeId ?? null,
            m.substatus?.typeName ?? null,
            m.substatus?.statusId ?? null,
            m.substatus?.statusName ?? null,
            m.reverseChoice ? 1 : 0,
            i,
            m.savedAt,
          ),
        );
      });
    },
  };
}
