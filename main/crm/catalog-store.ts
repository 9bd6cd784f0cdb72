// The catalog tables: the last catalog that loaded (crm_catalogs), the last failed load beside it
// (crm_catalog_failures, deleted by the next good load, never replacing the good one), and LawRuler's field sheets
// (crm_field_sheets, one per case type).
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../shared/domain/connectors';
import { crmCatalogSchema, type CrmCatalogView } from '../../shared/domain/crm';
import { writeTransaction } from '../db';

export interface CatalogFailure {
  at: string;
  /** Which part failed: "fields", "statuses", "case types", "substatus types", or "catalog". */
  part: string;
  kind: string;
  message: string;
  /** The CRM's own answer, shortened. */
  crmAnswer: string | null;
  fix: string;
}

export interface FieldSheet {
  caseTypeId: string;
  caseTypeName: string;
  fields: CrmCatalogView['fields'];
  statuses: CrmCatalogView['statuses'];
  importedAt: string;
}

export interface CatalogStore {
  catalog(crm: CrmConnectorId): { catalog: CrmCatalogView; loadedAt: string } | null;
  failure(crm: CrmConnectorId): CatalogFailure | null;
  /** Stores a good load and clears the failure, in one transaction. */
  saveLoaded(crm: CrmConnectorId, catalog: CrmCatalogView, loadedAt: string): void;
  saveFailure(crm: CrmConnectorId, failure: CatalogFailure): void;
  sheets(crm: CrmConnectorId): FieldSheet[];
  /** Adds the sheet of a case type, replacing an earlier one of the same case type. */
  putSheet(crm: CrmConnectorId, sheet: FieldSheet): void;
  /** True when there was one. */
  removeSheet(crm: CrmConnectorId, caseTypeId: string): boolean;
  /** Forgets the loaded catalog and its failure (demo mode's wipe); field sheets, imported by a person, stay. */
  forgetLoaded(crm: CrmConnectorId): void;
}

const MAX_ANSWER = 2_000;
const sheetFields = crmCatalogSchema.shape.fields;
const sheetStatuses = crmCatalogSchema.shape.statuses;

interface SheetRow {
  case_type_id: string;
  case_type_name: string;
  fields: string;
  statuses: string;
  imported_at: string;
}

export function createCatalogStore(sqlite: Database.Database): CatalogStore {
  const readCatalog = sqlite.prepare<[CrmConnectorId], { catalog: string; loaded_at: string }>('SELECT catalog, loaded_at FROM crm_catalogs WHERE crm = ?');
  const readFailure = sqlite.prepare<[CrmConnectorId], { at: string; part: string; kind: string; message: string; crm_answer: string | null; fix: string }>(
    'SELECT at, part, kind, message, crm_answer, fix FROM crm_catalog_failures WHERE crm = ?',
  );
  const writeCatalog = sqlite.prepare(
    `INSERT INTO crm_catalogs (crm, catalog, loaded_at) VALUES (?, ?, ?)
     ON CONFLICT (crm) DO UPDATE SET catalog = excluded.catalog, loaded_at = excluded.loaded_at`,
  );
  const deleteFailure = sqlite.prepare('DELETE FROM crm_catalog_failures WHERE crm = ?');
  const deleteCatalog = sqlite.prepare('DELETE FROM crm_catalogs WHERE crm = ?');
  const writeFailure = sqlite.prepare(
    `INSERT INTO crm_catalog_failures (crm, at, part, kind, message, crm_answer, fix) VALUES (@crm, @at, @part, @kind, @message, @crmAnswer, @fix)
     ON CONFLICT (crm) DO UPDATE SET at = excluded.at, part = excluded.part, kind = excluded.kind, message = excluded.message,
       crm_answer = excluded.crm_answer, fix = excluded.fix`,
  );
  const readSheets = sqlite.prepare<[CrmConnectorId], SheetRow>(
    'SELECT case_type_id, case_type_name, fields, statuses, imported_at FROM crm_field_sheets WHERE crm = ? ORDER BY case_type_name, case_type_id',
  );
  const writeSheet = sqlite.prepare(
    `INSERT INTO crm_field_sheets (crm, case_type_id, case_type_name, fields, statuses, imported_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (crm, case_type_id) DO UPDATE SET case_type_name = excluded.case_type_name, fields = excluded.fields,
       statuses = excluded.statuses, imported_at = excluded.imported_at`,
  );
  const deleteSheet = sqlite.prepare('DELETE FROM crm_field_sheets WHERE crm = ? AND case_type_id = ?');

  return {
    catalog(crm) {
      const row = readCatalog.get(crm);
      return row ? { catalog: crmCatalogSchema.parse(JSON.parse(row.catalog)), loadedAt: row.loaded_at } : null;
    },
    failure(crm) {
      const row = readFailure.get(crm);
      return row ? { at: row.at, part: row.part, kind: row.kind, message: row.message, crmAnswer: row.crm_answer, fix: row.fix } : null;
    },
    saveLoaded(crm, catalog, loadedAt) {
      writeTransaction(sqlite, () => {
        writeCatalog.run(crm, JSON.stringify(catalog), loadedAt);
        deleteFailure.run(crm);
      });
    },
    saveFailure(crm, failure) {
      const crmAnswer = failure.crmAnswer && failure.crmAnswer.length > MAX_ANSWER ? `${failure.crmAnswer.slice(0, MAX_ANSWER)}…` : failure.crmAnswer;
      writeFailure.run({ crm, ...failure, crmAnswer });
    },
    sheets(crm) {
      return readSheets.all(crm).map((row) => ({
        caseTypeId: row.case_type_id,
        caseTypeName: row.case_type_name,
        fields: sheetFields.parse(JSON.parse(row.fields)),
        statuses: sheetStatuses.parse(JSON.parse(row.statuses)),
        importedAt: row.imported_at,
      }));
    },
    putSheet(crm, sheet) {
      writeSheet.run(crm, sheet.caseTypeId, sheet.caseTypeName, JSON.stringify(sheet.fields), JSON.stringify(sheet.statuses), sheet.importedAt);
    },
    removeSheet(crm, caseTypeId) {
      return deleteSheet.run(crm, caseTypeId).changes > 0;
    },
    forgetLoaded(crm) {
      writeTransaction(sqlite, () => {
        deleteCatalog.run(crm);
        deleteFailure.run(crm);
      });
    },
  };
}
