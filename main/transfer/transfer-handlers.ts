// Handlers of the import and export procedures.
import type { transferContract } from '../../shared/contract/transfer';
import type { Handlers } from '../../shared/rpc';
import type { ExportService } from './export-service';
import type { ImportService } from './import-service';

export interface TransferHandlerDeps {
  transfer: { imports: ImportService; exports: ExportService };
}

/** The `imports.*` and `exports.*` handlers over the transfer services. */
export function transferHandlers({ transfer }: TransferHandlerDeps): Handlers<typeof transferContract> {
  return {
    imports: {
      inspect: (input) => transfer.imports.inspect(input),
      dryRun: (input) => transfer.imports.dryRun(input),
      run: (input) => transfer.imports.run(input),
      result: ({ taskId }) => transfer.imports.result(taskId),
      rejectedCsv: ({ taskId }) => transfer.imports.rejectedCsv(taskId),
    },
    exports: {
      run: (input) => transfer.exports.run(input),
      result: ({ taskId }) => transfer.exports.result(taskId),
    },
  };
}
