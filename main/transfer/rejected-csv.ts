// The rejected rows of an import as a CSV file to fix and import again: the original columns plus "reasons".
import { csvLines } from './csv-cells';
import { uniqueColumns } from './csv-table';
import type { RejectedRow } from './import-runner';

/** "clients.csv" → "clients-rejected.csv". */
export const rejectedFileName = (fileName: string): string => `${fileName.replace(/\.(csv|txt|tsv)$/i, '') || 'import'}-rejected.csv`;

/** CSV text: the file's header plus a reasons column, then each rejected row with its reasons joined by "; ". */
export function rejectedCsv(columns: readonly string[], rejects: readonly RejectedRow[]): string {
  const header = uniqueColumns([...columns, 'reasons']);
  return `${csvLines([header, ...rejects.map((r) => [...r.row.cells, r.reasons.join('; ')])])}\r\n`;
}
