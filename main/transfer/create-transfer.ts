// The transfer capability as the core holds it: CSV import and CSV/JSON export of the workspace records, each
// running in the background with task.progress; closing stops them between chunks.
import type Database from 'better-sqlite3';
import type { Clock, EventBus, IdGenerator } from '../kernel';
import type { Logger } from '../log';
import type { CaseTypeCatalog, RecordStore } from '../workspace';
import { createExportService, type ExportService } from './export-service';
import { createImportService, type ImportService } from './import-service';

export interface TransferDeps {
  sqlite: Database.Database;
  caseTypes: CaseTypeCatalog;
  records: RecordStore;
  clock: Clock;
  /** Task ids and the ids of imported cases (default: ULIDs). */
  ids?: IdGenerator;
  events: EventBus;
  logger: Logger;
}

export interface Transfer {
  imports: ImportService;
  exports: ExportService;
  /** Stops running imports and exports and waits for them: call it before the database closes. */
  close(): Promise<void>;
}

/** The import and export services over one database. */
export function createTransfer(deps: TransferDeps): Transfer {
  const imports = createImportService(deps);
  const exports = createExportService(deps);
  return {
    imports,
    exports,
    async close() {
      await Promise.all([imports.close(), exports.close()]);
    },
  };
}
