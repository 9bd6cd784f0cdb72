// CSV import and CSV/JSON export of the workspace records: the factory and the contract handlers.
export { createTransfer, type Transfer, type TransferDeps } from './create-transfer';
export { transferHandlers, type TransferHandlerDeps } from './transfer-handlers';
export type { ExportService } from './export-service';
export type { ImportService } from './import-service';
