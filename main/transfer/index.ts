// CSV import and CSV/JSON export of the workspace records: the services and their contract handlers.
import type Database from 'better-sqlite3';
import type { Clock } from '../kernel/clock';
import type { EventBus } from '../kernel/event-bus';
import type { Logger } from '../log';
import type { CaseTypeCatalog, RecordStore } from '../workspace/records';
import { createExportService, type ExportService } from './export-service';
import { createImportService, type ImportService } from './import-service';

export { transferHandlers, type TransferDeps } from './transfer-handlers';
export type { ExportService, ImportService };

export interface TransferServiceDeps {
  sqlite: Database.Database;
  caseTypes: CaseTypeCatalog;
  records: RecordStore;
  clock: Clock;
  events: EventBus;
  logger: Logger;
}

export interface TransferServices {
  imports: ImportService;
  exports: ExportService;
  /** Stops running imports and exports and waits for them: call it before the database closes. */
  close(): Promise<void>;
}

/** The import and export services over one database. */
export function createTransferServices(deps: TransferServiceDeps): TransferServices {
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
